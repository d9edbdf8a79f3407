import { Migration } from '@mikro-orm/migrations';

/**
 * Back-dated pension recalculation (待遇重算, docs/payroll.md): the dated adjustment rules, the runs with their
 * progress, each entitlement's difference (its new amount and what the payrolls still owe or withhold), and the
 * payroll lines that settled them.
 */
export class Migration20261202150000_pension_recalculation extends Migration {
  override name = 'Migration20261202150000_pension_recalculation';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "pension_adjustment" ("region" varchar(6) not null, "effective_from" date not null, "fixed_amount" numeric(18,2) not null, "share" varchar(12) not null, "basis" varchar(200) not null, "recorded_by" varchar(64) not null, "recorded_at" timestamptz not null, primary key ("region", "effective_from"));`,
    );

    this.addSql(
      `create table "pension_difference" ("id" bigserial primary key, "recalculation_id" varchar(40) not null, "entitlement_id" uuid not null, "citizen_id" varchar(18) not null, "region" varchar(6) not null, "from_month" varchar(7) not null, "old_amount" numeric(18,2) not null, "new_amount" numeric(18,2) not null, "months" int not null, "total" numeric(18,2) not null, "outstanding" numeric(18,2) not null, "workings" jsonb not null, "recorded_at" timestamptz not null);`,
    );
    this.addSql(`create index "pension_difference_entitlement_id_index" on "pension_difference" ("entitlement_id");`);
    this.addSql(`alter table "pension_difference" add constraint "pension_difference_once" unique ("entitlement_id", "recalculation_id");`);

    this.addSql(
      `create table "pension_difference_settlement" ("difference_id" bigint not null, "line_key" varchar(100) not null, "amount" numeric(18,2) not null, primary key ("difference_id", "line_key"));`,
    );

    this.addSql(
      `create table "pension_recalculation" ("id" varchar(40) not null, "region" varchar(6) not null, "cause" varchar(16) not null, "effective_from" date not null, "status" varchar(8) not null, "pensions_total" int not null, "pensions_seen" int not null, "changed" int not null, "back_pay_total" numeric(18,2) not null, "deduction_total" numeric(18,2) not null, "started_by" varchar(64) not null, "started_at" timestamptz not null, "finished_at" timestamptz null, primary key ("id"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "pension_adjustment" cascade;`);
    this.addSql(`drop table if exists "pension_difference" cascade;`);
    this.addSql(`drop table if exists "pension_difference_settlement" cascade;`);
    this.addSql(`drop table if exists "pension_recalculation" cascade;`);
  }
}
