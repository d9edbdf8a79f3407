import { DomainError } from '../errors.js';
import type { Money } from '../money.js';

/**
 * How a payment is spread over what an employer owes (rules §4, "Partial payments" — no national rule, open
 * item 2, so it is configuration):
 * - `PER_PERIOD_PRINCIPAL_FIRST` (default): oldest period first; within a period the principal, then its late fee.
 * - `LATE_FEE_FIRST`: oldest period first; within a period the late fee, then the principal.
 * - `REQUIRE_FULL_PERIOD`: whole periods only (principal and late fee), oldest first; allocation stops at the first
 *   period the rest cannot settle in full.
 */
export type AllocationRule = 'PER_PERIOD_PRINCIPAL_FIRST' | 'LATE_FEE_FIRST' | 'REQUIRE_FULL_PERIOD';

export const ALLOCATION_RULES = ['PER_PERIOD_PRINCIPAL_FIRST', 'LATE_FEE_FIRST', 'REQUIRE_FULL_PERIOD'] as const satisfies readonly AllocationRule[];

/**
 * Where unpaid fines (罚款, 社会保险法 art. 86) stand in that order — local practice, not verified against a national
 * rule (rules open item 2): `AFTER_PERIODS` (default) once every period's principal and late fee is paid;
 * `BEFORE_PERIODS` ahead of all of them.
 */
export type FinePosition = 'AFTER_PERIODS' | 'BEFORE_PERIODS';

export const FINE_POSITIONS = ['AFTER_PERIODS', 'BEFORE_PERIODS'] as const satisfies readonly FinePosition[];

/** What is still owed for one contribution period (费款所属期, 'YYYY-MM'). */
export interface PeriodDebt {
  period: string;
  principal: Money;
  lateFee: Money;
}

/** The unpaid part of the fine an arrears case decided (fines less fines paid). */
export interface FineDebt {
  caseId: string;
  amount: Money;
}

export type AllocationLine =
  { period: string; component: 'principal' | 'lateFee'; amount: Money } | { period: null; component: 'fine'; caseId: string; amount: Money };

export interface Allocation {
  lines: AllocationLine[];
  /** What no debt took: an overpayment, kept as a credit for later bills. */
  credit: Money;
  workings: string[];
}

export interface FineAllocation {
  /** Unpaid fines, taken in the order given (the ledger gives them oldest first). */
  fines?: readonly FineDebt[];
  /** Default `AFTER_PERIODS`. */
  position?: FinePosition;
}

/**
 * Spreads `amount` over the periods owed by `rule`, and over unpaid fines at their configured position (rules
 * §4). Exact to the fen: the lines plus the credit always add up to the amount. Periods are taken oldest first
 * whatever order they come in. Under `REQUIRE_FULL_PERIOD` a fine, like a period, is paid whole or not at all, and
 * allocation stops at the first one the rest cannot pay. Pure.
 * @throws DomainError INVALID_AMOUNT for a negative amount or a negative debt.
 */
export function allocatePayment(amount: Money, debts: readonly PeriodDebt[], rule: AllocationRule, fines: FineAllocation = {}): Allocation {
  if (amount.isNegative()) throw new DomainError('INVALID_AMOUNT', 'a payment cannot be negative', { path: 'amount' });
  const ordered = [...debts].sort((a, b) => a.period.localeCompare(b.period));
  const lines: AllocationLine[] = [];
  const workings: string[] = [`${amount.toString()} allocated by ${rule}`];
  let left = amount;
  let stopped = false;

  const paidOf = (owed: Money, what: string): Money | null => {
    if (owed.isNegative()) throw new DomainError('INVALID_AMOUNT', `${what}: a negative amount is owed`);
    if (owed.isZero() || left.isZero()) return null;
    const paid = left.compare(owed) >= 0 ? owed : left;
    left = left.minus(paid);
    workings.push(`${what}: ${paid.toString()} of ${owed.toString()}`);
    return paid;
  };
  const wholeOnly = (owed: Money, what: string): boolean => {
    if (rule !== 'REQUIRE_FULL_PERIOD' || left.compare(owed) >= 0) return true;
    workings.push(`${what}: ${left.toString()} does not settle it whole (${owed.toString()}); stop`);
    stopped = true;
    return false;
  };

  const takeFines = (): void => {
    for (const fine of fines.fines ?? []) {
      if (stopped || left.isZero()) return;
      if (fine.amount.isZero() || !wholeOnly(fine.amount, `fine of case ${fine.caseId}`)) continue;
      const paid = paidOf(fine.amount, `fine of case ${fine.caseId}`);
      if (paid) lines.push({ period: null, component: 'fine', caseId: fine.caseId, amount: paid });
    }
  };
  const takePeriods = (): void => {
    for (const debt of ordered) {
      if (stopped || left.isZero()) return;
      if (!wholeOnly(debt.principal.plus(debt.lateFee), debt.period)) return;
      const order = rule === 'LATE_FEE_FIRST' ? (['lateFee', 'principal'] as const) : (['principal', 'lateFee'] as const);
      for (const component of order) {
        const paid = paidOf(debt[component], `${debt.period} ${component}`);
        if (paid) lines.push({ period: debt.period, component, amount: paid });
      }
    }
  };

  if (fines.position === 'BEFORE_PERIODS') {
    takeFines();
    takePeriods();
  } else {
    takePeriods();
    takeFines();
  }
  if (!left.isZero()) workings.push(`credit ${left.toString()} kept for later bills`);
  return { lines, credit: left, workings };
}
