import { Migration } from '@mikro-orm/migrations';

export class Migration20261201193626_provisional_calendars extends Migration {
  override name = 'Migration20261201193626_provisional_calendars';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "calendar_year" ("year" int not null, "notice" varchar(200) not null, "loaded_by" varchar(64) not null, "loaded_at" timestamptz not null, primary key ("year"));`,
    );
    // Years already in calendar_day were loaded by the seed: they are official.
    this.addSql(
      `insert into "calendar_year" ("year", "notice", "loaded_by", "loaded_at") select distinct "year", 'State Council notice (seeded)', 'seed', now() from "calendar_day";`,
    );

    this.addSql(`alter table "bill" add "due_date_provisional" boolean not null default false;`);

    this.addSql(`alter table "task" add "accused_staff" text[] not null default '{}', add "due_provisional" boolean not null default false;`);
    // The accused staff of a whistle-blowing petition become a property of its tasks (policies/task-prohibitions.ts).
    this.addSql(
      `update "task" set "accused_staff" = c."accused_staff" from "case_record" c where c."id" = "task"."case_id" and cardinality(c."accused_staff") > 0;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "calendar_year" cascade;`);

    this.addSql(`alter table "bill" drop column "due_date_provisional";`);

    this.addSql(`alter table "task" drop column "accused_staff", drop column "due_provisional";`);
  }
}
