import { Migration } from '@mikro-orm/migrations';

export class Migration20261201201728_enrollment_lifecycle extends Migration {
  override name = 'Migration20261201201728_enrollment_lifecycle';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "base_change" ("id" uuid not null, "citizen_id" varchar(18) not null, "employer_credit_code" varchar(18) null, "region" varchar(6) not null, "insurance_types" jsonb not null, "from_month" varchar(7) not null, "old_base" numeric(18,2) not null, "new_base" numeric(18,2) not null, "status" varchar(16) not null, "reason" varchar(500) not null, "requested_by" varchar(64) not null, "requested_at" timestamptz not null, "decided_by" varchar(64) null, "decided_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "base_change_citizen_id_index" on "base_change" ("citizen_id");`);
    this.addSql(`create index "base_change_region_index" on "base_change" ("region");`);

    this.addSql(
      `create table "leaver_report" ("id" uuid not null, "employer_credit_code" varchar(18) not null, "citizen_id" varchar(18) not null, "region" varchar(6) not null, "leave_date" date not null, "reason" varchar(16) not null, "last_month" varchar(7) not null, "insurance_types" jsonb not null, "late_days" int null, "reported_by" varchar(64) not null, "reported_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "leaver_report_employer_credit_code_index" on "leaver_report" ("employer_credit_code");`);
    this.addSql(`create index "leaver_report_citizen_id_index" on "leaver_report" ("citizen_id");`);
    this.addSql(`alter table "leaver_report" add constraint "leaver_report_once" unique ("employer_credit_code", "citizen_id", "leave_date");`);

    this.addSql(`alter table "insurance_record" add "end_reason" varchar(24) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "base_change" cascade;`);
    this.addSql(`drop table if exists "leaver_report" cascade;`);

    this.addSql(`alter table "insurance_record" drop column "end_reason";`);
  }
}
