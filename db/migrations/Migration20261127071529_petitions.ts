import { Migration } from '@mikro-orm/migrations';

export class Migration20261127071529_petitions extends Migration {
  override name = 'Migration20261127071529_petitions';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "attachment" ("id" uuid not null, "owner_id" varchar(64) not null, "sha256" varchar(64) not null, "size" int not null, "media_type" varchar(32) not null, "original_name" varchar(200) not null, "case_id" varchar(64) null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "attachment_owner_id_index" on "attachment" ("owner_id");`);
    this.addSql(`create index "attachment_sha256_index" on "attachment" ("sha256");`);
    this.addSql(`create index "attachment_case_id_index" on "attachment" ("case_id");`);

    this.addSql(
      `create table "petition" ("case_id" varchar(64) not null, "petitioner_id" varchar(18) not null, "matter_key" varchar(64) not null, "channel" varchar(16) not null, "anonymous" boolean not null, "representatives" jsonb not null, "attachment_ids" jsonb not null, "concerns_case_reference" varchar(20) null, "rating" int null, "rating_comment" varchar(500) null, "rated_at" timestamptz null, "created_at" timestamptz not null, primary key ("case_id"));`,
    );
    this.addSql(`create index "petition_petitioner_id_index" on "petition" ("petitioner_id");`);
    this.addSql(`create index "petition_matter_key_index" on "petition" ("matter_key");`);

    this.addSql(`alter table "case_record" add "accused_staff" text[] not null default '{}', add "shared_with_regions" text[] not null default '{}';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "attachment" cascade;`);
    this.addSql(`drop table if exists "petition" cascade;`);

    this.addSql(`alter table "case_record" drop column "accused_staff", drop column "shared_with_regions";`);
  }
}
