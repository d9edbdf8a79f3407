import { Migration } from '@mikro-orm/migrations';

/**
 * The overpayment policy a payroll was started with (setting `payroll.overpayment`: the offset share and the last month
 * due per stop kind), kept on its progress row so every chunk withholds by the same one however the setting changes
 * meanwhile. Payrolls started before keep null and withhold by the setting in force when a chunk runs.
 */
export class Migration20261204013000_payroll_overpayment_policy extends Migration {
  override name = 'Migration20261204013000_payroll_overpayment_policy';

  override up(): void | Promise<void> {
    this.addSql(`alter table "payroll" add column "overpayment_policy" jsonb null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "payroll" drop column "overpayment_policy";`);
  }
}
