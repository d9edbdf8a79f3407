import { addMonths, ageOn, compareDates, isIsoDate } from '../calendar/local-date.js';
import { DomainError } from '../errors.js';
import { type RetirementCategory, minimumContributionYears, statutoryRetirement } from '../retirement-age.js';
import { Exact, countInput } from './benefit-arithmetic.js';

/** The flexible retirement window of the 2025 reform (rules §5.2; Xinhua report of 13 Sep 2024, ◐). */
export interface RetirementWindowPolicy {
  /** Up to 3 years before the statutory age, never before the old age 60 / 55 / 50. */
  earlyMonths: number;
  /** Up to 3 years after the statutory age. */
  lateMonths: number;
  /** Late retirement needs the employer's agreement (协商一致). */
  lateRequiresAgreement: boolean;
}

export const DEFAULT_RETIREMENT_WINDOW_POLICY: RetirementWindowPolicy = {
  earlyMonths: 36,
  lateMonths: 36,
  lateRequiresAgreement: true,
};

export interface PensionEligibilityInput {
  birthDate: string;
  category: RetirementCategory;
  /** The retirement date claimed (the day the pension relationship starts). */
  retirementDate: string;
  /** Cumulative contribution months on that date, actual and deemed (社会保险法 art. 16). */
  contributionMonths: number;
  /** The employer agreed to a later retirement (flexible late retirement). */
  lateRetirementAgreed?: boolean;
  /**
   * The person was short of the minimum at the statutory age and kept contributing until it was met (2025 办法
   * art. 2): the late window does not apply to them.
   */
  contributionsExtended?: boolean;
}

export type PensionRefusalCode =
  'BEFORE_EARLIEST_DATE' | 'AFTER_LATEST_DATE' | 'LATE_RETIREMENT_NOT_AGREED' | 'EARLY_RETIREMENT_SHORT_OF_MINIMUM_YEARS' | 'SHORT_OF_MINIMUM_YEARS';

/** What a person short of the minimum may do (社会保险法 art. 16; 2025 办法 art. 2). */
export type ShortfallOption = 'extendContributions' | 'lumpSum' | 'transferToResidentScheme';

export const SHORTFALL_OPTIONS = ['extendContributions', 'lumpSum', 'transferToResidentScheme'] as const satisfies readonly ShortfallOption[];

export interface PensionEligibility {
  eligible: boolean;
  statutoryAge: { years: number; months: number };
  statutoryDate: string;
  /** The flexible window: earliest and latest lawful retirement dates. */
  earliestDate: string;
  latestDate: string;
  /** Age on the claimed date, for the divisor. */
  retirementAge: { years: number; months: number };
  minimumYears: string;
  minimumMonths: number;
  contributionMonths: number;
  monthsMissing: number;
  refusals: { code: PensionRefusalCode; reason: string }[];
  /** Only when short of the minimum at or after the statutory age. */
  options: ShortfallOption[];
  workings: string[];
}

const ym = (months: number): string => `${Math.floor(months / 12)} y ${months % 12} m`;

/**
 * Whether a person may draw a monthly pension from a claimed retirement date (社会保险法 art. 16; NPCSC decision of
 * 13 Sep 2024 and 2025 办法 arts. 1–2; rules §5.1, §5.2, E10). The statutory age comes from
 * statutoryRetirement; the window allows retiring up to `earlyMonths` earlier — never before the old statutory age and
 * only with the minimum years met — or up to `lateMonths` later by agreement. The minimum years are those of the
 * retirement year (minimumContributionYears). Refusals are data. Pure.
 * @throws DomainError INVALID_DATE for malformed dates or a retirement date before the birth date.
 */
