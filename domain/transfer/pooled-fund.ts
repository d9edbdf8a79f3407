import { DomainError } from '../errors.js';
import { Money, isRate } from '../money.js';
import { DEFAULT_POOLED_FUND_POLICY, type PooledFundPolicy } from './transfer-policy.js';
import { assertYearLines, parseAmount, parseMonthAt } from './transfer-input.js';

/** One year of a contribution history: the monthly contribution wage (缴费工资) and the months paid that year. */
export interface ContributionYear {
  year: number;
  /** Decimal string, e.g. "3000.00". */
  monthlyWage: string;
  /** 1–12; a part year counts only its months. */
  months: number;
}

/** The body of POST /v1/calculations/transfer, plus the year "now" (the domain has no clock). */
export interface PooledFundInput {
  history: readonly ContributionYear[];
  /** Years after this one are refused: they have no contributions yet. */
  asOfYear: number;
}

export interface PooledFundYear {
  year: number;
  months: number;
  /** monthlyWage × months. */
  contributionWage: string;
  /** False for years before `fromYear`: they contribute nothing to the pooled fund. */
  counted: boolean;
  /** contributionWage × rate, rounded half-up to the fen; "0.00" when not counted. */
  pooledFund: string;
}

export interface PooledFundResult {
  /** The actual contribution wage of the counted years (1998 on); pre-1998 wages are in `years` only. */
  totalContributionWage: string;
  /** The sum of the rounded yearly amounts. */
  pooledFund: string;
  rate: string;
  years: PooledFundYear[];
  workings: string[];
}

const BASIS = '国办发〔2009〕66号 art. 4';

function assertMonths(months: number, path: string): void {
  if (!Number.isInteger(months) || months < 1 || months > 12) {
    throw new DomainError('INVALID_DATE', `months must be a whole number from 1 to 12, got ${months}`, { path });
  }
}

/**
 * The pooled fund (统筹基金) that moves with a pension transfer: `rate` (12 %) of the actual contribution wage of each
 * year from 1998, a part year by its months; years before 1998 contribute nothing (国办发〔2009〕66号 art. 4,
 * rules §6.1, E3: 2010–2018 full years and 6 months of 2019 → 517 800.00 and 62 136.00). Each year's amount is
 * rounded half-up to the fen and the total adds the rounded amounts. Pure.
 * @throws DomainError INVALID_DATE for months outside 1–12, a year listed twice or after `asOfYear`;
 * INVALID_AMOUNT for a wage or a configured rate that is not a non-negative decimal.
 */
export function calculatePooledFund(input: PooledFundInput, policy: PooledFundPolicy = DEFAULT_POOLED_FUND_POLICY): PooledFundResult {
  if (!isRate(policy.rate)) throw new DomainError('INVALID_AMOUNT', `"${policy.rate}" is not a rate`, { path: 'pooledFund.rate' });
  assertYearLines(input.history, input.asOfYear, 'history');
  const lines = input.history.map((line, i): YearLine => {
    assertMonths(line.months, `history[${i}].months`);
    const wage = parseAmount(line.monthlyWage, `history[${i}].monthlyWage`);
    const contributionWage = wage.applyRate(String(line.months), 'HALF_UP_FEN');
    return {
      year: line.year,
      months: line.months,
      contributionWage,
      head: `${line.year}: ${wage.toString()} × ${line.months} months = ${contributionWage.toString()}`,
    };
  });
  return pooledFundOfYears(lines, policy);
}

/** One year of contribution wage, however many wage levels it had, with the words that show how it was added up. */
interface YearLine {
  year: number;
  months: number;
  contributionWage: Money;
  head: string;
}

/** The yearly amounts, rounded per year, and their sum (shared by the calculator and the record-based variant). */
function pooledFundOfYears(input: readonly YearLine[], policy: PooledFundPolicy): PooledFundResult {
  const lines = [...input].sort((a, b) => a.year - b.year);
  const workings: string[] = [];
  const years: PooledFundYear[] = [];
  const countedWages: Money[] = [];
  const countedFunds: Money[] = [];
  for (const line of lines) {
    const { contributionWage, head } = line;
    if (line.year < policy.fromYear) {
      years.push({ year: line.year, months: line.months, contributionWage: contributionWage.toString(), counted: false, pooledFund: '0.00' });
      workings.push(`${head}; before ${policy.fromYear}: no pooled fund (${BASIS}, pooledFund.fromYear ${policy.fromYear})`);
      continue;
    }
    const fund = contributionWage.applyRate(policy.rate, 'HALF_UP_FEN');
    countedWages.push(contributionWage);
    countedFunds.push(fund);
    years.push({ year: line.year, months: line.months, contributionWage: contributionWage.toString(), counted: true, pooledFund: fund.toString() });
    workings.push(`${head} × ${policy.rate} = ${fund.toString()} (${BASIS}, pooledFund.rate ${policy.rate})`);
  }

  const totalContributionWage = Money.sum(countedWages);
  const pooledFund = Money.sum(countedFunds);
  const addends = (parts: Money[]): string => (parts.length === 0 ? 'no counted year' : parts.map((m) => m.toString()).join(' + '));
  workings.push(`total contribution wage from ${policy.fromYear} = ${addends(countedWages)} = ${totalContributionWage.toString()}`);
  workings.push(`pooled fund = ${addends(countedFunds)} = ${pooledFund.toString()} (sum of the rounded yearly amounts, ${BASIS})`);
  return {
    totalContributionWage: totalContributionWage.toString(),
    pooledFund: pooledFund.toString(),
    rate: policy.rate,
    years,
    workings,
  };
}

