import { Migration } from '@mikro-orm/migrations';

export class Migration20261203141000_identity_correction extends Migration {
  override name = 'Migration20261203141000_identity_correction';

  override up(): void | Promise<void> {
    // Corrections of a person's birth date by staff on a legal document (rules §8 pattern 5 reads the history).
    this.addSql(
      `create table "identity_correction" ("id" uuid not null, "citizen_id" varchar(18) not null, "field" varchar(16) not null, "from_value" varchar(32) not null, "to_value" varchar(32) not null, "reason" varchar(500) not null, "legal_document_reference" varchar(100) not null, "corrected_by" varchar(64) not null, "corrected_on" date not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "identity_correction_citizen_id_index" on "identity_correction" ("citizen_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "identity_correction" cascade;`);
  }
}
