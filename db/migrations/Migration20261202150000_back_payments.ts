import { Migration } from '@mikro-orm/migrations';

/**
 * 无记录补缴 as a case type (references BJ2026000001): the application with its figures, workings and fund-supervision
 * flag, the months it holds for the person, and a ledger entry type of its own (`back_payment`) — counted as principal
 * of the month it pays for, but never taken by a later wage declaration of that month as its own charge.
 */
export class Migration20261202150000_back_payments extends Migration {
  override name = 'Migration20261202150000_back_payments';

  override up(): void | Promise<void> {
    this.addSql(`create sequence if not exists case_reference_backPayment_seq;`);

    this.addSql(
      `create table "back_payment" ("case_id" varchar(64) not null, "reference" varchar(20) not null, "region" varchar(6) not null, "employer_credit_code" varchar(18) not null, "citizen_id" varchar(18) not null, "from_month" varchar(7) not null, "to_month" varchar(7) not null, "insurance_types" jsonb not null, "months" jsonb not null, "totals" jsonb not null, "workings" jsonb not null, "evidence" jsonb not null, "supervision_hit" jsonb null, "status" varchar(12) not null, "applied_on" date not null, "billed_at" timestamptz null, "paid_at" timestamptz null, "created_at" timestamptz not null, primary key ("case_id"));`,
    );
    this.addSql(`create index "back_payment_employer_credit_code_index" on "back_payment" ("employer_credit_code");`);
    this.addSql(`create index "back_payment_citizen_id_index" on "back_payment" ("citizen_id");`);

    this.addSql(
      `create table "back_payment_month" ("citizen_id" varchar(18) not null, "month" varchar(7) not null, "case_id" varchar(64) not null, primary key ("citizen_id", "month"));`,
    );
    this.addSql(`create index "back_payment_month_case_id_index" on "back_payment_month" ("case_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "back_payment_month" cascade;`);
    this.addSql(`drop table if exists "back_payment" cascade;`);
    this.addSql(`drop sequence if exists case_reference_backPayment_seq;`);
  }
}
