import { compareDates, isIsoDate } from '../calendar/local-date.js';
import { DomainError } from '../errors.js';

/**
 * A region's dated benefit figures (modelling principle 1: keyed by region and effective-from date; rules
 * §5.1, §5.3, §11 item 12): the pension calculation base C (计发基数) of the retirement year, the minimum wage the
 * unemployment benefit is a share of, and the subsistence allowance (低保) it never falls below. Plain JSON with
 * decimal strings: stored, served and passed into workflows unchanged.
 */
export interface BenefitParameters {
  region: string;
  effectiveFrom: string;
  pensionCalculationBase: string;
  minimumWage: string;
  subsistenceAllowance: string;
}

/**
 * The set in force on `date`: the latest effectiveFrom on or before it; null when none has started (the claim says
 * which figure is missing instead of guessing one).
 * @throws DomainError INVALID_DATE for a malformed date.
 */
export function benefitParametersInForce(sets: readonly BenefitParameters[], date: string): BenefitParameters | null {
  if (!isIsoDate(date)) throw new DomainError('INVALID_DATE', `"${date}" is not a real date in the form YYYY-MM-DD`);
  let found: BenefitParameters | null = null;
  for (const set of sets) {
    if (compareDates(set.effectiveFrom, date) > 0) continue;
    if (found === null || compareDates(set.effectiveFrom, found.effectiveFrom) >= 0) found = set;
  }
  return found;
}
