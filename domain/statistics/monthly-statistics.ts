// 统计 (issue 14 point 4): the monthly figures of a region for the director and the auditor, as pure values. The
// figures themselves are counted in SQL (db/queries/statistics.query.ts); here are the month range a report may cover,
// the shape every answer (JSON, CSV, the page's charts) is built from, and the CSV layout.
import { addMonths, monthOf } from '../calendar/local-date.js';
import { DomainError } from '../errors.js';
import { Money } from '../money.js';

/** At most three years in one report: enough to see a trend, few enough to count on a request. */
export const MAX_REPORT_MONTHS = 36;

/** The months from `from` to `to` inclusive ('YYYY-MM'), or a refusal naming the field. */
export function reportMonths(from: string, to: string): string[] {
  if (from > to) throw new DomainError('VALIDATION_FAILED', '`from` is after `to`', { path: 'from' });
  const months: string[] = [];
  for (let month = from; month <= to; month = monthOf(addMonths(`${month}-01`, 1))) {
    months.push(month);
    if (months.length > MAX_REPORT_MONTHS) {
      throw new DomainError('VALIDATION_FAILED', `a report covers at most ${MAX_REPORT_MONTHS} months`, { path: 'to' });
    }
  }
  return months;
}

/** The default period: the twelve months up to and including `today`'s. */
export function defaultPeriod(today: string): { from: string; to: string } {
  const to = monthOf(today);
  return { from: monthOf(addMonths(`${to}-01`, -11)), to };
}

/** Insured persons of one insurance in a month: covered in it, whose coverage began in it, and whose ended in it. */
export interface InsuredFigures {
  insuranceType: string;
  insured: number;
  joined: number;
  left: number;
}

/**
 * The contribution account of the periods billed for a month (rules §3.3, §4): what was charged (declared, provisional
 * and adjustments), the principal received against it, what is still owed once its bill is due, and the late fees
 * received for it.
 */
export interface ContributionFigures {
  billed: Money;
  received: Money;
  arrears: Money;
  lateFees: Money;
}

/** One benefit in a month: entitlements granted (decided) in it, and the payroll lines of that month paid. */
export interface BenefitFigures {
  benefit: string;
  granted: number;
  paidLines: number;
  paid: Money;
}

/** One case type in a month: opened, closed, and its tasks decided — how many by their SLA due time. */
export interface CaseFigures {
  caseType: string;
  opened: number;
  closed: number;
  decided: number;
  onTime: number;
}

/** The fund in a month: contributions and late fees received in, benefits paid out, and the difference. */
export interface FundFigures {
  income: Money;
  expenditure: Money;
  net: Money;
}

export interface MonthFigures {
  month: string;
  insured: InsuredFigures[];
  contributions: ContributionFigures;
  benefits: BenefitFigures[];
  cases: CaseFigures[];
  fund: FundFigures;
}

/** The four insurances, always listed, so a month without anyone insured still shows its zeros. */
export const REPORTED_INSURANCES = ['pension', 'medical', 'unemployment', 'workInjury'] as const;
/** The case types whose SLA is reported, always listed. */
export const REPORTED_CASE_TYPES = ['enrollment', 'arrears', 'petition', 'benefit', 'transfer'] as const;

/** The fund line of a month: income is what was received (principal and late fees), expenditure the benefits paid. */
export function fundOf(contributions: ContributionFigures, benefits: readonly BenefitFigures[]): FundFigures {
  const income = contributions.received.plus(contributions.lateFees);
  const expenditure = benefits.reduce((sum, b) => sum.plus(b.paid), Money.zero());
  return { income, expenditure, net: income.minus(expenditure) };
}

/** The CSV header: one figure a row (long format), which every spreadsheet pivots. */
export const CSV_HEADER = ['month', 'section', 'item', 'measure', 'value'] as const;

/** The measures whose value is money (yuan, two places); every other measure is a count. */
export const MONEY_MEASURES: ReadonlySet<string> = new Set(['billed', 'received', 'arrears', 'lateFees', 'paid', 'income', 'expenditure', 'net']);

/** The rows of the CSV (and of the XLSX sheet), in the order of the JSON answer. Money as its decimal string, counts as integers. */
export function csvRows(months: readonly MonthFigures[]): string[][] {
  const rows: string[][] = [];
  for (const m of months) {
    for (const i of m.insured) {
      rows.push([m.month, 'insured', i.insuranceType, 'insured', String(i.insured)]);
      rows.push([m.month, 'insured', i.insuranceType, 'joined', String(i.joined)]);
      rows.push([m.month, 'insured', i.insuranceType, 'left', String(i.left)]);
    }
    for (const measure of ['billed', 'received', 'arrears', 'lateFees'] as const) {
      rows.push([m.month, 'contributions', 'all', measure, m.contributions[measure].toString()]);
    }
    for (const b of m.benefits) {
      rows.push([m.month, 'benefits', b.benefit, 'granted', String(b.granted)]);
      rows.push([m.month, 'benefits', b.benefit, 'paidLines', String(b.paidLines)]);
      rows.push([m.month, 'benefits', b.benefit, 'paid', b.paid.toString()]);
    }
    for (const c of m.cases) {
      for (const measure of ['opened', 'closed', 'decided', 'onTime'] as const) rows.push([m.month, 'cases', c.caseType, measure, String(c[measure])]);
    }
    for (const measure of ['income', 'expenditure', 'net'] as const) rows.push([m.month, 'fund', 'all', measure, m.fund[measure].toString()]);
  }
  return rows;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; lines end in CRLF. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
