import type { MikroORM } from '@mikro-orm/postgresql';
import { backfillCarriedHistory, type CarriedHistoryBackfill } from './writers/transfer-carried-backfill.js';

/** The migration whose application sets off the back-fill of what completed transfers carried (issue 11 multi-hop). */
export const CARRIED_HISTORY_BACKFILL = 'Migration20261204194000_transfer_carried_history_backfill';

/**
 * Applies every committed migration not yet applied; returns their names. Safe to run on every start. A data back-fill
 * that needs domain rules runs here right after the migration that calls for it (a migration file imports no code).
 */
export async function migrateToLatest(orm: MikroORM): Promise<string[]> {
  const applied = (await orm.migrator.up()).map((migration) => migration.name);
  if (applied.includes(CARRIED_HISTORY_BACKFILL)) await runCarriedHistoryBackfill(orm);
  return applied;
}

/**
 * Writes the carried rows of completed transfers that have none (db/writers/transfer-carried-backfill.ts), in one
 * transaction; idempotent, so operators may run it again (`npm run backfill:carried-history`).
 */
export async function runCarriedHistoryBackfill(orm: MikroORM): Promise<CarriedHistoryBackfill> {
  return orm.em.fork().transactional(async (em) => {
    const [row] = await em.execute<{ now: Date }[]>('select now() as now');
    return backfillCarriedHistory(em, row!.now);
  });
}

/** SQL that would still be needed to match the entities after migrating: empty when no migration is missing. */
export async function pendingSchemaChanges(orm: MikroORM): Promise<string> {
  return (await orm.schema.getUpdateSchemaSQL({ wrap: false })).trim();
}
