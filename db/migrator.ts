import type { MikroORM } from '@mikro-orm/postgresql';

/** Applies every committed migration not yet applied; returns their names. Safe to run on every start. */
export async function migrateToLatest(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((migration) => migration.name);
}

/** SQL that would still be needed to match the entities after migrating: empty when no migration is missing. */
export async function pendingSchemaChanges(orm: MikroORM): Promise<string> {
  return (await orm.schema.getUpdateSchemaSQL({ wrap: false })).trim();
}
