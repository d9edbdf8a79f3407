import type { EntityManager } from '@mikro-orm/postgresql';

export interface HitRow {
  control: string;
  subjectKey: string;
  region: string;
  citizenId: string | null;
  employerCreditCode: string | null;
  amount: string | null;
  reason: string;
  sourceCaseId: string | null;
}

/**
 * Records a control's hit once per subject key: returns the new row's id, or null when the matter was found before
 * (the unique key decides, so two transactions finding it at once cannot both win).
 */
export async function insertHitOnce(tx: EntityManager, hit: HitRow, at: Date): Promise<number | null> {
  const [row] = await tx.execute<{ id: string }[]>(
    `insert into supervision_hit (control, subject_key, region, citizen_id, employer_credit_code, amount, reason, source_case_id, found_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (subject_key) do nothing returning id`,
    [hit.control, hit.subjectKey, hit.region, hit.citizenId, hit.employerCreditCode, hit.amount, hit.reason, hit.sourceCaseId, at],
  );
  return row ? Number(row.id) : null;
}

/** Links a hit to the investigation it opened. */
export async function linkInvestigation(tx: EntityManager, hitId: number, caseId: string): Promise<void> {
  await tx.execute('update supervision_hit set investigation_case_id = ? where id = ?', [caseId, hitId]);
}
