import { Migration } from '@mikro-orm/migrations';

/**
 * An approved back-payment's own due date (`payment_due_on`): the approval day plus the `backPayment.policy` period
 * (default 15 calendar days). The months keep their own statutory due dates for the late fee; the arrears sweep does not
 * chase what the back-payment bills before this day. Null while the application is not approved.
 */
export class Migration20261203140000_back_payment_due extends Migration {
  override name = 'Migration20261203140000_back_payment_due';

  override up(): void | Promise<void> {
    this.addSql(`alter table "back_payment" add column "payment_due_on" date null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "back_payment" drop column "payment_due_on";`);
  }
}
