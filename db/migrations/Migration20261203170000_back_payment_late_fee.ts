import { Migration } from '@mikro-orm/migrations';

/**
 * Whether an approved back-payment bears the late fee from each month's own due date (`charge_late_fee`, the
 * `backPayment.policy` chargeLateFee in force on the approval day; true for every back-payment billed before). When false,
 * the ledger's statement charges no late fee on its months before the bill's own `payment_due_on`.
 */
export class Migration20261203170000_back_payment_late_fee extends Migration {
  override name = 'Migration20261203170000_back_payment_late_fee';

  override up(): void | Promise<void> {
    this.addSql(`alter table "back_payment" add column "charge_late_fee" boolean not null default true;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "back_payment" drop column "charge_late_fee";`);
  }
}
