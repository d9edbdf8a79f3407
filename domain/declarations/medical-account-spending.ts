import { DomainError } from '../errors.js';
import { AMOUNT_PATTERN, Money } from '../money.js';

/*
 * 个人账户支付 — the personal medical account pays an outpatient or pharmacy amount (rules §5.6: the account is the
 * person's own, credited by contributions and the 医疗帐户补助金). The ledger is append-only: a spending is a line of its
 * own with a negative amount, never a change to a credit, so the balance is always the sum of the lines.
 */

/** What the account may pay for: an outpatient visit (门诊) or a designated pharmacy's sale (定点药店购药). */
export const SPENDING_KINDS = ['outpatient', 'pharmacy'] as const;
export type SpendingKind = (typeof SPENDING_KINDS)[number];

export type SpendingAssessment =
  | { accepted: true; amount: string; balanceBefore: string; balanceAfter: string }
  | { accepted: false; code: 'INSUFFICIENT_BALANCE' | 'INVALID_AMOUNT'; path: 'amount'; reason: string };

/**
 * Whether the account can pay `amount` (a positive amount with at most two decimals) out of `balance`: it pays in
 * full or not at all — the account never goes below zero, and the rest is not split onto the account (what it cannot
 * pay, the person pays in cash or the pool reimburses under its own rules). Pure.
 */
export function assessAccountSpending(balance: string, amount: string): SpendingAssessment {
  if (!AMOUNT_PATTERN.test(amount))
    return { accepted: false, code: 'INVALID_AMOUNT', path: 'amount', reason: `"${amount}" is not an amount such as 35.50 (at most 2 decimal places)` };
  const asked = Money.of(amount);
  if (asked.isZero() || asked.isNegative()) return { accepted: false, code: 'INVALID_AMOUNT', path: 'amount', reason: 'must be more than 0.00' };
  const held = Money.of(balance);
  if (held.compare(asked) < 0)
    return {
      accepted: false,
      code: 'INSUFFICIENT_BALANCE',
      path: 'amount',
      reason: `the personal medical account holds ${held.toString()}, less than ${asked.toString()}; nothing was paid`,
    };
  return { accepted: true, amount: asked.toString(), balanceBefore: held.toString(), balanceAfter: held.minus(asked).toString() };
}

/** The assessment as the refusal a command throws (422 naming `amount`), or the accepted figures. */
export function assertAccountCanPay(balance: string, amount: string): Extract<SpendingAssessment, { accepted: true }> {
  const a = assessAccountSpending(balance, amount);
  if (!a.accepted) throw new DomainError(a.code, a.reason, { path: a.path });
  return a;
}

/** The ledger line's key: one spending per caller and Idempotency-Key, however often it is sent. */
export const spendingKey = (actorId: string, idempotencyKey: string): string => `spending:${actorId}:${idempotencyKey}`.slice(0, 160);
