import { Migration } from '@mikro-orm/migrations';

export class Migration20261203170000_notice_rendered_at extends Migration {
  override name = 'Migration20261203170000_notice_rendered_at';

  override up(): void | Promise<void> {
    // When the notice's official document was rendered (issue 14): the worker renders the notices still null, oldest
    // first, through the partial index; the ones rendered already are stamped from their document.
    this.addSql(`alter table "notice_outbox" add column "rendered_at" timestamptz null;`);
    this.addSql(`update "notice_outbox" n set "rendered_at" = d."created_at" from "official_document" d where d."notice_id" = n."id";`);
    this.addSql(`create index "notice_outbox_unrendered" on "notice_outbox" ("created_at") where rendered_at is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "notice_outbox_unrendered";`);
    this.addSql(`alter table "notice_outbox" drop column "rendered_at";`);
  }
}
