import { Migration } from '@mikro-orm/migrations';

export class Migration20261127080042_case_indexes extends Migration {
  override name = 'Migration20261127080042_case_indexes';

  override up(): void | Promise<void> {
    this.addSql(`create index "case_record_accused_staff" on "case_record" using gin ("accused_staff");`);
    this.addSql(`create index "case_record_region_opened" on "case_record" ("region", "opened_at", "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "case_record_accused_staff";`);
    this.addSql(`drop index "case_record_region_opened";`);
  }
}
