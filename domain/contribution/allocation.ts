import { DomainError } from '../errors.js';
import type { Money } from '../money.js';

/**
 * How a payment is spread over what an employer owes (domain-rules §4, "Partial payments" — no national rule, open
 * item 2, so it is configuration):
 * - `PER_PERIOD_PRINCIPAL_FIRST` (default): oldest period first; within a period the principal, then its late fee.
 * - `LATE_FEE_FIRST`: oldest period first; within a period the late fee, then the principal.
 * - `REQUIRE_FULL_PERIOD`: whole periods only (principal and late fee), oldest first; allocation stops at the first
 *   period the rest cannot settle in full.
 */
export type AllocationRule = 'PER_PERIOD_PRINCIPAL_FIRST' | 'LATE_FEE_FIRST' | 'REQUIRE_FULL_PERIOD';

export const ALLOCATION_RULES = [
  'PER_PERIOD_PRINCIPAL_FIRST',
  'LATE_FEE_FIRST',
  'REQUIRE_FULL_PERIOD',
] as const satisfies readonly AllocationRule[];

/** What is still owed for one contribution period (费款所属期, 'YYYY-MM'). */
export interface PeriodDebt {
  period: string;
  principal: Money;
  lateFee: Money;
}

export interface AllocationLine {
  period: string;
  component: 'principal' | 'lateFee';
  amount: Money;
}

export interface Allocation {
  lines: AllocationLine[];
  /** What no debt took: an overpayment, kept as a credit for later bills. */
  credit: Money;
  workings: string[];
}

/**
 * Spreads `amount` over the periods owed by `rule` (domain-rules §4). Exact to the fen: the lines plus the credit
 * always add up to the amount. Periods are taken oldest first whatever order they come in. Pure.
 * @throws DomainError INVALID_AMOUNT for a negative amount or a negative debt.
 */
export function allocatePayment(amount: Money, debts: readonly PeriodDebt[], rule: AllocationRule): Allocation {
  if (amount.isNegative()) throw new DomainError('INVALID_AMOUNT', 'a payment cannot be negative', { path: 'amount' });
  const ordered = [...debts].sort((a, b) => a.period.localeCompare(b.period));
  const lines: AllocationLine[] = [];
  const workings: string[] = [`${amount.toString()} allocated by ${rule}`];
  let left = amount;

  const take = (period: string, component: AllocationLine['component'], owed: Money): void => {
    if (owed.isNegative()) throw new DomainError('INVALID_AMOUNT', `period ${period}: a negative ${component} is owed`);
    if (owed.isZero() || left.isZero()) return;
    const paid = left.compare(owed) >= 0 ? owed : left;
    left = left.minus(paid);
    lines.push({ period, component, amount: paid });
    workings.push(`${period} ${component}: ${paid.toString()} of ${owed.toString()}`);
  };

  for (const debt of ordered) {
    if (left.isZero()) break;
    if (rule === 'REQUIRE_FULL_PERIOD') {
      const whole = debt.principal.plus(debt.lateFee);
      if (left.compare(whole) < 0) {
        workings.push(`${debt.period}: ${left.toString()} does not settle the whole period (${whole.toString()}); stop`);
        break;
      }
    }
    const order: AllocationLine['component'][] = rule === 'LATE_FEE_FIRST' ? ['lateFee', 'principal'] : ['principal', 'lateFee'];
    for (const component of order) take(debt.period, component, debt[component]);
  }
  if (!left.isZero()) workings.push(`credit ${left.toString()} kept for later bills`);
  return { lines, credit: left, workings };
}
