import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { billedBackPaymentsOf } from '../queries/back-payment.query.js';
import { PRINCIPAL_ENTRIES } from '../queries/overdue-bills.query.js';
import { appendAudit } from './case-log.js';

/**
 * Nothing else notices that a bill was paid (the arrears case is only told of payments), so the payment booking does
 * this in its own transaction: each billed back-payment of the employer whose months now owe no principal is paid —
 * its months enter the person's insurance history as a closed record per insurance (employer, `from`–`to`,
 * `endReason` backPayment) beside the month lines written when it was billed, so benefits and transfers count them
 * (db/queries/benefit-facts.query.ts). Once per back-payment: the record is unique by case and insurance.
 */
export async function enterSettledBackPayments(tx: EntityManager, employer: string, now: Date): Promise<string[]> {
  const entered: string[] = [];
  for (const bp of await billedBackPaymentsOf(tx, employer)) {
    const periods = bp.months.map((m) => m.period);
    const [owed] = await tx.execute<{ n: string }[]>(
      `select count(*) as n from (select period from ledger_entry where employer_credit_code = ? and period in (?) and entry_type in ${PRINCIPAL_ENTRIES}
        group by period having sum(amount) > 0) owing`,
      [employer, periods],
    );
    if (Number(owed?.n ?? 0) > 0) continue;
    const base = bp.months.at(-1)!.base;
    for (const insurance of bp.insuranceTypes) {
      await tx.execute(
        `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category, start_month, end_month,
           end_reason, status, contribution_base, opened_by_case, created_at)
         values (?, ?, ?, ?, ?, 'employee', ?, ?, 'backPayment', 'terminated', ?, ?, ?) on conflict (opened_by_case, insurance_type) do nothing`,
        [randomUUID(), bp.citizenId, insurance, bp.region, employer, bp.from, bp.to, base, bp.caseId, now],
      );
    }
    await tx.execute(`update back_payment set status = 'paid', paid_at = ? where case_id = ? and status = 'billed'`, [now, bp.caseId]);
    await appendAudit(tx, {
      at: now,
      actorId: 'system',
      actorRole: 'system',
      region: bp.region,
      action: 'backPayment.paid',
      objectType: 'Case',
      objectId: bp.caseId,
      detail: { from: bp.from, to: bp.to, months: periods.length, insuranceTypes: bp.insuranceTypes },
      key: `case:${bp.caseId}:back-payment-paid`,
    });
    entered.push(bp.caseId);
  }
  return entered;
}
