import { Decimal } from 'decimal.js';
import { Money, isRate } from '../money.js';
import { DomainError } from '../errors.js';
import { statementOfYears, type PersonalAccountPolicy as AccountInterestPolicy } from '../insurance/personal-account.js';
import { calculatePersonalAccountTransfer, type AccountStatementLine, type PersonalAccountResult } from './personal-account.js';
import { calculatePooledFundOfPeriods, type PooledFundResult, segmentWage, type WagePeriod, yearSegmentsOf } from './pooled-fund.js';
import { parseAmount } from './transfer-input.js';
import type { TransferAmounts } from './transfer-reconciliation.js';
import { DEFAULT_TRANSFER_POLICY, type TransferInsurance, type TransferPolicy } from './transfer-policy.js';

/** A record span of the old office with the employee rate credited to the personal account (个人缴费比例) in force. */
export interface AccountPeriod extends WagePeriod {
  /** The employee contribution rate of the insurance, e.g. "0.08" for pension, "0.02" for medical. */
  employeeRate: string;
  /**
   * The pooling area the months were paid in, when it is not the place moving them: months a transfer or a collection
   * carried into that place (domain/transfer/carried-history.ts). The information table lists the years by it.
   */
  paidIn?: string;
}

/**
 * Money credited to the personal account by a transfer in whose statement this system does not hold (a counterpart's
 * information table gives the years and one amount): it is part of the balance from the year it was credited.
 */
export interface AccountCredit {
  year: number;
  /** Decimal string. */
  amount: string;
  /** The place it came from. */
  from: string;
}

export interface TransferAmountsInput {
  insurance: TransferInsurance;
  /** The old office's record spans of this insurance. */
  periods: readonly AccountPeriod[];
  /** The last month counted (an open record runs to it). */
  throughMonth: string;
  /**
   * Pension: the yearly 记账利率 the account is credited with (the `personal-account.policy` setting the insurance record
   * reads). Absent — a case started before the transfer carried it — the account moves without credited interest.
   */
  accountInterest?: AccountInterestPolicy;
  /** Credits a transfer into the old place brought in besides its spans (domain/transfer/carried-history.ts). */
  accountCredits?: readonly AccountCredit[];
}

export interface CalculatedTransferAmounts {
  amounts: TransferAmounts;
  /** Pension only: the pooled-fund calculation with its years. */
  pooledFund: PooledFundResult | null;
  /** Pension only: the personal-account calculation. */
  personalAccount: PersonalAccountResult | null;
  /** Months of the spans up to `throughMonth` (what carries over). */
  months: number;
  workings: string[];
}

/**
 * The personal account statement the old office's records give: per year, the individual contributions (the record's
 * monthly wage × months × the employee rate, rounded half-up to the fen per span) and, with `interest`, the yearly
 * interest credited at that year's 记账利率 by the same rule the insurance record shows (domain/insurance/personal-
 * account.ts: every year from the first contribution until the transfer's, a year without a configured rate and the
 * transfer's own year credit nothing and say so). Without `interest` each interest line is 0.00 (rules §6.1, E3:
 * "interest not computed"). Pure.
 * @throws DomainError INVALID_AMOUNT for a malformed rate; INVALID_DATE as {@link yearSegmentsOf}.
 */
