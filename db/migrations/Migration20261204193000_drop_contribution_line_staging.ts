import { Migration } from '@mikro-orm/migrations';

export class Migration20261204193000_drop_contribution_line_staging extends Migration {
  override name = 'Migration20261204193000_drop_contribution_line_staging';

  override up(): void | Promise<void> {
    // A roster's lines are now COPYed straight into contribution_line inside the declaration's transaction.
    this.addSql(`drop table if exists "contribution_line_staging" cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(
      `create unlogged table "contribution_line_staging" ("batch_id" uuid not null, "line_no" int not null, "citizen_id" varchar(18) not null, "name" varchar(50) not null, "monthly_wage" numeric(18,2) not null, "base" numeric(18,2) not null, "pension_employer" numeric(18,2) null, "pension_employee" numeric(18,2) null, "medical_employer" numeric(18,2) null, "medical_employee" numeric(18,2) null, "unemployment_employer" numeric(18,2) null, "unemployment_employee" numeric(18,2) null, "work_injury_employer" numeric(18,2) null, "total" numeric(18,2) not null, primary key ("batch_id", "line_no"));`,
    );
  }
}
