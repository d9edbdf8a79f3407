import { Migration } from '@mikro-orm/migrations';

/**
 * Writing off an overpayment that cannot be recovered (核销, 社会保险经办条例 art. 46; docs/payroll.md "Writing off what
 * cannot be recovered"): who waived it, why and on what legal basis, on the recovery; the ledger takes one `waiver`
 * entry for what was outstanding, at most one per recovery.
 */
export class Migration20261203170000_overpayment_waiver extends Migration {
  override name = 'Migration20261203170000_overpayment_waiver';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "overpayment_recovery" add column "waived_by" varchar(64) null, add column "waiver_reason" varchar(500) null, add column "waiver_legal_basis" varchar(200) null;`,
    );
    this.addSql(`create unique index "overpayment_recovery_entry_one_waiver" on "overpayment_recovery_entry" ("recovery_id") where kind = 'waiver';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "overpayment_recovery_entry_one_waiver";`);
    this.addSql(`alter table "overpayment_recovery" drop column "waived_by", drop column "waiver_reason", drop column "waiver_legal_basis";`);
  }
}
