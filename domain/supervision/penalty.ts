import { Decimal } from 'decimal.js';
import { DomainError } from '../errors.js';
import { Money, isRate } from '../money.js';

/** The fine range for benefits obtained by fraud: 2–5 × the amount (社会保险法 art. 88, rules §8 ✔). */
export interface FraudPenaltyPolicy {
  minMultiple: string;
  maxMultiple: string;
}

export const DEFAULT_FRAUD_PENALTY_POLICY: FraudPenaltyPolicy = { minMultiple: '2', maxMultiple: '5' };

const Exact = Decimal.clone({ precision: 40 });

/**
 * Where fraud is found: the money obtained is returned and a fine of `multiple` × that amount imposed, the multiple
 * chosen by the deciding officer within 2–5 (社会保险法 art. 88). The fine is rounded half-up to the fen; the total
 * adds the returned amount and the rounded fine. Criminal liability (Criminal Law art. 266) is outside this
 * calculation. Pure.
 * @throws DomainError INVALID_AMOUNT (path `multiple`) for a multiple outside the range; (path `amount`) for an
 * amount that is not positive.
 */
export function fraudPenalty(
  amount: string,
  multiple: string,
  policy: FraudPenaltyPolicy = DEFAULT_FRAUD_PENALTY_POLICY,
): { returned: string; multiple: string; fine: string; total: string; workings: string[] } {
  const obtained = Money.of(amount);
  if (obtained.isNegative() || obtained.isZero()) throw new DomainError('INVALID_AMOUNT', 'the amount obtained must be positive', { path: 'amount' });
  if (!isRate(multiple) || new Exact(multiple).lessThan(policy.minMultiple) || new Exact(multiple).greaterThan(policy.maxMultiple)) {
    throw new DomainError(
      'INVALID_AMOUNT',
      `the multiple must be between ${policy.minMultiple} and ${policy.maxMultiple} (社会保险法 art. 88), got "${multiple}"`,
      { path: 'multiple' },
    );
  }
  const fine = obtained.applyRate(multiple, 'HALF_UP_FEN');
  const total = obtained.plus(fine);
  const workings = [
    `return the amount obtained ${obtained.toString()} (社会保险法 art. 88)`,
    `fine ${obtained.toString()} × ${multiple} = ${fine.toString()} (range ${policy.minMultiple}–${policy.maxMultiple} ×, 社会保险法 art. 88)`,
    `total ${obtained.toString()} + ${fine.toString()} = ${total.toString()}`,
  ];
  return { returned: obtained.toString(), multiple, fine: fine.toString(), total: total.toString(), workings };
}
