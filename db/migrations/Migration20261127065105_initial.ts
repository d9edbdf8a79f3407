import { Migration } from '@mikro-orm/migrations';

export class Migration20261127065105_initial extends Migration {
  override name = 'Migration20261127065105_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "audit_entry" ("id" bigserial primary key, "at" timestamptz not null, "actor_id" varchar(64) not null, "actor_role" varchar(16) not null, "region" varchar(6) null, "action" varchar(48) not null, "object_type" varchar(32) not null, "object_id" varchar(64) not null, "request_id" varchar(64) null, "detail" jsonb not null, "dedupe_key" varchar(160) null);`,
    );
    this.addSql(`create index "audit_entry_region_index" on "audit_entry" ("region");`);
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "audit_entry_object" on "audit_entry" ("object_type", "object_id");`);
    this.addSql(
      `create or replace function "audit_entry_audit_entry_append_only_fn"() returns trigger as \$\$ begin raise exception '% is append-only', tg_table_name using errcode = '55000'; end; \$\$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "audit_entry_append_only" BEFORE UPDATE OR DELETE on "audit_entry" for each ROW execute function "audit_entry_audit_entry_append_only_fn"();`,
    );

    this.addSql(`create table "calendar_day" ("date" date not null, "year" int not null, "kind" varchar(8) not null, primary key ("date"));`);
    this.addSql(`create index "calendar_day_year_index" on "calendar_day" ("year");`);

    this.addSql(
      `create table "case_record" ("id" varchar(64) not null, "reference" varchar(20) not null, "case_type" varchar(16) not null, "business_key" varchar(64) not null, "status" varchar(32) not null, "status_version" int not null default 0, "region" varchar(6) not null, "citizen_id" varchar(18) null, "employer_credit_code" varchar(18) null, "applicant_id" varchar(64) not null, "subject_name" varchar(100) null, "sensitive" boolean not null default false, "opened_at" timestamptz not null, "closed_at" timestamptz null, "last_progress_at" timestamptz not null, "deadlines" jsonb not null, "allowed_events" jsonb not null, "summary" jsonb not null, primary key ("id"));`,
    );
    this.addSql(`alter table "case_record" add constraint "case_record_reference_unique" unique ("reference");`);
    this.addSql(`create index "case_record_business_key_index" on "case_record" ("business_key");`);
    this.addSql(`create index "case_record_citizen_id_index" on "case_record" ("citizen_id");`);
    this.addSql(`create index "case_record_employer_credit_code_index" on "case_record" ("employer_credit_code");`);
    this.addSql(`create index "case_record_applicant_id_index" on "case_record" ("applicant_id");`);
    this.addSql(`create index "case_record_region_type_status" on "case_record" ("region", "case_type", "status");`);

    this.addSql(
      `create table "employer" ("credit_code" varchar(18) not null, "name" varchar(200) not null, "region" varchar(6) not null, "status" varchar(16) not null, "industry_code" varchar(8) null, "work_injury_class" int null, "created_by" varchar(64) not null, "created_at" timestamptz not null, primary key ("credit_code"));`,
    );
    this.addSql(`create index "employer_region_index" on "employer" ("region");`);

    this.addSql(
      `create table "insurance_record" ("id" uuid not null, "citizen_id" varchar(18) not null, "insurance_type" varchar(16) not null, "region" varchar(6) not null, "employer_credit_code" varchar(18) null, "personnel_category" varchar(16) not null, "start_month" varchar(7) not null, "end_month" varchar(7) null, "status" varchar(16) not null, "contribution_base" numeric(18,2) not null, "opened_by_case" varchar(64) not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "insurance_record_citizen_id_index" on "insurance_record" ("citizen_id");`);
    this.addSql(`create index "insurance_record_employer_credit_code_index" on "insurance_record" ("employer_credit_code");`);
    this.addSql(`alter table "insurance_record" add constraint "insurance_record_case_type_unique" unique ("opened_by_case", "insurance_type");`);
    this.addSql(
      `create unique index "insurance_record_one_active_pension" on "insurance_record" ("citizen_id") where insurance_type = 'pension' and status = 'active';`,
    );

    this.addSql(
      `create table "notice_outbox" ("id" uuid not null, "case_id" varchar(64) not null, "recipient_kind" varchar(16) not null, "recipient_id" varchar(64) not null, "channel" varchar(16) not null, "kind" varchar(48) not null, "payload" jsonb not null, "created_at" timestamptz not null, "dispatched_at" timestamptz null, "dedupe_key" varchar(160) not null, primary key ("id"));`,
    );
    this.addSql(`create index "notice_outbox_case_id_index" on "notice_outbox" ("case_id");`);
    this.addSql(`create index "notice_outbox_recipient_id_index" on "notice_outbox" ("recipient_id");`);
    this.addSql(`alter table "notice_outbox" add constraint "notice_outbox_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "notice_outbox_pending" on "notice_outbox" ("created_at") where dispatched_at is null;`);

    this.addSql(
      `create table "person" ("citizen_id" varchar(18) not null, "name" varchar(100) not null, "sex" varchar(6) not null, "birth_date" date not null, "phone" varchar(20) null, "hukou_region" varchar(6) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("citizen_id"));`,
    );

    this.addSql(`create table "region" ("code" varchar(6) not null, "name" varchar(100) not null, "parent_code" varchar(6) null, primary key ("code"));`);

    this.addSql(
      `create table "region_parameters" ("region" varchar(6) not null, "effective_from" date not null, "average_monthly_wage" numeric(18,2) not null, "base_floor_rate" numeric(9,6) not null, "base_ceiling_rate" numeric(9,6) not null, "rounding" varchar(16) not null, "base_rounding" varchar(8) not null, "due_day" int not null, "pension_employer_rate" numeric(9,6) not null, "pension_employee_rate" numeric(9,6) not null, "medical_employer_rate" numeric(9,6) not null, "medical_employee_rate" numeric(9,6) not null, "unemployment_employer_rate" numeric(9,6) not null, "unemployment_employee_rate" numeric(9,6) not null, "work_injury_class_rates" jsonb not null, "work_injury_tiers" jsonb not null, "recorded_by" varchar(64) not null, "recorded_at" timestamptz not null, primary key ("region", "effective_from"));`,
    );

    this.addSql(`create table "setting" ("key" varchar(64) not null, "value" jsonb not null, "updated_at" timestamptz not null, primary key ("key"));`);

    this.addSql(
      `create table "task" ("id" uuid not null, "case_id" varchar(64) not null, "case_type" varchar(16) not null, "step" varchar(32) not null, "permission" varchar(16) not null, "region" varchar(6) not null, "status" varchar(16) not null, "assignee" varchar(64) null, "lease_expires_at" timestamptz null, "prepared_by" varchar(64) null, "priority" int not null default 0, "due_at" timestamptz not null, "sla_unit" varchar(8) not null, "sla_days" int not null, "paused_working_days" int null, "escalated" boolean not null default false, "escalated_at" timestamptz null, "outcome" varchar(16) null, "decided_by" varchar(64) null, "created_at" timestamptz not null, "completed_at" timestamptz null, "version" int not null default 1, primary key ("id"));`,
    );
    this.addSql(`create index "task_case_id_index" on "task" ("case_id");`);
    this.addSql(`create index "task_worklist" on "task" ("region", "escalated" DESC, "due_at", "id") where status in ('open', 'claimed', 'waiting');`);
    this.addSql(`create index "task_assignee" on "task" ("assignee", "status", "due_at") where status in ('claimed', 'waiting');`);

    this.addSql(
      `create table "timeline_entry" ("id" bigserial primary key, "case_id" varchar(64) not null, "at" timestamptz not null, "actor" varchar(64) not null, "action" varchar(32) not null, "task_id" uuid null, "detail" jsonb not null, "dedupe_key" varchar(160) not null);`,
    );
    this.addSql(`create index "timeline_entry_case_id_index" on "timeline_entry" ("case_id");`);
    this.addSql(`alter table "timeline_entry" add constraint "timeline_entry_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(
      `create or replace function "timeline_entry_timeline_entry_append_only_fn"() returns trigger as \$\$ begin raise exception '% is append-only', tg_table_name using errcode = '55000'; end; \$\$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "timeline_entry_append_only" BEFORE UPDATE OR DELETE on "timeline_entry" for each ROW execute function "timeline_entry_timeline_entry_append_only_fn"();`,
    );
  }
}
