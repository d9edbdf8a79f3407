import { Migration } from '@mikro-orm/migrations';

export class Migration20261203170100_identity_correction_document_date extends Migration {
  override name = 'Migration20261203170100_identity_correction_document_date';

  override up(): void | Promise<void> {
    // The date of the legal document a correction rests on, beside its reference (null on corrections made before).
    this.addSql(`alter table "identity_correction" add column "legal_document_date" date null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "identity_correction" drop column "legal_document_date";`);
  }
}
