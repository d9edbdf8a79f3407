import { Migration } from '@mikro-orm/migrations';

/**
 * A partial write-off of an overpayment recovery (部分核销, 社会保险经办条例 art. 46; docs/payroll.md "Writing off part
 * of a recovery"), four eyes: the proposal of one supervisor with its reason and legal basis, decided by another. At
 * most one proposal of a recovery waits for its decision. An approved one books a `writeOff` ledger entry.
 */
export class Migration20261204020000_overpayment_write_off extends Migration {
  override name = 'Migration20261204020000_overpayment_write_off';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "overpayment_write_off" ("id" bigserial primary key, "recovery_id" bigint not null, "amount" numeric(18,2) not null, "reason" varchar(500) not null, "legal_basis" varchar(200) not null, "status" varchar(10) not null, "proposed_by" varchar(64) not null, "proposed_at" timestamptz not null, "decided_by" varchar(64) null, "decided_at" timestamptz null, "decision_comment" varchar(500) null);`,
    );
    this.addSql(`create index "overpayment_write_off_recovery_id_index" on "overpayment_write_off" ("recovery_id");`);
    this.addSql(`create unique index "overpayment_write_off_one_proposed" on "overpayment_write_off" ("recovery_id") where status = 'proposed';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "overpayment_write_off" cascade;`);
  }
}
