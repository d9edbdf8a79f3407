import type { EntityManager } from '@mikro-orm/postgresql';

/** An employer as the contribution commands see it: whose account, in which region, whether it may still declare. */
export interface ContributionAccount {
  creditCode: string;
  name: string;
  region: string;
  status: string;
  workInjuryClass: number | null;
}

/** The employer with this unified social credit code, or null. */
export async function findContributionAccount(em: EntityManager, creditCode: string): Promise<ContributionAccount | null> {
  const [row] = await em.execute<{ credit_code: string; name: string; region: string; status: string; work_injury_class: number | null }[]>(
    'select credit_code, name, region, status, work_injury_class from employer where credit_code = ?',
    [creditCode],
  );
  return row ? { creditCode: row.credit_code, name: row.name, region: row.region, status: row.status, workInjuryClass: row.work_injury_class } : null;
}
