import { Migration } from '@mikro-orm/migrations';

/**
 * 医疗帐户补助金 declarations (rules §5.6): the case type's reference sequence (BZ2026000001), the declared lines with
 * their hold on rule × period × person, and the append-only personal medical account ledger.
 */
export class Migration20261202150000_account_subsidy extends Migration {
  override name = 'Migration20261202150000_account_subsidy';

  override up(): void | Promise<void> {
    this.addSql(`create sequence if not exists case_reference_accountSubsidy_seq;`);

    this.addSql(
      `create table "account_subsidy_line" ("case_id" varchar(64) not null, "line_no" int not null, "citizen_id" varchar(18) not null, "rule_id" varchar(40) not null, "period" varchar(7) not null, "amount" numeric(18,2) not null, "workings" jsonb not null, "held" boolean not null, primary key ("case_id", "line_no"));`,
    );
    this.addSql(`create index "account_subsidy_line_citizen_id_index" on "account_subsidy_line" ("citizen_id");`);
    // One open declaration per credit: released (held = false) when its declaration is rejected.
    this.addSql(`create unique index "account_subsidy_line_held" on "account_subsidy_line" ("rule_id", "period", "citizen_id") where held;`);

    this.addSql(
      `create table "medical_account_ledger" ("id" bigserial primary key, "citizen_id" varchar(18) not null, "region" varchar(6) not null, "source" varchar(16) not null, "rule_id" varchar(40) not null, "period" varchar(7) not null, "amount" numeric(18,2) not null, "case_id" varchar(64) not null, "reference" varchar(20) not null, "decided_by" varchar(64) not null, "dedupe_key" varchar(160) not null, "booked_at" timestamptz not null);`,
    );
    this.addSql(`create index "medical_account_ledger_citizen_id_index" on "medical_account_ledger" ("citizen_id");`);
    this.addSql(`create index "medical_account_ledger_case_id_index" on "medical_account_ledger" ("case_id");`);
    this.addSql(`create index "medical_account_ledger_region" on "medical_account_ledger" ("region");`);
    this.addSql(`alter table "medical_account_ledger" add constraint "medical_account_ledger_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(
      `create or replace function "medical_account_ledger_medical_account_ledger_append_only_fn"() returns trigger as \$\$ begin raise exception '% is append-only', tg_table_name using errcode = '55000'; end; \$\$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "medical_account_ledger_append_only" BEFORE UPDATE OR DELETE on "medical_account_ledger" for each ROW execute function "medical_account_ledger_medical_account_ledger_append_only_fn"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "medical_account_ledger_append_only" on "medical_account_ledger";`);
    this.addSql(`drop function if exists "medical_account_ledger_medical_account_ledger_append_only_fn"();`);
    this.addSql(`drop table if exists "medical_account_ledger" cascade;`);
    this.addSql(`drop table if exists "account_subsidy_line" cascade;`);
    this.addSql(`drop sequence if exists case_reference_accountSubsidy_seq;`);
  }
}