export function pensionEligibility(input: PensionEligibilityInput, policy: RetirementWindowPolicy = DEFAULT_RETIREMENT_WINDOW_POLICY): PensionEligibility {
  if (!isIsoDate(input.retirementDate)) {
    throw new DomainError('INVALID_DATE', `"${input.retirementDate}" is not a real date in the form YYYY-MM-DD`, {
      path: 'retirementDate',
    });
  }
  const months = countInput(input.contributionMonths, 'contributionMonths', 0, 1200);
  countInput(policy.earlyMonths, 'retirement.earlyMonths', 0, 120);
  countInput(policy.lateMonths, 'retirement.lateMonths', 0, 120);
  const st = statutoryRetirement(input.birthDate, input.category);
  const statutoryMonths = st.ageYears * 12 + st.ageMonths;
  const oldMonths = statutoryMonths - st.delayMonths;
  const earliestMonths = Math.max(statutoryMonths - policy.earlyMonths, oldMonths);
  const earliestDate = addMonths(input.birthDate, earliestMonths);
  const latestDate = addMonths(input.birthDate, statutoryMonths + policy.lateMonths);
  const retirementAge = ageOn(input.birthDate, input.retirementDate);
  const year = Number(input.retirementDate.slice(0, 4));
  const minimumYears = minimumContributionYears(year);
  const minimumMonths = new Exact(minimumYears).times(12).toNumber();
  const monthsMissing = Math.max(0, minimumMonths - months);

  const workings = [
    `statutory age ${ym(statutoryMonths)} (old age ${ym(oldMonths)} + ${st.delayMonths} months delay) → ${st.retirementDate} (NPCSC decision 13 Sep 2024, 办法 art. 1)`,
    `window: earliest ${earliestDate} (${ym(earliestMonths)}: ${policy.earlyMonths} months early, never before ${ym(oldMonths)}; configuration retirement.earlyMonths), ` +
      `latest ${latestDate} (${policy.lateMonths} months late; configuration retirement.lateMonths)`,
    `minimum contribution for a ${year} retirement = ${minimumYears} years = ${minimumMonths} months; counted ${months} → ${monthsMissing} missing (社会保险法 art. 16; 办法 art. 2)`,
  ];
  const refusals: PensionEligibility['refusals'] = [];
  const vsStatutory = compareDates(input.retirementDate, st.retirementDate);

  if (compareDates(input.retirementDate, earliestDate) < 0) {
    refusals.push({
      code: 'BEFORE_EARLIEST_DATE',
      reason: `${input.retirementDate} is before the earliest flexible retirement date ${earliestDate} (age ${ym(earliestMonths)})`,
    });
  } else if (vsStatutory < 0 && monthsMissing > 0) {
    refusals.push({
      code: 'EARLY_RETIREMENT_SHORT_OF_MINIMUM_YEARS',
      reason: `early retirement needs the minimum ${minimumYears} years first; ${monthsMissing} months are missing`,
    });
  } else if (vsStatutory > 0 && input.contributionsExtended !== true) {
    if (compareDates(input.retirementDate, latestDate) > 0) {
      refusals.push({
        code: 'AFTER_LATEST_DATE',
        reason: `${input.retirementDate} is after the latest flexible retirement date ${latestDate} (${policy.lateMonths} months after ${st.retirementDate})`,
      });
    } else if (policy.lateRequiresAgreement && input.lateRetirementAgreed !== true) {
      refusals.push({
        code: 'LATE_RETIREMENT_NOT_AGREED',
        reason: `retiring after the statutory date ${st.retirementDate} needs the employer's agreement`,
      });
    }
  }
  const short = vsStatutory >= 0 && monthsMissing > 0;
  if (short) {
    refusals.push({
      code: 'SHORT_OF_MINIMUM_YEARS',
      reason: `${months} contribution months are ${monthsMissing} short of the minimum ${minimumYears} years: contribute longer, pay the shortfall in a lump sum, or transfer to the urban-rural resident scheme`,
    });
  }
  return {
    eligible: refusals.length === 0,
    statutoryAge: { years: st.ageYears, months: st.ageMonths },
    statutoryDate: st.retirementDate,
    earliestDate,
    latestDate,
    retirementAge,
    minimumYears,
    minimumMonths,
    contributionMonths: months,
    monthsMissing,
    refusals,
    options: short ? [...SHORTFALL_OPTIONS] : [],
    workings,
  };
}
