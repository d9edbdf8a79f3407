import { Migration } from '@mikro-orm/migrations';

export class Migration20261202150100_staff_record_link extends Migration {
  override name = 'Migration20261202150100_staff_record_link';

  override up(): void | Promise<void> {
    // Staff accounts' own records and their relatives' (the self-dealing control, rules §8 pattern 8).
    this.addSql(
      `create table "staff_record_link" ("staff_id" varchar(64) not null, "citizen_id" varchar(18) not null, "relation" varchar(8) not null, "recorded_by" varchar(64) not null, "recorded_at" timestamptz not null, primary key ("staff_id", "citizen_id"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "staff_record_link" cascade;`);
  }
}
