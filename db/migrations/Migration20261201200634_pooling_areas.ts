import { Migration } from '@mikro-orm/migrations';

export class Migration20261201200634_pooling_areas extends Migration {
  override name = 'Migration20261201200634_pooling_areas';

  override up(): void | Promise<void> {
    this.addSql(`alter table "region" add "pooling_region" varchar(6) null;`);
    // Existing regions: a county-level region pools with its city (its parent), a city is its own pooling area.
    this.addSql(`update "region" set "pooling_region" = case when "code" like '%0000' then null when "code" like '%00' then "code" else "parent_code" end;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "region" drop column "pooling_region";`);
  }
}