/** A span of insured months at one monthly contribution wage, as the insurance records hold it. */
export interface WagePeriod {
  /** 'YYYY-MM', the first month. */
  startMonth: string;
  /** 'YYYY-MM', the last month, or null while the record is open (counted up to `throughMonth`). */
  endMonth: string | null;
  /** Decimal string: the monthly contribution wage (缴费工资) of the span. */
  monthlyWage: string;
  /**
   * Decimal string: the span's whole contribution wage, when an information table gave it for the year rather than a
   * monthly wage (a span within one year; it counts instead of `monthlyWage` × months).
   */
  contributionWage?: string;
}

/**
 * The pooled fund of a contribution history given as record spans rather than years (what the old office's records
 * hold): each span is cut into calendar years, a year with several wage levels adds them up by their months, and the
 * rule is the calculator's — 12 % of each year's actual contribution wage from 1998, rounded per year
 * (国办发〔2009〕66号 art. 4, rules §6.1). A month listed in two spans would count twice: refused. Pure.
 * @throws DomainError INVALID_DATE for a malformed month, a span ending before it starts, or two spans sharing a month;
 * INVALID_AMOUNT for a malformed wage or rate.
 */
export function calculatePooledFundOfPeriods(
  input: { periods: readonly WagePeriod[]; throughMonth: string },
  policy: PooledFundPolicy = DEFAULT_POOLED_FUND_POLICY,
): PooledFundResult {
  if (!isRate(policy.rate)) throw new DomainError('INVALID_AMOUNT', `"${policy.rate}" is not a rate`, { path: 'pooledFund.rate' });
  const byYear = new Map<number, { months: number; wage: Money; parts: string[] }>();
  for (const segment of yearSegmentsOf(input.periods, input.throughMonth)) {
    const entry = byYear.get(segment.year) ?? { months: 0, wage: Money.zero(), parts: [] };
    const amount = segmentWage(segment);
    entry.months += segment.months;
    entry.wage = entry.wage.plus(amount);
    entry.parts.push(`${segment.monthlyWage.toString()} × ${segment.months}`);
    byYear.set(segment.year, entry);
  }
  const lines = [...byYear.entries()].map(([year, e]): YearLine => ({
    year,
    months: e.months,
    contributionWage: e.wage,
    head: `${year}: ${e.parts.join(' + ')} months = ${e.wage.toString()}`,
  }));
  return pooledFundOfYears(lines, policy);
}

/** One calendar year's part of a wage span. */
export interface YearSegment {
  year: number;
  months: number;
  monthlyWage: Money;
  /** Index of the span it came from. */
  period: number;
  /** The span's whole contribution wage, when it was given as one (`WagePeriod.contributionWage`). */
  total?: Money;
}

/** A segment's contribution wage: its monthly wage × months (rounded half-up to the fen), or the total it was given. Pure. */
export function segmentWage(segment: YearSegment): Money {
  return segment.total ?? segment.monthlyWage.applyRate(String(segment.months), 'HALF_UP_FEN');
}

/**
 * Cuts wage spans into calendar-year segments up to `throughMonth` (an open span runs to it; a span starting after it
 * counts nothing), refusing a month that two spans share: the records must never count a month twice (§2). Pure.
 * @throws DomainError INVALID_DATE naming the span (`periods[i]`).
 */
export function yearSegmentsOf(periods: readonly WagePeriod[], throughMonth: string): YearSegment[] {
  const through = parseMonthAt(throughMonth, 'throughMonth');
  const seen = new Map<number, number>();
  const segments: YearSegment[] = [];
  periods.forEach((p, i) => {
    const from = parseMonthAt(p.startMonth, `periods[${i}].startMonth`);
    const declaredEnd = p.endMonth === null ? Math.max(through, from) : parseMonthAt(p.endMonth, `periods[${i}].endMonth`);
    if (declaredEnd < from)
      throw new DomainError('INVALID_DATE', `span ${p.startMonth}–${p.endMonth ?? ''} ends before it starts`, { path: `periods[${i}].endMonth` });
    const wage = parseAmount(p.monthlyWage, `periods[${i}].monthlyWage`);
    const total = p.contributionWage === undefined ? undefined : parseAmount(p.contributionWage, `periods[${i}].contributionWage`);
    if (total !== undefined && Math.floor(from / 12) !== Math.floor(declaredEnd / 12))
      throw new DomainError('INVALID_DATE', `a span given with its contribution wage lies within one year`, { path: `periods[${i}].contributionWage` });
    const to = Math.min(declaredEnd, through);
    for (let m = from; m <= to; m += 1) {
      const other = seen.get(m);
      if (other !== undefined) {
        const month = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
        throw new DomainError('INVALID_DATE', `${month} is in periods[${other}] and periods[${i}]; a month counts once`, { path: `periods[${i}]` });
      }
      seen.set(m, i);
      const year = Math.floor(m / 12);
      const last = segments.at(-1);
      if (last && last.period === i && last.year === year) last.months += 1;
      else segments.push({ year, months: 1, monthlyWage: wage, period: i, ...(total === undefined ? {} : { total }) });
    }
  });
  return segments;
}
