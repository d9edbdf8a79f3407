import { Migration } from '@mikro-orm/migrations';

export class Migration20261204010100_temporary_account_collection extends Migration {
  override name = 'Migration20261204010100_temporary_account_collection';

  override up(): void | Promise<void> {
    // The collection (归集) of a temporary pension account into the relationship's place: once, with what it moved.
    this.addSql(
      `alter table "temporary_pension_account" add column "collected_on" date null, add column "collected_into" varchar(6) null, ` +
        `add column "collected_through_month" varchar(7) null, add column "collected_months" int null, add column "collection_trigger" varchar(16) null, ` +
        `add column "collected_by" varchar(64) null, add column "collected_by_case" varchar(64) null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "temporary_pension_account" drop column "collected_on", drop column "collected_into", drop column "collected_through_month", ` +
        `drop column "collected_months", drop column "collection_trigger", drop column "collected_by", drop column "collected_by_case";`,
    );
  }
}
