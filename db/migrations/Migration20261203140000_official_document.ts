import { Migration } from '@mikro-orm/migrations';

export class Migration20261203140000_official_document extends Migration {
  override name = 'Migration20261203140000_official_document';

  override up(): void | Promise<void> {
    // The PDF of each notice of the outbox (issue 14 point 3), one per notice.
    this.addSql(
      `create table "official_document" ("id" uuid not null, "notice_id" uuid not null, "case_id" varchar(64) not null, "recipient_kind" varchar(16) not null, "recipient_id" varchar(64) not null, "kind" varchar(48) not null, "title" varchar(100) not null, "sha256" varchar(64) not null, "byte_size" int not null, "content" bytea not null, "issued_on" date not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "official_document" add constraint "official_document_notice_id_unique" unique ("notice_id");`);
    this.addSql(`create index "official_document_case_id_index" on "official_document" ("case_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "official_document" cascade;`);
  }
}
