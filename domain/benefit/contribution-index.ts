import { Decimal } from 'decimal.js';
import { DomainError } from '../errors.js';
import { Exact, amountInput, countInput, rateInput, shown } from './benefit-arithmetic.js';

/** One contribution year of a person's history, amounts as decimal strings. */
export interface ContributionYearRecord {
  year: number;
  /** The person's own average monthly contribution base that year. */
  averageMonthlyBase: string;
  /** The regional average monthly wage used for indexing that year (the published 社平工资). */
  regionalAverageWage: string;
  /** Months contributed that year, 1–12. */
  months: number;
}

/** How Z (平均缴费指数) is formed (rules §5.1, 国发〔2005〕38号). */
export interface ContributionIndexPolicy {
  /** Each year's index is bounded below by this — the 60 % base floor (§3.2, §5.1; ◐). */
  lowerBound: string;
  /** … and above by this — the 300 % base ceiling (§3.2, §5.1; ◐). */
  upperBound: string;
  /**
   * 'monthWeighted' (default: a part year weighs by its months, as the index is a mean over contribution months) or
   * 'yearMean' (plain mean of the yearly indices). Local practice; unverified.
   */
  averaging: 'monthWeighted' | 'yearMean';
  /** Decimals each yearly index and Z are rounded to, half-up; null keeps them exact. Suggested default 4; unverified. */
  indexDecimals: number | null;
}

export const DEFAULT_CONTRIBUTION_INDEX_POLICY: ContributionIndexPolicy = {
  lowerBound: '0.6',
  upperBound: '3',
  averaging: 'monthWeighted',
  indexDecimals: 4,
};

export interface YearIndex {
  year: number;
  months: number;
  /** Own base ÷ average wage, before the bounds. */
  rawIndex: string;
  /** The index used, after the bounds. */
  index: string;
  boundedTo: 'lower' | 'upper' | null;
}

export interface AverageIndexResult {
  averageIndex: string;
  totalMonths: number;
  years: YearIndex[];
  workings: string[];
}

/**
 * The average contribution index Z: each year's own average base ÷ that year's regional average wage, bounded to
 * [lowerBound, upperBound], then averaged over the months (or the years) contributed — 国发〔2005〕38号 as restated in
 * rules §5.1. Pure; every year has a line in the workings.
 * @throws DomainError INVALID_AMOUNT for an empty history, malformed amounts, a zero average wage or bad months.
 */
export function averageContributionIndex(
  records: readonly ContributionYearRecord[],
  policy: ContributionIndexPolicy = DEFAULT_CONTRIBUTION_INDEX_POLICY,
): AverageIndexResult {
  if (records.length === 0) throw new DomainError('INVALID_AMOUNT', 'the contribution history is empty', { path: 'records' });
  const lower = rateInput(policy.lowerBound, 'contributionIndex.lowerBound');
  const upper = rateInput(policy.upperBound, 'contributionIndex.upperBound');
  if (lower.greaterThan(upper)) {
    throw new DomainError('INVALID_AMOUNT', `index bounds [${policy.lowerBound}, ${policy.upperBound}] are reversed`);
  }
  const round = (d: Decimal): Decimal =>
    policy.indexDecimals === null ? d : d.toDecimalPlaces(countInput(policy.indexDecimals, 'indexDecimals', 0, 20), Decimal.ROUND_HALF_UP);

  const workings: string[] = [];
  const years: YearIndex[] = [];
  let weighted = new Exact(0);
  let totalMonths = 0;
  records.forEach((r, i) => {
    const base = amountInput(r.averageMonthlyBase, `records[${i}].averageMonthlyBase`).toDecimal();
    const average = amountInput(r.regionalAverageWage, `records[${i}].regionalAverageWage`).toDecimal();
    if (average.isZero())
      throw new DomainError('INVALID_AMOUNT', `records[${i}]: the average wage is zero`, {
        path: `records[${i}].regionalAverageWage`,
      });
    const months = countInput(r.months, `records[${i}].months`, 1, 12);
    const raw = round(new Exact(base).dividedBy(average));
    const boundedTo = raw.lessThan(lower) ? 'lower' : raw.greaterThan(upper) ? 'upper' : null;
    const index = boundedTo === 'lower' ? lower : boundedTo === 'upper' ? upper : raw;
    const bound = boundedTo === null ? '' : ` → bounded to ${index.toFixed()} (${boundedTo} bound)`;
    workings.push(`${r.year}: index = ${base.toFixed(2)} ÷ ${average.toFixed(2)} = ${shown(raw, 6)}${bound}, ${months} months`);
    years.push({ year: r.year, months, rawIndex: raw.toFixed(), index: index.toFixed(), boundedTo });
    weighted = weighted.plus(policy.averaging === 'monthWeighted' ? index.times(months) : index);
    totalMonths += months;
  });

  const divisor = policy.averaging === 'monthWeighted' ? totalMonths : records.length;
  const z = round(weighted.dividedBy(divisor));
  const how = policy.averaging === 'monthWeighted' ? `Σ index × months ÷ ${totalMonths} months` : `Σ index ÷ ${records.length} years`;
  const places = policy.indexDecimals === null ? 'exact' : `rounded to ${policy.indexDecimals} decimals`;
  workings.push(`Z = ${how} = ${shown(weighted, 6)} ÷ ${divisor} = ${z.toFixed()} (averaging ${policy.averaging}, ${places}; 国发〔2005〕38号)`);
  return { averageIndex: z.toFixed(), totalMonths, years, workings };
}

/** How the contribution years N are counted (rules §5.1: often to the month — confirm locally). */
export type ContributionYearsCounting = 'fractionalMonths' | 'wholeYears';

export const DEFAULT_CONTRIBUTION_YEARS_COUNTING: ContributionYearsCounting = 'fractionalMonths';

export interface ContributionYears {
  months: number;
  /** Exact years as a decimal (N = months ÷ 12, or completed whole years). */
  years: Decimal;
  working: string;
}

/**
 * Contribution years N from months (actual + deemed): months ÷ 12 to the month, or completed whole years only.
 * The value stays exact (185 months = 15.41666… years) so the pension is rounded once. Pure.
 */
export function contributionYears(months: number, counting: ContributionYearsCounting, path = 'contributionMonths', label = 'N'): ContributionYears {
  countInput(months, path, 0, 1200);
  if (counting === 'wholeYears') {
    const whole = Math.floor(months / 12);
    return {
      months,
      years: new Exact(whole),
      working: `${label} = ${months} months → ${whole} completed years (counting wholeYears)`,
    };
  }
  const years = new Exact(months).dividedBy(12);
  return {
    months,
    years,
    working: `${label} = ${months} months ÷ 12 = ${shown(years)} years (counting fractionalMonths)`,
  };
}
