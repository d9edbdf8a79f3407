import type { EntityManager } from '@mikro-orm/postgresql';

/** Registers an employer once; false when the credit code is already registered. */
export async function insertEmployer(
  em: EntityManager,
  e: { creditCode: string; name: string; region: string; industryCode: string | null; workInjuryClass: number | null; createdBy: string; now: Date },
): Promise<boolean> {
  const inserted = await em.execute<{ credit_code: string }[]>(
    `insert into employer (credit_code, name, region, status, industry_code, work_injury_class, created_by, created_at)
     values (?, ?, ?, 'active', ?, ?, ?, ?) on conflict (credit_code) do nothing returning credit_code`,
    [e.creditCode, e.name, e.region, e.industryCode, e.workInjuryClass, e.createdBy, e.now],
  );
  return inserted.length > 0;
}
