import { Migration } from '@mikro-orm/migrations';

/**
 * The payroll of a million entitlements (docs/performance.md "Payroll"):
 *
 * - `benefit_entitlement_payroll` (region, id) over the active fund lines: the gathering's keyset walk reads it in
 *   order, whatever the statistics say (without them the planner chose a full scan and a sort per chunk).
 * - `payroll_line` keeps no index on `status`, and its pages are half filled (fillfactor 50): the approved batch turns
 *   every due line sent in one UPDATE, and then the bank return every sent line paid. With no indexed column changed
 *   and room on the page, PostgreSQL writes each new version on the same page and no index entry (a HOT update) —
 *   about a tenth of the work of an update that writes five index entries per line. The lookups that went by status
 *   go by what else marks those lines: a payroll's lines by (payroll_id, id); the region's lines of a month by
 *   (region, period); carried lines are decided lines (`decided_by`); held, failed and back-pay lines by a partial
 *   index on their hold reasons, the bank's reason code and the kind; a line task by its task ID.
 * - `disbursement_ledger` loses its index on the citizen: nothing reads the ledger by person, and with a million
 *   entries booked in one statement it was the costliest of its indexes to keep (the citizens come in random order).
 */
export class Migration20261204181000_payroll_speed extends Migration {
  override name = 'Migration20261204181000_payroll_speed';

  override up(): void | Promise<void> {
    this.addSql(`create index "benefit_entitlement_payroll" on "benefit_entitlement" ("region", "id") where payer = 'fund' and status = 'active';`);
    this.addSql(`drop index "payroll_line_payroll_status";`);
    this.addSql(`drop index "payroll_line_region_status";`);
    this.addSql(`create index "payroll_line_payroll" on "payroll_line" ("payroll_id", "id");`);
    this.addSql(`create index "payroll_line_region_period" on "payroll_line" ("region", "period");`);
    this.addSql(`create index "payroll_line_decided" on "payroll_line" ("region") where decided_by is not null;`);
    this.addSql(
      `create index "payroll_line_exceptions" on "payroll_line" ("payroll_id", "id") where hold_reasons is not null or reason_code is not null or kind = 'backPay';`,
    );
    this.addSql(`create index "payroll_line_task" on "payroll_line" ("task_id") where task_id is not null;`);
    this.addSql(`alter table "payroll_line" set (fillfactor = 50);`);
    this.addSql(`drop index "disbursement_ledger_citizen_id_index";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create index "disbursement_ledger_citizen_id_index" on "disbursement_ledger" ("citizen_id");`);
    this.addSql(`alter table "payroll_line" reset (fillfactor);`);
    this.addSql(`drop index "payroll_line_task";`);
    this.addSql(`drop index "payroll_line_exceptions";`);
    this.addSql(`drop index "payroll_line_decided";`);
    this.addSql(`drop index "payroll_line_region_period";`);
    this.addSql(`drop index "payroll_line_payroll";`);
    this.addSql(`create index "payroll_line_region_status" on "payroll_line" ("region", "status");`);
    this.addSql(`create index "payroll_line_payroll_status" on "payroll_line" ("payroll_id", "status");`);
    this.addSql(`drop index "benefit_entitlement_payroll";`);
  }
}
