import type { EntityManager } from '@mikro-orm/postgresql';

/** Lands overdue periods on the employer's arrears case; a period already there is left as it is. */
export async function joinArrearsPeriods(em: EntityManager, caseId: string, employer: string, periods: readonly string[], now: Date): Promise<void> {
  for (const period of periods) {
    await em.execute('insert into arrears_period (case_id, period, employer_credit_code, joined_at) values (?, ?, ?, ?) on conflict do nothing', [
      caseId,
      period,
      employer,
      now,
    ]);
  }
}

/** The periods an arrears case pursues. */
export async function arrearsPeriodsOf(em: EntityManager, caseId: string): Promise<string[]> {
  const rows = await em.execute<{ period: string }[]>('select period from arrears_period where case_id = ? order by period', [caseId]);
  return rows.map((r) => r.period);
}
