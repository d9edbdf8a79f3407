import { Migration } from '@mikro-orm/migrations';

export class Migration20261204010200_notice_render_claim extends Migration {
  override name = 'Migration20261204010200_notice_render_claim';

  override up(): void | Promise<void> {
    // A rendering round claims its notices until this instant (issue 14 point 3, docs/public-service.md "正式文书"): a second worker's
    // round skips them, and a round that died with its worker leaves claims that simply expire.
    this.addSql(`alter table "notice_outbox" add column "render_claimed_until" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "notice_outbox" drop column "render_claimed_until";`);
  }
}
