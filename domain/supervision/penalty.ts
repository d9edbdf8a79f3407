import { Decimal } from 'decimal.js';
import { isIsoDate } from '../calendar/local-date.js';
import { DomainError, type InputIssue } from '../errors.js';
import { Money, isRate } from '../money.js';

/**
 * The fine range for benefits obtained by fraud: 2–5 × the amount (社会保险法 art. 88, rules §8 ✔), a dated setting
 * (`fraudPenalty.policy`) so a change of the law is a new version, not a code change.
 */
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

/**
 * One dated change of the fine range (the `fraudPenalty.policy` setting holds `{ versions: [...] }`): from
 * `effectiveFrom` on, the range it names applies to investigations found on or after that day; what it leaves out
 * comes from the version before it, and before any version from the statutory 2–5 × (社会保险法 art. 88, in force
 * since 2011-07-01).
 */
export interface FraudPenaltyPolicyVersion extends Partial<FraudPenaltyPolicy> {
  effectiveFrom: string;
  source?: string;
}

/** The fine range in force on `date` (YYYY-MM-DD) from the stored versions. Pure. */
export function fraudPenaltyPolicyOn(versions: readonly FraudPenaltyPolicyVersion[], date: string): FraudPenaltyPolicy {
  return [...versions]
    .filter((v) => v.effectiveFrom <= date)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0))
    .reduce<FraudPenaltyPolicy>(
      (policy, v) => ({ minMultiple: v.minMultiple ?? policy.minMultiple, maxMultiple: v.maxMultiple ?? policy.maxMultiple }),
      DEFAULT_FRAUD_PENALTY_POLICY,
    );
}

/**
 * What is wrong with a stored `fraudPenalty.policy` value, each issue naming its field under `value`: the versions
 * must be dated, the multiples positive decimal strings, and the range of each version (with what it inherits) not
 * empty. Pure.
 */
export function fraudPenaltyPolicyIssues(value: unknown): InputIssue[] {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { versions?: unknown }).versions))
    return [{ path: 'value.versions', message: 'must be an array of dated versions' }];
  const versions = (value as { versions: unknown[] }).versions;
  const issues: InputIssue[] = [];
  versions.forEach((version, index) => {
    const path = `value.versions.${index}`;
    if (typeof version !== 'object' || version === null || Array.isArray(version)) {
      issues.push({ path, message: 'must be an object' });
      return;
    }
    const { effectiveFrom, source, minMultiple, maxMultiple, ...rest } = version as Record<string, unknown>;
    for (const key of Object.keys(rest)) issues.push({ path: `${path}.${key}`, message: 'is not a setting of this policy' });
    if (typeof effectiveFrom !== 'string' || !isIsoDate(effectiveFrom)) issues.push({ path: `${path}.effectiveFrom`, message: 'must be a date YYYY-MM-DD' });
    if (source !== undefined && typeof source !== 'string') issues.push({ path: `${path}.source`, message: 'must be a string' });
    for (const [key, multiple] of [
      ['minMultiple', minMultiple],
      ['maxMultiple', maxMultiple],
    ] as const) {
      if (multiple === undefined) continue;
      if (typeof multiple !== 'string' || !isRate(multiple) || !new Exact(multiple).greaterThan(0))
        issues.push({ path: `${path}.${key}`, message: 'must be a positive decimal string such as "2"' });
    }
  });
  if (issues.length > 0) return issues;
  // Each version's range, with what it inherits from the versions before it, must not be empty.
  const typed = versions as FraudPenaltyPolicyVersion[];
  typed.forEach((version, index) => {
    const policy = fraudPenaltyPolicyOn(typed, version.effectiveFrom);
    if (new Exact(policy.minMultiple).greaterThan(policy.maxMultiple))
      issues.push({ path: `value.versions.${index}.minMultiple`, message: `must not be above maxMultiple (${policy.maxMultiple}) in force then` });
  });
  return issues;
}
