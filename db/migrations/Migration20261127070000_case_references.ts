import { Migration } from '@mikro-orm/migrations';

/** Case references come from one sequence per case type, so they are short, ordered and never reused. */
export class Migration20261127070000_case_references extends Migration {
  override name = 'Migration20261127070000_case_references';

  override up(): void {
    for (const type of ['enrollment', 'arrears', 'petition', 'benefit', 'transfer']) {
      this.addSql(`create sequence if not exists case_reference_${type}_seq;`);
    }
  }

  override down(): void {
    for (const type of ['enrollment', 'arrears', 'petition', 'benefit', 'transfer']) {
      this.addSql(`drop sequence if exists case_reference_${type}_seq;`);
    }
  }
}
