import { DomainError } from '../errors.js';
import type { Money } from '../money.js';
import { allocatePayment, type Allocation, type AllocationRule, type FineAllocation, type PeriodDebt } from './allocation.js';

export interface CreditAllocation extends Allocation {
  /** The credit held before. `credit` (inherited) is the credit held after. */
  creditHeld: Money;
  /** The signed `credit` ledger entry to book: the credit after minus the credit before (zero: book none). */
  creditChange: Money;
}

/**
 * Spreads a payment together with the credit the employer already holds (earlier overpayments, rules §4
 * "Partial payments") over what it owes, by the configured rule. The credit is money the fund already has, so it
 * settles the next bill(s) — when a bill is booked (`amount` zero) or with the next payment — as if paid again that
 * day; paid together, a credit and a payment can settle a whole period under `REQUIRE_FULL_PERIOD` that neither
 * settles alone. Unpaid fines are taken at their configured position (`allocatePayment`). What no debt takes is the
 * new credit. Exact to the fen: lines plus the new credit equal amount plus the credit held. Pure.
 * @throws DomainError INVALID_AMOUNT for a negative amount, credit or debt.
 */
export function allocateWithCredit(
  amount: Money,
  creditHeld: Money,
  debts: readonly PeriodDebt[],
  rule: AllocationRule,
  fines: FineAllocation = {},
): CreditAllocation {
  if (creditHeld.isNegative()) throw new DomainError('INVALID_AMOUNT', 'a credit cannot be negative', { path: 'credit' });
  if (amount.isNegative()) throw new DomainError('INVALID_AMOUNT', 'a payment cannot be negative', { path: 'amount' });
  const spread = allocatePayment(amount.plus(creditHeld), debts, rule, fines);
  const workings = creditHeld.isZero() ? spread.workings : [`payment ${amount.toString()} + credit held ${creditHeld.toString()}`, ...spread.workings];
  return { ...spread, workings, creditHeld, creditChange: spread.credit.minus(creditHeld) };
}
