import { Migration } from '@mikro-orm/migrations';

export class Migration20261204020100_temporary_account_collected_periods extends Migration {
  override name = 'Migration20261204020100_temporary_account_collected_periods';

  override up(): void | Promise<void> {
    // What a collection (归集) counted, kept with it: the spans of the account's place it moved, so a later transfer out of
    // that place leaves those months out and a later transfer out of the kept place moves them on, once (rules §6.1).
    this.addSql(`alter table "temporary_pension_account" add column "collected_periods" jsonb null, add column "moved_on_by_case" varchar(64) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "temporary_pension_account" drop column "collected_periods", drop column "moved_on_by_case";`);
  }
}
