/**
 * The basic pension personal account (个人账户) as the person's record shows it: the employee contributions credited
 * each year and the yearly interest at the announced 记账利率 (社会保险法 art. 14, rules §5.1). Pure.
 *
 * Interest of year Y at rate r (the usual annual crediting, 年度计息):
 *   opening balance × r  +  contributions credited in Y × r × `currentYearFactor`
 * — contributions come in through the year, so they earn about half a year's interest; the usual factor is
 * 1.083 × ½ = 0.5415 (local practice, unverified: configurable). Interest is credited once a year is over and its rate
 * is announced; a finished year without a configured rate credits nothing and says so.
 */
import { Decimal } from 'decimal.js';

export interface PersonalAccountPolicy {
  /** 记账利率 per year, decimal strings ("0.0262" = 2.62 %), as the ministry announces them each year. */
  rates: Record<string, string>;
  /** Share of a year's rate that the year's own contributions earn (1.083 × ½; unverified). */
  currentYearFactor: string;
}

/**
 * The nationally announced rates since the 2016 unification (人社部 / 财政部 yearly notices; values as published,
 * suggested defaults to confirm — a new year's rate is one setting, `personal-account.policy`).
 */
export const DEFAULT_PERSONAL_ACCOUNT_POLICY: PersonalAccountPolicy = {
  rates: {
    '2016': '0.0831',
    '2017': '0.0712',
    '2018': '0.0829',
    '2019': '0.0761',
    '2020': '0.0604',
    '2021': '0.0669',
    '2022': '0.0612',
    '2023': '0.0397',
    '2024': '0.0262',
  },
  currentYearFactor: '0.5415',
};

export interface AccountYear {
  year: number;
  opening: string;
  contributions: string;
  months: number;
  /** The rate applied, or null: the year is not over, or no rate is configured for it. */
  rate: string | null;
  interest: string;
  closing: string;
}

export interface PersonalAccountStatement {
  years: AccountYear[];
  balance: string;
  interestTotal: string;
  workings: string[];
}

const fen = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** The account statement from the months credited (`contribution`: the employee share of the month), oldest first. */
export function personalAccountStatement(
  months: readonly { month: string; contribution: string }[],
  currentYear: number,
  policy: PersonalAccountPolicy = DEFAULT_PERSONAL_ACCOUNT_POLICY,
): PersonalAccountStatement {
  const byYear = new Map<number, { sum: Decimal; months: number }>();
  for (const m of months) {
    const year = Number(m.month.slice(0, 4));
    const entry = byYear.get(year) ?? { sum: new Decimal(0), months: 0 };
    byYear.set(year, { sum: entry.sum.plus(m.contribution), months: entry.months + 1 });
  }
  return statementOfYears(byYear, currentYear, policy);
}

/**
 * The same statement from each year's credited total, for callers that hold totals per year rather than months (the
 * transfer's account statement, computed from the old office's spans): one interest rule for the record and the
 * transfer.
 */
export function statementOfYears(
  byYear: ReadonlyMap<number, { sum: Decimal; months: number }>,
  currentYear: number,
  policy: PersonalAccountPolicy = DEFAULT_PERSONAL_ACCOUNT_POLICY,
): PersonalAccountStatement {
  const workings: string[] = [];
  const years: AccountYear[] = [];
  const first = Math.min(...byYear.keys());
  let balance = new Decimal(0);
  let interestTotal = new Decimal(0);
  // Every year from the first contribution on earns interest on its opening balance, also years without contributions.
  for (let year = first; Number.isFinite(first) && year <= currentYear; year += 1) {
    const entry = byYear.get(year) ?? { sum: new Decimal(0), months: 0 };
    const opening = balance;
    const rate = year < currentYear ? (policy.rates[String(year)] ?? null) : null;
    const interest = rate === null ? new Decimal(0) : fen(opening.times(rate).plus(entry.sum.times(rate).times(policy.currentYearFactor)));
    if (rate !== null)
      workings.push(
        `${year}: ${opening.toFixed(2)} × ${rate} + ${entry.sum.toFixed(2)} × ${rate} × ${policy.currentYearFactor} = ${interest.toFixed(2)} interest (社会保险法 art. 14)`,
      );
    else if (year < currentYear) workings.push(`${year}: no 记账利率 configured for the year — no interest credited yet`);
    balance = opening.plus(entry.sum).plus(interest);
    interestTotal = interestTotal.plus(interest);
    years.push({
      year,
      opening: opening.toFixed(2),
      contributions: entry.sum.toFixed(2),
      months: entry.months,
      rate,
      interest: interest.toFixed(2),
      closing: balance.toFixed(2),
    });
  }
  if (years.at(-1)?.year === currentYear) workings.push(`${currentYear}: the year is not over — its interest is credited after the rate is announced`);
  return { years, balance: balance.toFixed(2), interestTotal: interestTotal.toFixed(2), workings };
}
