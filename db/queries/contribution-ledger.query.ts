import type { EntityManager } from '@mikro-orm/postgresql';
import type { PeriodLedger } from '../../domain/arrears/arrears-statement.js';
import type { FineDebt } from '../../domain/contribution/allocation.js';
import type { FeeFreePeriod } from '../../domain/contribution/late-fee.js';
import { Money } from '../../domain/money.js';

const PRINCIPAL_TYPES = `('charge', 'provisional_charge', 'adjustment', 'back_payment')`;

/**
 * The ledger of an employer's billed periods, as the domain's statement takes it (rules §4). With `periods`
 * only those; otherwise every period that was billed. A period a back-payment billed carries the bill's own due date
 * (`paymentDueOn`) and, for one approved without late fee, its entries as `laterDue` from that date.
 */
export async function loadPeriodLedgers(em: EntityManager, employer: string, periods?: readonly string[]): Promise<PeriodLedger[]> {
  if (periods && periods.length === 0) return [];
  // The driver expands an array parameter into a list, so `in (?)` takes any number of periods.
  const filter = periods ? ' and b.period in (?)' : '';
  const params: unknown[] = periods ? [employer, periods] : [employer];
  const bills = await em.execute<{ period: string; due_date: string }[]>(
    `select b.period, to_char(b.due_date, 'YYYY-MM-DD') as due_date from bill b where b.employer_credit_code = ?${filter} order by b.period`,
    params,
  );
  // A back-payment entry carries its bill's own due date, and whether its months bear the late fee before it.
  const entries = await em.execute<
    { period: string; entry_type: string; amount: string; occurred_on: string; payment_due_on: string | null; charge_late_fee: boolean | null }[]
  >(
    `select l.period, l.entry_type, l.amount::text as amount, to_char(l.occurred_on, 'YYYY-MM-DD') as occurred_on,
            to_char(bp.payment_due_on, 'YYYY-MM-DD') as payment_due_on, bp.charge_late_fee
       from ledger_entry l
       left join back_payment bp on l.entry_type = 'back_payment' and bp.case_id = l.case_id
      where l.employer_credit_code = ? and l.period is not null order by l.id`,
    [employer],
  );
  const byPeriod = new Map<string, PeriodLedger>(
    bills.map((b) => [b.period, { period: b.period, dueDate: b.due_date, charged: Money.zero(), repayments: [], lateFeePayments: [] }]),
  );
  for (const e of entries) {
    const ledger = byPeriod.get(e.period);
    if (!ledger) continue;
    const amount = Money.of(e.amount);
    if (PRINCIPAL_TYPES.includes(`'${e.entry_type}'`)) ledger.charged = ledger.charged.plus(amount);
    // Payments are stored negative (they reduce what is owed); the statement takes positive repayments.
    else if (e.entry_type === 'principal_paid') ledger.repayments.push({ date: e.occurred_on, amount: Money.zero().minus(amount) });
    else if (e.entry_type === 'late_fee_paid') ledger.lateFeePayments.push({ date: e.occurred_on, amount: Money.zero().minus(amount) });
    if (e.payment_due_on !== null) {
      if (!ledger.paymentDueOn || ledger.paymentDueOn < e.payment_due_on) ledger.paymentDueOn = e.payment_due_on;
      // Approved without late fee (backPayment.policy chargeLateFee false): no fee on these months before the bill's own due date.
      if (e.charge_late_fee === false) (ledger.laterDue ??= []).push({ amount, dueDate: e.payment_due_on });
    }
  }
  return [...byPeriod.values()];
}

/** Days without late fee agreed or approved for the employer (rules §4). */
export async function loadFeeFreePeriods(em: EntityManager, employer: string): Promise<FeeFreePeriod[]> {
  const rows = await em.execute<{ from_date: string; to_date: string; reason: string }[]>(
    `select to_char(from_date, 'YYYY-MM-DD') as from_date, to_char(to_date, 'YYYY-MM-DD') as to_date, reason
       from late_fee_waiver where employer_credit_code = ? order by from_date`,
    [employer],
  );
  return rows.map((r) => ({ from: r.from_date, to: r.to_date, reason: r.reason }));
}

/**
 * The fines decided for the employer and not yet paid — `fine` entries less the `fine_paid` entries (negative) the
 * payment allocation books against them — optionally only those of one arrears case.
 */
export async function loadFines(em: EntityManager, employer: string, caseId?: string): Promise<Money> {
  const [row] = await em.execute<{ total: string | null }[]>(
    `select sum(amount)::text as total from ledger_entry
      where employer_credit_code = ? and entry_type in ('fine', 'fine_paid')${caseId ? ' and case_id = ?' : ''}`,
    caseId ? [employer, caseId] : [employer],
  );
  return row?.total ? Money.of(row.total) : Money.zero();
}

/** Each arrears case's unpaid fine, oldest fine first, as the payment allocation takes them. */
export async function loadOutstandingFines(em: EntityManager, employer: string): Promise<FineDebt[]> {
  const rows = await em.execute<{ case_id: string; owed: string }[]>(
    `select case_id, sum(amount)::text as owed from ledger_entry
      where employer_credit_code = ? and entry_type in ('fine', 'fine_paid') and case_id is not null
      group by case_id having sum(amount) > 0 order by min(id)`,
    [employer],
  );
  return rows.map((r) => ({ caseId: r.case_id, amount: Money.of(r.owed) }));
}

/** The periods billed provisionally (110 % of the month before, 社会保险法 art. 62) and not yet declared. */
export async function loadProvisionalPeriods(em: EntityManager, employer: string): Promise<Set<string>> {
  const rows = await em.execute<{ period: string }[]>('select period from bill where employer_credit_code = ? and provisional', [employer]);
  return new Set(rows.map((r) => r.period));
}

/** The employer's credit: overpayments kept for later bills. */
export async function loadCredit(em: EntityManager, employer: string): Promise<Money> {
  const [row] = await em.execute<{ total: string | null }[]>(
    `select sum(amount)::text as total from ledger_entry where employer_credit_code = ? and entry_type = 'credit'`,
    [employer],
  );
  return row?.total ? Money.of(row.total) : Money.zero();
}
