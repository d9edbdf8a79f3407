import { Migration } from '@mikro-orm/migrations';

export class Migration20261204180000_transfer_carried_history extends Migration {
  override name = 'Migration20261204180000_transfer_carried_history';

  override up(): void | Promise<void> {
    // What a completed transfer moved into a place, kept with it: the next transfer out of that place moves those months
    // and their money on, once (rules §6.1–§6.3, multi-hop transfers).
    this.addSql(
      `create table "transfer_carried_history" ("case_id" varchar(64) not null, "citizen_id" varchar(18) not null, "insurance" varchar(16) not null, ` +
        `"from_pooling_area" varchar(6) not null, "pooling_area" varchar(6) not null, "through_month" varchar(7) not null, "months" int not null, ` +
        `"periods" jsonb not null, "credits" jsonb not null default '[]', "moved_on_by_case" varchar(64) null, "created_at" timestamptz not null, primary key ("case_id"));`,
    );
    this.addSql(`create index "transfer_carried_history_citizen_id_insurance_index" on "transfer_carried_history" ("citizen_id", "insurance");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "transfer_carried_history" cascade;`);
  }
}
