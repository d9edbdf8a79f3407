import type { EntityManager } from '@mikro-orm/postgresql';

/** Ledger entries that make up a period's principal (the rest are payments of it, fees and fines). */
export const PRINCIPAL_ENTRIES = `('charge', 'provisional_charge', 'adjustment', 'back_payment', 'principal_paid')`;

/**
 * Active employers billed for the month before `period` but not for `period` itself, with what that earlier month
 * charged: the ones a provisional bill of 110 % is owed for once `period` falls due (社会保险法 art. 62).
 */
export async function employersWithoutBillFor(
  em: EntityManager,
  period: string,
  previous: string,
): Promise<{ employer: string; region: string; charged: string }[]> {
  return em.execute(
    `select b.employer_credit_code as employer, e.region, sum(l.amount)::text as charged
       from bill b join employer e on e.credit_code = b.employer_credit_code and e.status = 'active'
       join ledger_entry l on l.employer_credit_code = b.employer_credit_code and l.period = b.period
        and l.entry_type in ('charge', 'provisional_charge', 'adjustment')
      where b.period = ? and not exists (select 1 from bill n where n.employer_credit_code = b.employer_credit_code and n.period = ?)
      group by 1, 2`,
    [previous, period],
  );
}

/**
 * Unpaid bills past their due date (as of `asOf`) that no open arrears case pursues yet, by employer and period. What
 * an approved back-payment bills is not chased before its own due date (`back_payment.payment_due_on`): a period owes
 * only when its principal exceeds those not-yet-due entries.
 */
export async function unpursuedOverdueBills(em: EntityManager, asOf: string): Promise<{ employer: string; region: string; period: string }[]> {
  return em.execute(
    `select b.employer_credit_code as employer, e.region, b.period
       from bill b join employer e on e.credit_code = b.employer_credit_code
      where b.due_date < ?
        and (select coalesce(sum(l.amount), 0) from ledger_entry l
              where l.employer_credit_code = b.employer_credit_code and l.period = b.period and l.entry_type in ${PRINCIPAL_ENTRIES})
          > (select coalesce(sum(l.amount), 0) from ledger_entry l join back_payment bp on bp.case_id = l.case_id
              where l.employer_credit_code = b.employer_credit_code and l.period = b.period and l.entry_type = 'back_payment'
                and bp.payment_due_on >= ?)
        and not exists (select 1 from arrears_period ap join case_record c on c.id = ap.case_id and c.closed_at is null
                         where ap.employer_credit_code = b.employer_credit_code and ap.period = b.period)
      order by 1, 3`,
    [asOf, asOf],
  );
}

/** The employer's open arrears case, if any (one per employer). */
export async function openArrearsCaseOf(em: EntityManager, employer: string): Promise<{ id: string; reference: string } | null> {
  const [row] = await em.execute<{ id: string; reference: string }[]>(
    "select id, reference from case_record where case_type = 'arrears' and employer_credit_code = ? and closed_at is null limit 1",
    [employer],
  );
  return row ?? null;
}
