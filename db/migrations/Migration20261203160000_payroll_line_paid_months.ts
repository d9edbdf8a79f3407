import { Migration } from '@mikro-orm/migrations';

/**
 * The months a payroll line pays for, as 'YYYY-MM' strings: the period for a monthly line, the missed months for a
 * back-pay. An overpayment after a death counts the months paid for after it, not the month the line was paid in, so a
 * back-pay for months the person was alive is never recovered. Lines written before this column keep null and count
 * as paying for their period, as they were counted when written.
 */
export class Migration20261203160000_payroll_line_paid_months extends Migration {
  override name = 'Migration20261203160000_payroll_line_paid_months';

  override up(): void | Promise<void> {
    this.addSql(`alter table "payroll_line" add column "paid_months" jsonb null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "payroll_line" drop column "paid_months";`);
  }
}
