import { Migration } from '@mikro-orm/migrations';

export class Migration20261201210902_transfers extends Migration {
  override name = 'Migration20261201210902_transfers';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "exchange_message" ("message_id" uuid not null, "direction" varchar(3) not null, "type" varchar(24) not null, "transfer_id" varchar(32) not null, "case_id" varchar(64) null, "counterpart" varchar(6) not null, "body" jsonb not null, "recorded_at" timestamptz not null, "handled_at" timestamptz null, primary key ("message_id"));`,
    );
    this.addSql(`create index "exchange_message_transfer_id_index" on "exchange_message" ("transfer_id");`);
    this.addSql(`create index "exchange_message_case_id_index" on "exchange_message" ("case_id");`);

    this.addSql(
      `create table "temporary_pension_account" ("id" uuid not null, "citizen_id" varchar(18) not null, "region" varchar(6) not null, "pooling_area" varchar(6) not null, "kept_in_pooling_area" varchar(6) not null, "opened_by_case" varchar(64) not null, "opened_on" date not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "temporary_pension_account_citizen_id_index" on "temporary_pension_account" ("citizen_id");`);
    this.addSql(`alter table "temporary_pension_account" add constraint "temporary_pension_account_opened_by_case_unique" unique ("opened_by_case");`);

    this.addSql(
      `create table "transfer_ledger" ("id" bigserial primary key, "case_id" varchar(64) not null, "reference" varchar(20) not null, "insurance" varchar(16) not null, "side" varchar(3) not null, "fund" varchar(16) not null, "pooling_area" varchar(6) not null, "amount" numeric(18,2) not null, "source" varchar(8) not null, "message_id" uuid null, "dedupe_key" varchar(160) not null, "booked_at" timestamptz not null);`,
    );
    this.addSql(`create index "transfer_ledger_case_id_index" on "transfer_ledger" ("case_id");`);
    this.addSql(`alter table "transfer_ledger" add constraint "transfer_ledger_dedupe_key_unique" unique ("dedupe_key");`);

    this.addSql(`alter table "insurance_record" add "transferred_by_case" varchar(64) null;`);

    this.addSql(
      `create or replace function "transfer_ledger_transfer_ledger_append_only_fn"() returns trigger as \$\$ begin raise exception '% is append-only', tg_table_name using errcode = '55000'; end; \$\$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "transfer_ledger_append_only" BEFORE UPDATE OR DELETE on "transfer_ledger" for each ROW execute function "transfer_ledger_transfer_ledger_append_only_fn"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "exchange_message" cascade;`);
    this.addSql(`drop table if exists "temporary_pension_account" cascade;`);
    this.addSql(`drop trigger if exists "transfer_ledger_append_only" on "transfer_ledger";`);
    this.addSql(`drop function if exists "transfer_ledger_transfer_ledger_append_only_fn"();`);
    this.addSql(`drop table if exists "transfer_ledger" cascade;`);

    this.addSql(`alter table "insurance_record" drop column "transferred_by_case";`);
  }
}
