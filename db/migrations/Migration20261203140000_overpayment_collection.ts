import { Migration } from '@mikro-orm/migrations';

/**
 * Collecting an overpayment recovery (待遇多发追回, 社会保险经办条例 art. 46): the recovery carries its entitlement's
 * region and case (who may see it, the closing notice), its instalment agreement and when it closed; its append-only
 * ledger `overpayment_recovery_entry` (offsets from paid lines, repayments), unique per source; and what each payroll line
 * withholds (`payroll_line_withholding`), booked when the line is paid.
 */
export class Migration20261203140000_overpayment_collection extends Migration {
  override name = 'Migration20261203140000_overpayment_collection';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "overpayment_recovery" add column "region" varchar(6) null, add column "case_id" varchar(64) null, add column "plan_monthly_amount" numeric(18,2) null, add column "plan_first_month" varchar(7) null, add column "plan_agreed_by" varchar(64) null, add column "plan_agreed_at" timestamptz null, add column "closed_at" timestamptz null;`,
    );
    this.addSql(
      `update "overpayment_recovery" r set "region" = e."region", "case_id" = e."case_id" from "benefit_entitlement" e where e."id" = r."entitlement_id";`,
    );
    this.addSql(`update "overpayment_recovery" set "status" = 'closed' where "status" = 'recovered';`);
    this.addSql(`alter table "overpayment_recovery" alter column "region" set not null, alter column "case_id" set not null;`);
    this.addSql(`create index "overpayment_recovery_region_index" on "overpayment_recovery" ("region");`);

    this.addSql(
      `create table "overpayment_recovery_entry" ("id" bigserial primary key, "recovery_id" bigint not null, "kind" varchar(12) not null, "amount" numeric(18,2) not null, "source_ref" varchar(200) not null, "note" varchar(200) null, "recorded_by" varchar(64) not null, "booked_at" timestamptz not null);`,
    );
    this.addSql(`create index "overpayment_recovery_entry_recovery_id_index" on "overpayment_recovery_entry" ("recovery_id");`);
    this.addSql(`alter table "overpayment_recovery_entry" add constraint "overpayment_recovery_entry_source" unique ("recovery_id", "source_ref");`);
    this.addSql(
      `create or replace function "overpayment_recovery_entry_recovery_entry_append_only_fn"() returns trigger as \$\$ begin raise exception '% is append-only', tg_table_name using errcode = '55000'; end; \$\$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "recovery_entry_append_only" BEFORE UPDATE OR DELETE on "overpayment_recovery_entry" for each ROW execute function "overpayment_recovery_entry_recovery_entry_append_only_fn"();`,
    );

    this.addSql(
      `create table "payroll_line_withholding" ("line_key" varchar(100) not null, "recovery_id" bigint not null, "payroll_id" varchar(64) not null, "period" varchar(7) not null, "amount" numeric(18,2) not null, primary key ("line_key", "recovery_id"));`,
    );
    this.addSql(`create index "payroll_line_withholding_recovery_id_index" on "payroll_line_withholding" ("recovery_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "payroll_line_withholding" cascade;`);
    this.addSql(`drop trigger if exists "recovery_entry_append_only" on "overpayment_recovery_entry";`);
    this.addSql(`drop function if exists "overpayment_recovery_entry_recovery_entry_append_only_fn"();`);
    this.addSql(`drop table if exists "overpayment_recovery_entry" cascade;`);
    this.addSql(`drop index if exists "overpayment_recovery_region_index";`);
    this.addSql(
      `alter table "overpayment_recovery" drop column "region", drop column "case_id", drop column "plan_monthly_amount", drop column "plan_first_month", drop column "plan_agreed_by", drop column "plan_agreed_at", drop column "closed_at";`,
    );
  }
}
