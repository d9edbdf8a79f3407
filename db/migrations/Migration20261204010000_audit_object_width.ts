import { Migration } from '@mikro-orm/migrations';

export class Migration20261204010000_audit_object_width extends Migration {
  override name = 'Migration20261204010000_audit_object_width';

  override up(): void | Promise<void> {
    // Some audited objects are named by two keys (a staff record link is `staffId:masked ID number`, up to 83
    // characters); 64 refused the longest with a server error. Widening a varchar rewrites nothing and leaves every
    // hash of the chain as it was (the text of each value is unchanged).
    this.addSql(`alter table "audit_entry" alter column "object_id" type varchar(128);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "audit_entry" alter column "object_id" type varchar(64);`);
  }
}