export function accountStatementOfPeriods(
  periods: readonly AccountPeriod[],
  throughMonth: string,
  interest?: AccountInterestPolicy,
  credits: readonly AccountCredit[] = [],
): { lines: AccountStatementLine[]; workings: string[] } {
  periods.forEach((p, i) => {
    if (!isRate(p.employeeRate)) throw new DomainError('INVALID_AMOUNT', `"${p.employeeRate}" is not a rate`, { path: `periods[${i}].employeeRate` });
  });
  const byYear = new Map<number, { sum: Decimal; months: number }>();
  for (const segment of yearSegmentsOf(periods, throughMonth)) {
    const rate = periods[segment.period]!.employeeRate;
    const contribution = segmentWage(segment).applyRate(rate, 'HALF_UP_FEN');
    const entry = byYear.get(segment.year) ?? { sum: new Decimal(0), months: 0 };
    byYear.set(segment.year, { sum: entry.sum.plus(contribution.toString()), months: entry.months + segment.months });
  }
  const creditWorkings = credits.map((c, i) => {
    const amount = parseAmount(c.amount, `accountCredits[${i}].amount`);
    const entry = byYear.get(c.year) ?? { sum: new Decimal(0), months: 0 };
    byYear.set(c.year, { sum: entry.sum.plus(amount.toString()), months: entry.months });
    return `${c.year}: ${amount.toString()} credited to the personal account by the transfer in from ${c.from} (its balance as paid out there)`;
  });
  if (interest === undefined || byYear.size === 0) {
    return {
      lines: [...byYear.entries()]
        .sort(([a], [b]) => a - b)
        .map(([year, entry]) => ({ year, individualContributions: entry.sum.toFixed(2), interest: '0.00' })),
      workings: [
        'personal account: individual contributions from the records (wage × months × employee rate); credited interest is not on record here (0.00)',
        ...creditWorkings,
      ],
    };
  }
  const statement = statementOfYears(byYear, Number(throughMonth.slice(0, 4)), interest);
  return {
    lines: statement.years.map((y) => ({ year: y.year, individualContributions: y.contributions, interest: y.interest })),
    workings: [
      'personal account: individual contributions from the records (wage × months × employee rate) with the yearly interest credited (记账利率, 社会保险法 art. 14)',
      ...creditWorkings,
      ...statement.workings,
    ],
  };
}

/**
 * What a transfer moves, from the old office's records (rules §6): for a pension the pooled fund (12 % of each
 * year's contribution wage from 1998) and the personal account (before 1998 the individual contributions with interest,
 * from 1998 the whole credit — 国办发〔2009〕66号 art. 4); for medical the personal-account balance (医保办发〔2021〕
 * 43号), here the individual contributions credited to it (spending from the account is not held here); for
 * unemployment no money, only the months (社会保险法 art. 52). Pure.
 */
export function transferAmountsOf(input: TransferAmountsInput, policy: TransferPolicy = DEFAULT_TRANSFER_POLICY): CalculatedTransferAmounts {
  const { insurance, periods, throughMonth } = input;
  const months = yearSegmentsOf(periods, throughMonth).reduce((sum, s) => sum + s.months, 0);
  const asOfYear = Number(throughMonth.slice(0, 4));
  if (insurance === 'pension') {
    const pooled = calculatePooledFundOfPeriods({ periods, throughMonth }, policy.pooledFund);
    const statement = accountStatementOfPeriods(periods, throughMonth, input.accountInterest, input.accountCredits);
    const personal = calculatePersonalAccountTransfer({ statement: statement.lines, asOfYear }, policy.personalAccount);
    return {
      amounts: { pooledFund: pooled.pooledFund, personalAccount: personal.transferAmount },
      pooledFund: pooled,
      personalAccount: personal,
      months,
      workings: [...pooled.workings, ...statement.workings, ...personal.workings],
    };
  }
  if (insurance === 'medical') {
    // A medical account earns no 记账利率 (医保办发〔2021〕43号 moves the balance): contributions only.
    const statement = accountStatementOfPeriods(periods, throughMonth, undefined, input.accountCredits).lines;
    const balance = Money.sum(statement.map((line) => Money.of(line.individualContributions)));
    return {
      amounts: { pooledFund: '0.00', personalAccount: balance.toString() },
      pooledFund: null,
      personalAccount: null,
      months,
      workings: [
        ...statement.map((line) => `${line.year}: individual contributions credited to the medical account ${line.individualContributions}`),
        `medical personal-account balance that moves = ${balance.toString()} (医保办发〔2021〕43号; spending from the account is not on record here)`,
      ],
    };
  }
  return {
    amounts: { pooledFund: '0.00', personalAccount: '0.00' },
    pooledFund: null,
    personalAccount: null,
    months,
    workings: [`unemployment: no money moves; ${months} contribution months carry over (社会保险法 art. 52)`],
  };
}
