import { Migration } from '@mikro-orm/migrations';

/**
 * A payroll line whose amount is more than one month of its entitlement (the back pay after a suspension, a
 * recalculation's difference) keeps the workings that explain it, for the caseworker, the auditor and the citizen.
 */
export class Migration20261202143000_payroll_line_workings extends Migration {
  override name = 'Migration20261202143000_payroll_line_workings';

  override up(): void | Promise<void> {
    this.addSql(`alter table "payroll_line" add column "workings" jsonb null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "payroll_line" drop column "workings";`);
  }
}
