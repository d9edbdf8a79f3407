import { Migration } from '@mikro-orm/migrations';

export class Migration20261201232238_certificates extends Migration {
  override name = 'Migration20261201232238_certificates';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "certificate" ("code" varchar(20) not null, "citizen_id" varchar(18) not null, "masked_name" varchar(50) not null, "issued_on" date not null, "issued_at" timestamptz not null, "issued_by" varchar(64) not null, "sha256" varchar(64) not null, primary key ("code"));`,
    );
    this.addSql(`create index "certificate_citizen_id_index" on "certificate" ("citizen_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "certificate" cascade;`);
  }
}
