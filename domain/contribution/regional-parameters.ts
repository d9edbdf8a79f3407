import { compareDates, isIsoDate } from '../calendar/local-date.js';
import { DomainError } from '../errors.js';
import type { RoundingRule } from '../money.js';

/** The insurances collected per employee; maternity is collected inside medical since 2019 (rules §3.1). */
export type InsuranceType = 'pension' | 'medical' | 'unemployment' | 'workInjury';

export const INSURANCE_TYPES = ['pension', 'medical', 'unemployment', 'workInjury'] as const satisfies readonly InsuranceType[];

/** A split rate, as decimal strings ("0.16"). */
export interface RatePair {
  employer: string;
  employee: string;
}

/**
 * One dated set of contribution parameters for a region (rules modelling principle 1, §3.1–3.4). Plain JSON
 * with every decimal as a string: it is stored, served by the API and passed into workflows unchanged.
 */
export interface RegionalParameters {
  region: string;
  /** YYYY-MM-DD from which this set applies, until the next set's effectiveFrom. */
  effectiveFrom: string;
  /** The published all-urban-employer average monthly wage the base bounds derive from (§3.2). */
  averageMonthlyWage: string;
  /** Floor of the base as a share of the average ("0.6"). */
  baseFloorRate: string;
  /** Ceiling of the base as a share of the average ("3"). */
  baseCeilingRate: string;
  /** How each contribution line is rounded (§3.4). */
  rounding: RoundingRule;
  /** Whether the bounds and the clamped base are rounded to whole yuan before rates apply (§3.4). */
  baseRounding: 'NONE' | 'YUAN';
  /** Day of the month contributions for the previous month are due (§3.3). */
  dueDay: number;
  rates: { pension: RatePair; medical: RatePair; unemployment: RatePair };
  workInjury: {
    /** Base rate per industry risk class "1".."8" (§3.1). */
    classRates: Record<string, string>;
    /** The floating tiers allowed in the region, as multipliers ("0.5" … "1.5"). */
    tiers: string[];
  };
}

/** Industry-class base rates in force since 1 Oct 2015: class 1–8 = 0.2 % … 1.9 % (人社部发〔2015〕71号, §3.1). */
export const DEFAULT_WORK_INJURY_CLASS_RATES: Readonly<Record<string, string>> = {
  '1': '0.002',
  '2': '0.004',
  '3': '0.007',
  '4': '0.009',
  '5': '0.011',
  '6': '0.013',
  '7': '0.016',
  '8': '0.019',
};

/** The five floating tiers of classes 2–8; class 1 uses only "1", "1.2" and "1.5" (§3.1). */
export const DEFAULT_WORK_INJURY_TIERS: readonly string[] = ['0.5', '0.8', '1', '1.2', '1.5'];

/**
 * The set in force on `date`: the one with the latest effectiveFrom on or before it (modelling principle 1).
 * `sets` are one region's history; when two share an effectiveFrom the later one in the list wins (a correction).
 * @throws DomainError PARAMETERS_NOT_FOUND when no set has started by `date`; INVALID_DATE for a malformed date.
 */
export function parametersInForce(sets: readonly RegionalParameters[], date: string): RegionalParameters {
  if (!isIsoDate(date)) throw new DomainError('INVALID_DATE', `"${date}" is not a real date in the form YYYY-MM-DD`);
  let found: RegionalParameters | undefined;
  for (const set of sets) {
    if (compareDates(set.effectiveFrom, date) > 0) continue;
    if (found === undefined || compareDates(set.effectiveFrom, found.effectiveFrom) >= 0) found = set;
  }
  if (found === undefined) {
    const region = sets[0]?.region;
    throw new DomainError('PARAMETERS_NOT_FOUND', `no contribution parameters${region === undefined ? '' : ` for region ${region}`} in force on ${date}`);
  }
  return found;
}
