import { Migration } from '@mikro-orm/migrations';

/**
 * Chasing missed instalments of an overpayment recovery (催收, 社会保险经办条例 art. 46; docs/payroll.md "Missed
 * instalments"): what an agreement repays (`plan_total`), the hand-over to legal action on the recovery, and one chase
 * per recovery and missed month with its caseworker's task, at most one of a recovery open at a time.
 */
export class Migration20261204183000_recovery_chase extends Migration {
  override name = 'Migration20261204183000_recovery_chase';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "overpayment_recovery" add column "plan_total" numeric(18,2) null, add column "legal_action_at" timestamptz null, add column "legal_action_by" varchar(64) null, add column "legal_action_note" varchar(500) null;`,
    );
    this.addSql(
      `create table "overpayment_recovery_chase" ("id" bigserial primary key, "recovery_id" bigint not null, "missed_month" varchar(7) not null, "task_id" uuid not null, "status" varchar(12) not null, "opened_at" timestamptz not null, "note" varchar(500) null, "decided_by" varchar(64) null, "decided_at" timestamptz null);`,
    );
    this.addSql(`create index "overpayment_recovery_chase_recovery_id_index" on "overpayment_recovery_chase" ("recovery_id");`);
    this.addSql(`alter table "overpayment_recovery_chase" add constraint "overpayment_recovery_chase_month" unique ("recovery_id", "missed_month");`);
    this.addSql(`create unique index "overpayment_recovery_chase_one_open" on "overpayment_recovery_chase" ("recovery_id") where status = 'open';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "overpayment_recovery_chase" cascade;`);
    this.addSql(
      `alter table "overpayment_recovery" drop column "plan_total", drop column "legal_action_at", drop column "legal_action_by", drop column "legal_action_note";`,
    );
  }
}
