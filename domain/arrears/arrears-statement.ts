import { compareDates } from '../calendar/local-date.js';
import type { PeriodDebt } from '../contribution/allocation.js';
import { calculateLateFee, type FeeFreePeriod, type LaterDuePart, type LateFeePolicy, type PrincipalRepayment } from '../contribution/late-fee.js';
import { Money } from '../money.js';

/** What the ledger says about one billed period (plain values; the ledger itself is in db/). */
export interface PeriodLedger {
  period: string;
  dueDate: string;
  /** Charges, provisional charges and adjustments, summed. */
  charged: Money;
  /** Principal repayments with their value dates (positive amounts). */
  repayments: PrincipalRepayment[];
  /** Late fee paid so far, with value dates (positive amounts). */
  lateFeePayments: PrincipalRepayment[];
  /**
   * Parts of `charged` that bear the late fee only after a due date of their own: the months of a back-payment approved
   * without late fee (`backPayment.policy` chargeLateFee false) from the bill's `payment_due_on`.
   */
  laterDue?: LaterDuePart[];
  /** The latest own due date of a back-payment billed in this period (`payment_due_on`), if any. */
  paymentDueOn?: string | null;
}

export interface PeriodStatement {
  period: string;
  dueDate: string;
  /** The own due date of a back-payment billed in the period, null when none. */
  paymentDueOn: string | null;
  principal: Money;
  /** Days the fee ran up to `asOf` (deferral days excluded). */
  lateFeeDays: number;
  lateFeeAccrued: Money;
  lateFeePaid: Money;
  lateFee: Money;
  total: Money;
  workings: string[];
}

export interface ArrearsStatement {
  asOf: string;
  periods: PeriodStatement[];
  principal: Money;
  lateFee: Money;
  fine: Money;
  total: Money;
}

const until = (asOf: string) => (r: PrincipalRepayment) => compareDates(r.date, asOf) <= 0;

/**
 * What an employer owes as of a date (issue 3, GET /v1/arrears-cases/{id}?asOf): per period the unpaid principal,
 * the late fee accrued at the daily rate from the day after its due date through `asOf` on the principal unpaid each
 * day, less late fee paid (社会保险法 art. 86, rules §4, E2), plus the fines decided and not yet paid (art. 86,
 * 1–3 ×; `fine`, netted by the ledger). Payments dated after `asOf` are ignored, so a statement for a past date is
 * what was owed then. Pure.
 */
export function arrearsStatement(input: {
  asOf: string;
  periods: readonly PeriodLedger[];
  feeFree?: readonly FeeFreePeriod[];
  fine?: Money;
  policy?: Partial<LateFeePolicy>;
}): ArrearsStatement {
  const periods = [...input.periods]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((p): PeriodStatement => {
      const repayments = p.repayments.filter(until(input.asOf));
      const principal = p.charged.minus(Money.sum(repayments.map((r) => r.amount)));
      const fee = calculateLateFee({
        principal: p.charged,
        dueDate: p.dueDate,
        asOf: input.asOf,
        repayments,
        feeFree: input.feeFree ?? [],
        laterDue: p.laterDue ?? [],
        policy: input.policy,
      });
      const lateFeePaid = Money.sum(p.lateFeePayments.filter(until(input.asOf)).map((r) => r.amount));
      const lateFee = fee.lateFee.compare(lateFeePaid) > 0 ? fee.lateFee.minus(lateFeePaid) : Money.zero();
      return {
        period: p.period,
        dueDate: p.dueDate,
        paymentDueOn: p.paymentDueOn ?? null,
        principal,
        lateFeeDays: fee.days,
        lateFeeAccrued: fee.lateFee,
        lateFeePaid,
        lateFee,
        total: principal.plus(lateFee),
        workings: fee.workings,
      };
    });
  const principal = Money.sum(periods.map((p) => p.principal));
  const lateFee = Money.sum(periods.map((p) => p.lateFee));
  const fine = input.fine ?? Money.zero();
  return { asOf: input.asOf, periods, principal, lateFee, fine, total: principal.plus(lateFee).plus(fine) };
}

/**
 * Whether the arrears are settled: principal, late fee and fine all paid (社会保险法 art. 86; 社会保险经办条例 art. 10
 * names all three). An unpaid fine keeps an arrears case open. Pure.
 */
export function isSettled(statement: Pick<ArrearsStatement, 'principal' | 'lateFee' | 'fine'>): boolean {
  return statement.principal.isZero() && statement.lateFee.isZero() && statement.fine.isZero();
}

/** The periods still owing something, as the allocation rule takes them (rules §4). */
export function debtsOf(statement: ArrearsStatement): PeriodDebt[] {
  return statement.periods
    .filter((p) => !p.principal.isZero() || !p.lateFee.isZero())
    .map((p) => ({ period: p.period, principal: p.principal, lateFee: p.lateFee }));
}
