import { Migration } from '@mikro-orm/migrations';

export class Migration20261201224816_payroll extends Migration {
  override name = 'Migration20261201224816_payroll';

  override up(): void | Promise<void> {
    // The PR… references of payrolls (one sequence per case type, like the others).
    this.addSql(`create sequence if not exists case_reference_payroll_seq;`);
    this.addSql(
      `create table "beneficiary_account" ("citizen_id" varchar(18) not null, "bank_code" varchar(32) not null, "bank_account" varchar(32) not null, "holder_name" varchar(100) not null, "updated_by" varchar(64) not null, "updated_at" timestamptz not null, primary key ("citizen_id"));`,
    );

    this.addSql(
      `create table "death_record" ("citizen_id" varchar(18) not null, "death_date" date not null, "source" varchar(16) not null, "certificate_no" varchar(64) not null, "import_id" bigint not null, "recorded_at" timestamptz not null, primary key ("citizen_id"));`,
    );

    this.addSql(
      `create table "disbursement_ledger" ("id" bigserial primary key, "payroll_id" varchar(64) not null, "line_key" varchar(100) not null, "citizen_id" varchar(18) not null, "entry" varchar(8) not null, "amount" numeric(18,2) not null, "bank_reference" varchar(64) null, "dedupe_key" varchar(140) not null, "booked_at" timestamptz not null);`,
    );
    this.addSql(`create index "disbursement_ledger_payroll_id_index" on "disbursement_ledger" ("payroll_id");`);
    this.addSql(`create index "disbursement_ledger_citizen_id_index" on "disbursement_ledger" ("citizen_id");`);
    this.addSql(`alter table "disbursement_ledger" add constraint "disbursement_ledger_dedupe_key_unique" unique ("dedupe_key");`);

    this.addSql(
      `create table "exchange_import" ("id" bigserial primary key, "feed" varchar(16) not null, "fingerprint" varchar(16) not null, "rows" int not null, "applied" int not null, "imported_by" varchar(64) not null, "report" jsonb not null, "imported_at" timestamptz not null);`,
    );
    this.addSql(`alter table "exchange_import" add constraint "exchange_import_file" unique ("feed", "fingerprint");`);

    this.addSql(
      `create table "imprisonment_record" ("citizen_id" varchar(18) not null, "from_date" date not null, "to_date" date null, "institution" varchar(100) not null, "judgment_no" varchar(64) null, "import_id" bigint not null, "recorded_at" timestamptz not null, primary key ("citizen_id", "from_date"));`,
    );

    this.addSql(
      `create table "overpayment_recovery" ("id" bigserial primary key, "citizen_id" varchar(18) not null, "entitlement_id" uuid not null, "cause" varchar(16) not null, "amount" numeric(18,2) not null, "months" jsonb not null, "status" varchar(12) not null, "method" varchar(12) null, "opened_at" timestamptz not null);`,
    );
    this.addSql(`create index "overpayment_recovery_citizen_id_index" on "overpayment_recovery" ("citizen_id");`);
    this.addSql(`alter table "overpayment_recovery" add constraint "overpayment_recovery_cause" unique ("entitlement_id", "cause");`);

    this.addSql(
      `create table "payroll" ("case_id" varchar(64) not null, "reference" varchar(20) not null, "region" varchar(6) not null, "period" varchar(7) not null, "started_by" varchar(64) not null, "entitlements_seen" int not null, "entitlements_total" int not null, "lines_gathered" int not null, "lines_checked" int not null, "lines_held" int not null, "due_total" numeric(18,2) not null, "held_total" numeric(18,2) not null, "gathered_at" timestamptz null, "approved_by" varchar(64) null, "approved_at" timestamptz null, "created_at" timestamptz not null, primary key ("case_id"));`,
    );
    this.addSql(`alter table "payroll" add constraint "payroll_reference_unique" unique ("reference");`);
    this.addSql(`alter table "payroll" add constraint "payroll_region_period" unique ("region", "period");`);

    this.addSql(
      `create table "payroll_bank_return" ("id" bigserial primary key, "payroll_id" varchar(64) not null, "fingerprint" varchar(16) not null, "uploaded_by" varchar(64) not null, "outcomes" int not null, "report" jsonb not null, "uploaded_at" timestamptz not null);`,
    );
    this.addSql(`alter table "payroll_bank_return" add constraint "payroll_bank_return_file" unique ("payroll_id", "fingerprint");`);

    this.addSql(
      `create table "payroll_line" ("id" bigserial primary key, "line_key" varchar(100) not null, "payroll_id" varchar(64) not null, "entitlement_id" uuid not null, "citizen_id" varchar(18) not null, "region" varchar(6) not null, "benefit" varchar(24) not null, "kind" varchar(8) not null, "period" varchar(7) not null, "months" int not null, "amount" numeric(18,2) not null, "status" varchar(8) not null, "hold_reasons" jsonb null, "task_id" uuid null, "bank_code" varchar(32) null, "bank_account" varchar(32) null, "payee_name" varchar(100) null, "reason_code" varchar(16) null, "reason_text" varchar(200) null, "bank_reference" varchar(64) null, "attempt" int not null, "decided_by" varchar(64) null);`,
    );
    this.addSql(`alter table "payroll_line" add constraint "payroll_line_line_key_unique" unique ("line_key");`);
    this.addSql(`create index "payroll_line_citizen_id_index" on "payroll_line" ("citizen_id");`);
    this.addSql(`create index "payroll_line_payroll_status" on "payroll_line" ("payroll_id", "status");`);
    this.addSql(`create index "payroll_line_region_status" on "payroll_line" ("region", "status");`);

    this.addSql(
      `create or replace function "disbursement_ledger_disbursement_ledger_append_only_fn"() returns trigger as \$\$ begin raise exception '% is append-only', tg_table_name using errcode = '55000'; end; \$\$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "disbursement_ledger_append_only" BEFORE UPDATE OR DELETE on "disbursement_ledger" for each ROW execute function "disbursement_ledger_disbursement_ledger_append_only_fn"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop sequence if exists case_reference_payroll_seq;`);
    this.addSql(`drop table if exists "beneficiary_account" cascade;`);
    this.addSql(`drop table if exists "death_record" cascade;`);
    this.addSql(`drop trigger if exists "disbursement_ledger_append_only" on "disbursement_ledger";`);
    this.addSql(`drop function if exists "disbursement_ledger_disbursement_ledger_append_only_fn"();`);
    this.addSql(`drop table if exists "disbursement_ledger" cascade;`);
    this.addSql(`drop table if exists "exchange_import" cascade;`);
    this.addSql(`drop table if exists "imprisonment_record" cascade;`);
    this.addSql(`drop table if exists "overpayment_recovery" cascade;`);
    this.addSql(`drop table if exists "payroll" cascade;`);
    this.addSql(`drop table if exists "payroll_bank_return" cascade;`);
    this.addSql(`drop table if exists "payroll_line" cascade;`);
  }
}
