import { Money } from '../money.js';
import { addPeriods, assertPeriod, periodRange } from './payroll-month.js';

/**
 * The benefits a payroll pays (docs/api.md "Benefit claims"); the same names as the claim types, plus `medical` for the
 * medical-expense reimbursements of the grass-roots declarations (one-off lines).
 */
export type BenefitType = 'pension' | 'unemployment' | 'maternity' | 'workInjury' | 'funeral' | 'survivor' | 'medical';

export type EntitlementStatus = 'active' | 'suspended' | 'stopped';

/**
 * A stretch of months in which payment was held back, e.g. for an overdue verification (待遇资格认证, §8). While
 * `to` is null the suspension is open. When it is closed with `backPay`, the missed months are paid as one back-pay
 * line in the payroll of `resumedIn`; without it they are forfeited (the person was not entitled in those months).
 */
export interface Suspension {
  /** First month not paid. */
  from: string;
  /** Last month not paid; null while suspended. */
  to: string | null;
  reason: string;
  /** The payroll month of the resumption, which carries the back-pay line. */
  resumedIn: string | null;
  backPay: boolean;
}

interface EntitlementCommon {
  entitlementId: string;
  citizenId: string;
  benefit: BenefitType;
  status: EntitlementStatus;
  suspensions?: readonly Suspension[];
}

/** A benefit paid every month: a pension, unemployment benefit months, a monthly work-injury allowance. */
export interface MonthlyEntitlement extends EntitlementCommon {
  kind: 'monthly';
  monthlyAmount: string;
  /** First month the benefit is due. */
  startMonth: string;
  /** Last month due (the end of the unemployment months, the month of death…); null while open-ended. */
  endMonth: string | null;
  /**
   * The first payroll that pays it, when the claim was approved after `startMonth`: the months before are paid
   * there as one back-pay line. Defaults to `startMonth`.
   */
  firstPayrollMonth?: string;
}

/** A benefit paid once: a maternity allowance, a funeral grant, a one-off disability subsidy. */
export interface OneOffEntitlement extends EntitlementCommon {
  kind: 'oneOff';
  amount: string;
  /** The first payroll month it may be paid in. */
  payableMonth: string;
  /** The payroll month that paid it (set once the bank confirmed); a later payroll then pays it no more. */
  paidIn?: string | null;
}

export type Entitlement = MonthlyEntitlement | OneOffEntitlement;

export type PayrollLineKind = 'monthly' | 'oneOff' | 'backPay';

/** One payment due in a payroll month. Plain JSON; `amount` is a decimal string. */
export interface PayrollLine {
  /** Deterministic, so building the same month twice gives the same lines and nothing is paid twice. */
  lineId: string;
  entitlementId: string;
  citizenId: string;
  benefit: BenefitType;
  kind: PayrollLineKind;
  /** The payroll month. */
  period: string;
  amount: string;
  /** The months paid for: the period for a monthly line, the missed months for back-pay, none for a one-off. */
  months: string[];
  /** Why a back-pay line exists. */
  cause?: 'resumed' | 'lateStart';
}

function within(month: string, from: string, to: string | null): boolean {
  return from <= month && (to === null || month <= to);
}

function suspendedIn(e: Entitlement, month: string): boolean {
  return e.suspensions !== undefined && e.suspensions.some((s) => within(month, s.from, s.to));
}

/** Months of a monthly entitlement's span that fall in [from, to]. */
function monthsDueIn(e: MonthlyEntitlement, from: string, to: string): string[] {
  const start = from < e.startMonth ? e.startMonth : from;
  const end = e.endMonth !== null && e.endMonth < to ? e.endMonth : to;
  return periodRange(start, end);
}

/**
 * The months a closed suspension kept back and that are owed: its months inside the entitlement's span. Empty
 * for an open or forfeited suspension.
 */
export function backPayMonths(e: MonthlyEntitlement, s: Suspension): string[] {
  if (s.to === null || !s.backPay) return [];
  return monthsDueIn(e, s.from, s.to);
}

const CANONICAL_AMOUNT = /^(0|[1-9]\d{0,15})\.\d{2}$/;

// A payroll builds a million lines: an amount already written "4594.96" is used as it is, without decimal maths.
function times(amount: string, n: number): string {
  if (n === 1 && CANONICAL_AMOUNT.test(amount)) return amount;
  return Money.fromDecimal(Money.of(amount).toDecimal().times(n)).toString();
}

// Lines are written as full literals (no spread): one object shape for a million lines keeps V8 on its fast path.
function line(
  e: Entitlement,
  period: string,
  lineId: string,
  kind: PayrollLineKind,
  amount: string,
  months: string[],
  cause?: PayrollLine['cause'],
): PayrollLine {
  const l: PayrollLine = {
    lineId,
    entitlementId: e.entitlementId,
    citizenId: e.citizenId,
    benefit: e.benefit,
    kind,
    period,
    amount,
    months,
  };
  if (cause !== undefined) l.cause = cause;
  return l;
}

function monthlyLines(e: MonthlyEntitlement, period: string, out: PayrollLine[]): void {
  const first = e.firstPayrollMonth ?? e.startMonth;
  if (within(period, first, e.endMonth) && period >= e.startMonth && !suspendedIn(e, period)) {
    out.push(line(e, period, `${e.entitlementId}:${period}:monthly`, 'monthly', times(e.monthlyAmount, 1), [period]));
  }
  if (period === first && first > e.startMonth) {
    const missed = monthsDueIn(e, e.startMonth, addPeriods(first, -1)).filter((m) => !suspendedIn(e, m));
    if (missed.length > 0) {
      out.push(line(e, period, `${e.entitlementId}:${period}:lateStart`, 'backPay', times(e.monthlyAmount, missed.length), missed, 'lateStart'));
    }
  }
  if (e.suspensions === undefined) return;
  for (const s of e.suspensions) {
    if (s.resumedIn !== period) continue;
    const missed = backPayMonths(e, s);
    if (missed.length === 0) continue;
    out.push(line(e, period, `${e.entitlementId}:${period}:backPay:${s.from}`, 'backPay', times(e.monthlyAmount, missed.length), missed, 'resumed'));
  }
}

/**
 * The payroll lines due in `period` (待遇拨付): a monthly entitlement pays its amount in every month of its span
 * that is not suspended; a one-off pays once, in the first payroll from its payable month until one has paid it;
 * a suspended or stopped entitlement pays nothing. Months missed while suspended come back as their own back-pay
 * line in the payroll of the resumption, as do the months before a late first payroll. Line IDs are derived from
 * the entitlement, month and kind, so building a month again yields the same lines. Pure.
 * @throws DomainError INVALID_DATE for a malformed period; INVALID_AMOUNT for a malformed amount.
 */
export function dueLines(entitlements: readonly Entitlement[], period: string): PayrollLine[] {
  assertPeriod(period);
  const out: PayrollLine[] = [];
  for (const e of entitlements) {
    if (e.status !== 'active') continue;
    if (e.kind === 'monthly') {
      monthlyLines(e, period, out);
    } else if (e.payableMonth <= period && (e.paidIn == null || e.paidIn === period)) {
      out.push(line(e, period, `${e.entitlementId}:${period}:oneOff`, 'oneOff', times(e.amount, 1), []));
    }
  }
  return out;
}
