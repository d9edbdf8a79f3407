import { isIsoDate, monthOf } from '../calendar/local-date.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { calculateContribution } from '../contribution/contribution-calculation.js';
import { billDueDate } from '../contribution/declaration.js';
import { calculateLateFee } from '../contribution/late-fee.js';
import type { InsuranceType, RegionalParameters } from '../contribution/regional-parameters.js';
import { DomainError } from '../errors.js';
import { AMOUNT_PATTERN, Money } from '../money.js';
import { isPeriod, monthsInclusive, periodRange } from '../payroll/payroll-month.js';
import {
  DEFAULT_BACK_PAYMENT_POLICY,
  backPaymentSupervision,
  type BackPaymentPolicy,
  type LegalDocument,
  type SupervisionCheck,
} from './back-payment-policy.js';

export type BackPaymentRefusalCode = 'INVALID_SPAN' | 'FUTURE_MONTH' | 'MONTH_ALREADY_RECORDED' | 'AMOUNT_PRECISION' | 'INVALID_AMOUNT' | 'NO_PARAMETERS';

export interface BackPaymentRefusal {
  code: BackPaymentRefusalCode;
  reason: string;
  path?: string;
  months?: string[];
}

/** 无记录补缴: months with no contribution record, paid now with the parameters of their own time. */
export interface BackPaymentInput {
  citizenId: string;
  from: string;
  to: string;
  monthlyWage: string;
  /** Wages that differ from `monthlyWage` in some months (from the evidence of those months). */
  wageByMonth?: Readonly<Record<string, string>>;
  insuranceTypes: readonly InsuranceType[];
  workInjuryClass?: string;
  /** The region's parameters in force in a month, e.g. `(m) => parametersInForce(sets, m + '-01')`. */
  parametersFor: (month: string) => RegionalParameters;
  /** Months that already have a contribution record; any of them in the span refuses the request. */
  recordedMonths: readonly string[];
  paymentDate: string;
  legalDocuments?: readonly LegalDocument[];
  /** For the due-date rollover over rest days; without it the nominal due day stands. */
  calendar?: HolidayCalendar;
  policy?: BackPaymentPolicy;
}

export interface BackPaymentMonth {
  period: string;
  parametersFrom: string;
  /** The wage the month was declared with (from the evidence), before the base bounds. */
  wage: string;
  base: string;
  employer: string;
  employee: string;
  contribution: string;
  /** Per insurance, the employer's and the employee's amount (what the month's contribution line records). */
  insurances: { insurance: InsuranceType; employer: string; employee: string }[];
  dueDate: string;
  lateFeeDays: number;
  lateFee: string;
  total: string;
}

export type BackPaymentResult =
  | { eligible: false; refusals: BackPaymentRefusal[] }
  | {
      eligible: true;
      months: BackPaymentMonth[];
      totals: { employer: string; employee: string; contribution: string; lateFee: string; total: string };
      supervision: SupervisionCheck;
      workings: string[];
    };

function refusalsOf(input: BackPaymentInput, months: string[]): BackPaymentRefusal[] {
  const refusals: BackPaymentRefusal[] = [];
  const recorded = new Set(input.recordedMonths);
  const already = months.filter((m) => recorded.has(m));
  if (already.length > 0) {
    refusals.push({
      code: 'MONTH_ALREADY_RECORDED',
      reason: `${already.length} month(s) already have a contribution record: ${already.join(', ')}`,
      months: already,
    });
  }
  const payMonth = monthOf(input.paymentDate);
  const future = months.filter((m) => m > payMonth);
  if (future.length > 0)
    refusals.push({
      code: 'FUTURE_MONTH',
      reason: `months after the payment month ${payMonth} are not back-payments`,
      months: future,
    });
  const wages: [string, string][] = [
    ['monthlyWage', input.monthlyWage],
    ...Object.entries(input.wageByMonth ?? {}).map(([m, w]): [string, string] => [`wageByMonth.${m}`, w]),
  ];
  for (const [path, wage] of wages) {
    if (/^\d+\.\d{3,}$/.test(wage)) refusals.push({ code: 'AMOUNT_PRECISION', reason: `"${wage}" has more than 2 decimal places`, path });
    else if (!AMOUNT_PATTERN.test(wage)) refusals.push({ code: 'INVALID_AMOUNT', reason: `"${wage}" is not an amount such as 8000.00`, path });
  }
  return refusals;
}

// The same fault in many months is one refusal listing the months, not one per month.
function monthRefusal(refusals: BackPaymentRefusal[], code: BackPaymentRefusalCode, message: string, period: string, path?: string): void {
  const same = refusals.find((r) => r.code === code && r.path === path && r.reason.startsWith(`${message} (`));
  if (same?.months !== undefined) {
    same.months.push(period);
    same.reason = `${message} (${same.months.join(', ')})`;
    return;
  }
  refusals.push({ code, reason: `${message} (${period})`, months: [period], ...(path === undefined ? {} : { path }) });
}

