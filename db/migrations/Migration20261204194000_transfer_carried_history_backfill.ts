import { Migration } from '@mikro-orm/migrations';

export class Migration20261204194000_transfer_carried_history_backfill extends Migration {
  override name = 'Migration20261204194000_transfer_carried_history_backfill';

  override up(): void | Promise<void> {
    // No schema change. Applying this migration sets off the back-fill of transfer_carried_history for the transfers
    // completed before the hand-over kept what it carried (db/migrator.ts runs db/writers/transfer-carried-backfill.ts
    // right after it, in one transaction): it needs the domain rule, which a migration file cannot import. Operators can
    // run it again at any time (`npm run backfill:carried-history`); a second run writes nothing.
    this.addSql(`select 1;`);
  }

  override down(): void | Promise<void> {
    // The back-filled rows are what those transfers carried: they stay (a later transfer may have moved them on).
  }
}
