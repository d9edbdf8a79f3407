import { Migration } from '@mikro-orm/migrations';

export class Migration20261201224842_medical_declarations extends Migration {
  override name = 'Migration20261201224842_medical_declarations';

  override up(): void | Promise<void> {
    // References of the new case type (YL2026000001): db/writers/case-intake.ts draws them from this sequence.
    this.addSql(`create sequence if not exists case_reference_medicalExpense_seq;`);

    this.addSql(
      `create table "eligibility_entry" ("region" varchar(6) not null, "citizen_id" varchar(18) not null, "category" varchar(8) not null, "name" varchar(50) not null, "source_document" varchar(100) not null, "import_id" uuid not null, "listed_at" timestamptz not null, primary key ("region", "citizen_id", "category"));`,
    );

    this.addSql(
      `create table "eligibility_import" ("id" uuid not null, "region" varchar(6) not null, "file_sha256" varchar(64) not null, "rows" int not null, "applied" int not null, "already_listed" int not null, "duplicates" int not null, "imported_by" varchar(64) not null, "imported_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "eligibility_import" add constraint "eligibility_import_file" unique ("region", "file_sha256");`);

    this.addSql(
      `create table "medical_invoice" ("invoice_key" varchar(40) not null, "case_id" varchar(64) not null, "reference" varchar(20) not null, "category" varchar(8) not null, "region" varchar(6) not null, "registered_at" timestamptz not null, primary key ("invoice_key"));`,
    );
    this.addSql(`create index "medical_invoice_case_id_index" on "medical_invoice" ("case_id");`);

    this.addSql(
      `create table "medical_ledger" ("id" bigserial primary key, "category" varchar(8) not null, "case_id" varchar(64) not null, "reference" varchar(20) not null, "citizen_id" varchar(18) not null, "region" varchar(6) not null, "amount" numeric(18,2) not null, "decided_by" varchar(64) not null, "dedupe_key" varchar(160) not null, "booked_at" timestamptz not null);`,
    );
    this.addSql(`create index "medical_ledger_case_id_index" on "medical_ledger" ("case_id");`);
    this.addSql(`alter table "medical_ledger" add constraint "medical_ledger_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "medical_ledger_category_region" on "medical_ledger" ("category", "region");`);

    this.addSql(
      `create or replace function "medical_ledger_medical_ledger_append_only_fn"() returns trigger as \$\$ begin raise exception '% is append-only', tg_table_name using errcode = '55000'; end; \$\$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "medical_ledger_append_only" BEFORE UPDATE OR DELETE on "medical_ledger" for each ROW execute function "medical_ledger_medical_ledger_append_only_fn"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop sequence if exists case_reference_medicalExpense_seq;`);
    this.addSql(`drop table if exists "eligibility_entry" cascade;`);
    this.addSql(`drop table if exists "eligibility_import" cascade;`);
    this.addSql(`drop table if exists "medical_invoice" cascade;`);
    this.addSql(`drop trigger if exists "medical_ledger_append_only" on "medical_ledger";`);
    this.addSql(`drop function if exists "medical_ledger_medical_ledger_append_only_fn"();`);
    this.addSql(`drop table if exists "medical_ledger" cascade;`);
  }
}