/**
 * A back-payment for months without a record (无记录补缴, rules §3, §4, §6.1): each month is computed with the
 * parameters in force in that month — base clamped to that month's bounds, that month's rates and rounding
 * (calculateContribution) — and bears the late fee from the day after its due date (the region's due day of the
 * next month) to the payment date (calculateLateFee, 0.05 %/day, 社会保险法 art. 86). Refused, with every reason,
 * when a month already has a record, a month lies after the payment month, or a wage has a third decimal. A span of
 * ≥ 36 months without a prior legal document needs a supervisor (人社厅发〔2019〕94号). Pure.
 */
export function calculateBackPayment(input: BackPaymentInput): BackPaymentResult {
  const policy = input.policy ?? DEFAULT_BACK_PAYMENT_POLICY;
  if (!isPeriod(input.from) || !isPeriod(input.to) || input.to < input.from) {
    return {
      eligible: false,
      refusals: [{ code: 'INVALID_SPAN', reason: `"${input.from}" – "${input.to}" is not a span of months`, path: 'from' }],
    };
  }
  if (!isIsoDate(input.paymentDate)) throw new DomainError('INVALID_DATE', `"${input.paymentDate}" is not a date`, { path: 'paymentDate' });
  const periods = periodRange(input.from, input.to);
  const refusals = refusalsOf(input, periods);
  if (refusals.length > 0) return { eligible: false, refusals };

  const workings: string[] = [];
  const months: BackPaymentMonth[] = [];
  for (const period of periods) {
    let parameters: RegionalParameters;
    try {
      parameters = input.parametersFor(period);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      monthRefusal(refusals, 'NO_PARAMETERS', 'no contribution parameters in force', period);
      continue;
    }
    const wage = Money.of(input.wageByMonth?.[period] ?? input.monthlyWage);
    let c: ReturnType<typeof calculateContribution>;
    try {
      c = calculateContribution({
        parameters,
        monthlyWage: wage,
        insuranceTypes: input.insuranceTypes,
        workInjuryClass: input.workInjuryClass,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      monthRefusal(refusals, 'INVALID_AMOUNT', error.message, period, error.path);
      continue;
    }
    const dueDate = billDueDate(period, parameters.dueDay, input.calendar);
    const fee = policy.chargeLateFee
      ? calculateLateFee({ principal: c.total, dueDate, asOf: input.paymentDate, policy: policy.lateFee })
      : { days: 0, lateFee: Money.zero(), workings: ['late fee not charged (chargeLateFee = false)'] };
    const total = c.total.plus(fee.lateFee);
    workings.push(`${period}: parameters from ${parameters.effectiveFrom} (average wage ${parameters.averageMonthlyWage})`);
    workings.push(...c.workings.map((w) => `${period}: ${w}`));
    workings.push(`${period}: due ${dueDate} (due day ${parameters.dueDay} of the next month); ${fee.workings.at(-1) ?? ''}`);
    workings.push(`${period}: contribution ${c.total.toString()} + late fee ${fee.lateFee.toString()} = ${total.toString()}`);
    months.push({
      period,
      parametersFrom: parameters.effectiveFrom,
      wage: wage.toString(),
      base: c.base.toString(),
      employer: c.employerTotal.toString(),
      employee: c.employeeTotal.toString(),
      contribution: c.total.toString(),
      insurances: c.lines.map((l) => ({ insurance: l.insurance, employer: l.employer.toString(), employee: l.employee.toString() })),
      dueDate,
      lateFeeDays: fee.days,
      lateFee: fee.lateFee.toString(),
      total: total.toString(),
    });
  }
  if (refusals.length > 0) return { eligible: false, refusals };

  const sum = (pick: (m: BackPaymentMonth) => string) => Money.sum(months.map((m) => Money.of(pick(m)))).toString();
  const totals = {
    employer: sum((m) => m.employer),
    employee: sum((m) => m.employee),
    contribution: sum((m) => m.contribution),
    lateFee: sum((m) => m.lateFee),
    total: sum((m) => m.total),
  };
  workings.push(`${months.length} months: contributions ${totals.contribution} + late fees ${totals.lateFee} = ${totals.total}`);
  const supervision = backPaymentSupervision(monthsInclusive(input.from, input.to), input.legalDocuments ?? [], input.paymentDate, policy);
  workings.push(`fund supervision: ${supervision.reason}${supervision.needsSupervisor ? ' → needs a supervisor, flag raised' : ''}`);
  return { eligible: true, months, totals, supervision, workings };
}
