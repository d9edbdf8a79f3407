import { DomainError } from '../errors.js';
import { Money, isRate } from '../money.js';
import { DEFAULT_POOLED_FUND_POLICY, type PooledFundPolicy } from './transfer-policy.js';
import { assertYearLines, parseAmount } from './transfer-input.js';

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
 * domain-rules §6.1, E3: 2010–2018 full years and 6 months of 2019 → 517 800.00 and 62 136.00). Each year's amount is
 * rounded half-up to the fen and the total adds the rounded amounts. Pure.
 * @throws DomainError INVALID_DATE for months outside 1–12, a year listed twice or after `asOfYear`;
 * INVALID_AMOUNT for a wage or a configured rate that is not a non-negative decimal.
 */
export function calculatePooledFund(input: PooledFundInput, policy: PooledFundPolicy = DEFAULT_POOLED_FUND_POLICY): PooledFundResult {
  if (!isRate(policy.rate)) throw new DomainError('INVALID_AMOUNT', `"${policy.rate}" is not a rate`, { path: 'pooledFund.rate' });
  assertYearLines(input.history, input.asOfYear, 'history');
  const lines = input.history.map((line, i) => {
    assertMonths(line.months, `history[${i}].months`);
    return { ...line, wage: parseAmount(line.monthlyWage, `history[${i}].monthlyWage`) };
  });
  lines.sort((a, b) => a.year - b.year);

  const workings: string[] = [];
  const years: PooledFundYear[] = [];
  const countedWages: Money[] = [];
  const countedFunds: Money[] = [];
  for (const line of lines) {
    const contributionWage = line.wage.applyRate(String(line.months), 'HALF_UP_FEN');
    const head = `${line.year}: ${line.wage.toString()} × ${line.months} months = ${contributionWage.toString()}`;
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
