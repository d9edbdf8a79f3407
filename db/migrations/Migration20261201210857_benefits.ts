import { Migration } from '@mikro-orm/migrations';

export class Migration20261201210857_benefits extends Migration {
  override name = 'Migration20261201210857_benefits';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "benefit_entitlement" ("id" uuid not null, "case_id" varchar(64) not null, "line_key" varchar(40) not null, "citizen_id" varchar(18) not null, "region" varchar(6) not null, "claim_type" varchar(16) not null, "benefit" varchar(24) not null, "kind" varchar(16) not null, "payer" varchar(8) not null, "amount" numeric(18,2) not null, "start_month" varchar(7) not null, "end_month" varchar(7) null, "first_payroll_month" varchar(7) not null, "beneficiary" varchar(50) null, "status" varchar(8) not null, "stop_reason" varchar(200) null, "months_unused" int null, "decided_by" varchar(64) not null, "created_at" timestamptz not null, "stopped_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "benefit_entitlement_case_id_index" on "benefit_entitlement" ("case_id");`);
    this.addSql(`create index "benefit_entitlement_citizen_id_index" on "benefit_entitlement" ("citizen_id");`);
    this.addSql(`alter table "benefit_entitlement" add constraint "benefit_entitlement_line" unique ("case_id", "line_key");`);

    this.addSql(
      `create table "benefit_parameters" ("region" varchar(6) not null, "effective_from" date not null, "pension_calculation_base" numeric(18,2) not null, "minimum_wage" numeric(18,2) not null, "subsistence_allowance" numeric(18,2) not null, "recorded_by" varchar(64) not null, "recorded_at" timestamptz not null, primary key ("region", "effective_from"));`,
    );

    this.addSql(`alter table "task" add "earlier_deciders" text[] not null default '{}';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "benefit_entitlement" cascade;`);
    this.addSql(`drop table if exists "benefit_parameters" cascade;`);

    this.addSql(`alter table "task" drop column "earlier_deciders";`);
  }
}
