import { Migration } from '@mikro-orm/migrations';

export class Migration20261127065832_contributions extends Migration {
  override name = 'Migration20261127065832_contributions';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "arrears_period" ("case_id" varchar(64) not null, "period" varchar(7) not null, "employer_credit_code" varchar(18) not null, "joined_at" timestamptz not null, primary key ("case_id", "period"));`,
    );
    this.addSql(`create index "arrears_period_employer_credit_code_index" on "arrears_period" ("employer_credit_code");`);

    this.addSql(
      `create table "bill" ("id" uuid not null, "employer_credit_code" varchar(18) not null, "region" varchar(6) not null, "period" varchar(7) not null, "due_date" date not null, "provisional" boolean not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "bill_region_index" on "bill" ("region");`);
    this.addSql(`create index "bill_due_date_index" on "bill" ("due_date");`);
    this.addSql(`alter table "bill" add constraint "bill_employer_period_unique" unique ("employer_credit_code", "period");`);

    this.addSql(
      `create table "contribution_line" ("declaration_id" uuid not null, "line_no" int not null, "citizen_id" varchar(18) not null, "name" varchar(50) not null, "monthly_wage" numeric(18,2) not null, "base" numeric(18,2) not null, "pension_employer" numeric(18,2) null, "pension_employee" numeric(18,2) null, "medical_employer" numeric(18,2) null, "medical_employee" numeric(18,2) null, "unemployment_employer" numeric(18,2) null, "unemployment_employee" numeric(18,2) null, "work_injury_employer" numeric(18,2) null, "total" numeric(18,2) not null, primary key ("declaration_id", "line_no"));`,
    );
    this.addSql(`create index "contribution_line_citizen_id_index" on "contribution_line" ("citizen_id");`);

    this.addSql(
      `create table "declaration" ("id" uuid not null, "employer_credit_code" varchar(18) not null, "region" varchar(6) not null, "period" varchar(7) not null, "source" varchar(8) not null, "idempotency_key" varchar(100) not null, "line_count" int not null, "employer_total" numeric(18,2) not null, "employee_total" numeric(18,2) not null, "total" numeric(18,2) not null, "parameters_from" date not null, "declared_by" varchar(64) not null, "declared_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "declaration" add constraint "declaration_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "declaration_employer_period" on "declaration" ("employer_credit_code", "period");`);

    this.addSql(
      `create table "late_fee_waiver" ("id" bigserial primary key, "employer_credit_code" varchar(18) not null, "from_date" date not null, "to_date" date not null, "reason" varchar(200) not null, "case_id" varchar(64) not null, "dedupe_key" varchar(160) not null, "created_at" timestamptz not null);`,
    );
    this.addSql(`create index "late_fee_waiver_employer_credit_code_index" on "late_fee_waiver" ("employer_credit_code");`);
    this.addSql(`alter table "late_fee_waiver" add constraint "late_fee_waiver_dedupe_key_unique" unique ("dedupe_key");`);

    this.addSql(
      `create table "ledger_entry" ("id" bigserial primary key, "employer_credit_code" varchar(18) not null, "period" varchar(7) null, "entry_type" varchar(24) not null, "amount" numeric(18,2) not null, "occurred_on" date not null, "declaration_id" uuid null, "payment_id" uuid null, "case_id" varchar(64) null, "dedupe_key" varchar(160) not null, "created_at" timestamptz not null);`,
    );
    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "ledger_entry_employer_period" on "ledger_entry" ("employer_credit_code", "period");`);

    this.addSql(
      `create table "payment" ("id" uuid not null, "idempotency_key" varchar(100) not null, "employer_credit_code" varchar(18) not null, "amount" numeric(18,2) not null, "paid_on" date not null, "source" varchar(8) not null, "reference" varchar(64) null, "allocation_rule" varchar(32) not null, "received_by" varchar(64) not null, "received_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "payment" add constraint "payment_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "payment_employer_credit_code_index" on "payment" ("employer_credit_code");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "arrears_period" cascade;`);
    this.addSql(`drop table if exists "bill" cascade;`);
    this.addSql(`drop table if exists "contribution_line" cascade;`);
    this.addSql(`drop table if exists "declaration" cascade;`);
    this.addSql(`drop table if exists "late_fee_waiver" cascade;`);
    this.addSql(`drop table if exists "ledger_entry" cascade;`);
    this.addSql(`drop table if exists "payment" cascade;`);
  }
}
