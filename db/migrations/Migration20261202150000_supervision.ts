import { Migration } from '@mikro-orm/migrations';

export class Migration20261202150000_supervision extends Migration {
  override name = 'Migration20261202150000_supervision';

  override up(): void | Promise<void> {
    // References of the investigation case type (JC2026000001): db/writers/case-intake.ts draws them from this sequence.
    this.addSql(`create sequence if not exists case_reference_investigation_seq;`);
    this.addSql(
      `create table "supervision_hit" ("id" bigserial primary key, "control" varchar(40) not null, "subject_key" varchar(200) not null, "region" varchar(6) not null, "citizen_id" varchar(18) null, "employer_credit_code" varchar(18) null, "amount" numeric(18,2) null, "reason" text not null, "source_case_id" varchar(64) null, "found_at" timestamptz not null, "investigation_case_id" varchar(64) null);`,
    );
    this.addSql(`alter table "supervision_hit" add constraint "supervision_hit_subject_key_unique" unique ("subject_key");`);
    this.addSql(`create index "supervision_hit_region_index" on "supervision_hit" ("region");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop sequence if exists case_reference_investigation_seq;`);
    this.addSql(`drop table if exists "supervision_hit" cascade;`);
  }
}
