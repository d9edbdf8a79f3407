import { Migration } from '@mikro-orm/migrations';

/**
 * A payment recorded through the API keeps the client's Idempotency-Key (up to 100 characters, docs/api.md) as
 * `api:<key>`, apart from the bank and tax file keys: the column must hold the prefix too.
 */
export class Migration20261202120000_payment_key_length extends Migration {
  override name = 'Migration20261202120000_payment_key_length';

  override up(): void | Promise<void> {
    this.addSql(`alter table "payment" alter column "idempotency_key" type varchar(120) using ("idempotency_key"::varchar(120));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "payment" alter column "idempotency_key" type varchar(100) using ("idempotency_key"::varchar(100));`);
  }
}
