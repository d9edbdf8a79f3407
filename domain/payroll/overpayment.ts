import { Decimal } from 'decimal.js';
import { isIsoDate, monthOf } from '../calendar/local-date.js';
import { DomainError } from '../errors.js';
import { Money, isRate } from '../money.js';
import type { PayrollLine } from './entitlement.js';
import { addPeriods, assertPeriod } from './payroll-month.js';
import { DEFAULT_OVERPAYMENT_POLICY, type OverpaymentPolicy, type StopEventKind } from './payroll-policy.js';

const Exact = Decimal.clone({ precision: 40 });

export interface StopEvent {
  kind: StopEventKind;
  /** The day of the event: date of death, start of the sentence, start of the new job… */
  date: string;
}

/** One month as it was paid; split a back-pay line into its months first. */
export interface PaidMonth {
  period: string;
  amount: string;
}

export interface Overpayment {
  lastDueMonth: string;
  /** The paid months after the last month due. */
  months: PaidMonth[];
  overpaid: string;
  workings: string[];
}

/** The last month due after a stop event, by the policy's rule for its kind (death: the month of death, §8). */
export function lastDueMonthFor(stop: StopEvent, policy: OverpaymentPolicy = DEFAULT_OVERPAYMENT_POLICY): string {
  if (!isIsoDate(stop.date)) throw new DomainError('INVALID_DATE', `"${stop.date}" is not a date`, { path: 'stop.date' });
  const month = monthOf(stop.date);
  return policy.lastDueMonth[stop.kind] === 'eventMonth' ? month : addPeriods(month, -1);
}

/** A paid payroll line as the ledger keeps it: its month, its amount, and the months it paid for (null: its own month). */
export interface PaidLine {
  period: string;
  amount: string;
  paidMonths: readonly string[] | null;
}

/**
 * A paid line split into the months it paid for (a back-pay pays several), exact to the fen: the amount allocated
 * evenly, leftover fen to the earliest months (Money.allocate), so the months add up to the line. A line without its
 * months (written before they were kept, or a difference) pays for its own period. Pure.
 * @throws DomainError INVALID_DATE / INVALID_AMOUNT for a malformed month or amount.
 */
export function paidMonthsOf(line: PaidLine): PaidMonth[] {
  const months = line.paidMonths === null || line.paidMonths.length === 0 ? [line.period] : [...line.paidMonths].sort();
  months.forEach((m, i) => assertPeriod(m, `paidMonths[${i}]`));
  const amount = Money.of(line.amount);
  // A negative line (a deduction) is split as its opposite, so each month carries its share of the deduction.
  const zero = Money.zero();
  const parts = amount.isNegative()
    ? zero
        .minus(amount)
        .allocate(months.length)
        .map((m) => zero.minus(m))
    : amount.allocate(months.length);
  return months.map((period, i) => ({ period, amount: parts[i]!.toString() }));
}

/**
 * The amount overpaid after a stop event (多领待遇, 社会保险经办条例 art. 46; rules §8): every payment for a
 * month after the last month due — for a death, every month after the death month. The sum is exact; each month
 * is named in the workings. Pure.
 * @throws DomainError INVALID_DATE / INVALID_AMOUNT for malformed months or amounts.
 */
export function overpaymentAfterStop(input: { stop: StopEvent; payments: readonly PaidMonth[]; policy?: OverpaymentPolicy }): Overpayment {
  const policy = input.policy ?? DEFAULT_OVERPAYMENT_POLICY;
  const lastDueMonth = lastDueMonthFor(input.stop, policy);
  const rule = policy.lastDueMonth[input.stop.kind];
  return overpaymentAfterLastDue({
    lastDueMonth,
    because: `${input.stop.kind} on ${input.stop.date}: last month due ${lastDueMonth} (overpayment.lastDueMonth.${input.stop.kind} = ${rule}; 社会保险经办条例 art. 46)`,
    payments: input.payments,
  });
}

/**
 * The same rule when the last month due is already known (a caseworker's "stop and recover" in a payroll stops from
 * that payroll's month): every payment for a later month is overpaid. `because` heads the workings. Pure.
 * @throws DomainError INVALID_DATE / INVALID_AMOUNT for malformed months or amounts.
 */
export function overpaymentAfterLastDue(input: { lastDueMonth: string; because: string; payments: readonly PaidMonth[] }): Overpayment {
  const { lastDueMonth } = input;
  assertPeriod(lastDueMonth, 'lastDueMonth');
  const workings = [input.because];
  const months: PaidMonth[] = [];
  let total = Money.zero();
  input.payments.forEach((p, i) => {
    assertPeriod(p.period, `payments[${i}].period`);
    const amount = Money.of(p.amount);
    if (p.period <= lastDueMonth) return;
    months.push({ period: p.period, amount: amount.toString() });
    total = total.plus(amount);
    workings.push(`${p.period}: paid ${amount.toString()}, not due`);
  });
  months.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  workings.push(`overpaid = ${months.length === 0 ? '0' : months.map((m) => m.amount).join(' + ')} = ${total.toString()}`);
  return { lastDueMonth, months, overpaid: total.toString(), workings };
}

export interface Instalment {
  number: number;
  dueMonth: string;
  amount: string;
}

/** Repayment by agreement in instalments (退还协议, art. 46). */
export interface InstalmentPlan {
  method: 'instalments';
  total: string;
  outstanding: string;
  instalments: Instalment[];
  workings: string[];
}

/** Recovery by withholding a share of each later payment (抵扣, art. 46). */
export interface OffsetPlan {
  method: 'offset';
  total: string;
  outstanding: string;
  share: string;
  workings: string[];
}

export type RecoveryPlan = InstalmentPlan | OffsetPlan;

function positive(total: string, path: string): Money {
  const amount = Money.of(total);
  if (amount.isNegative() || amount.isZero()) throw new DomainError('INVALID_AMOUNT', 'there is nothing to recover', { path });
  return amount;
}

/**
 * An instalment agreement: `count` monthly instalments from `firstMonth` that add up exactly to the fen; leftover
 * fen go to the first instalments (Money.allocate). Pure.
 * @throws DomainError INVALID_AMOUNT for a total that is not positive or a count that is not a positive integer.
 */
export function instalmentPlan(total: string, count: number, firstMonth: string): InstalmentPlan {
  const amount = positive(total, 'total');
  assertPeriod(firstMonth, 'firstMonth');
  const parts = amount.allocate(count);
  const instalments = parts.map((m, i) => ({
    number: i + 1,
    dueMonth: addPeriods(firstMonth, i),
    amount: m.toString(),
  }));
  const workings = [
    `${amount.toString()} in ${count} monthly instalments from ${firstMonth}: ` +
      `${instalments.map((x) => x.amount).join(' + ')} = ${Money.sum(parts).toString()} (社会保险经办条例 art. 46)`,
  ];
  return { method: 'instalments', total: amount.toString(), outstanding: amount.toString(), instalments, workings };
}

function assertShare(share: string): void {
  if (!isRate(share) || new Exact(share).lessThanOrEqualTo(0) || new Exact(share).greaterThan(1)) {
    throw new DomainError('INVALID_AMOUNT', `offset share "${share}" must be a decimal in (0, 1]`, {
      path: 'offsetShare',
    });
  }
}

/** An offset against later payments at the policy's share (default "0.5", unverified). Pure. */
export function offsetPlan(total: string, policy: OverpaymentPolicy = DEFAULT_OVERPAYMENT_POLICY): OffsetPlan {
  const amount = positive(total, 'total');
  assertShare(policy.offsetShare);
  const workings = [`${amount.toString()} withheld at ${policy.offsetShare} of each later payment (overpayment.offsetShare; art. 46)`];
  return {
    method: 'offset',
    total: amount.toString(),
    outstanding: amount.toString(),
    share: policy.offsetShare,
    workings,
  };
}

export interface NetPayrollLine extends PayrollLine {
  grossAmount: string;
  recovered: string;
}

/**
 * An instalment agreement (退还协议, 社会保险经办条例 art. 46) as the payroll collects it: the agreed amount each month
 * from `firstMonth` instead of the offset share. `leftThisMonth` is what the agreement may still take in the line's month
 * when another line of the same month already paid part of the instalment (absent: the whole monthly amount).
 */
export interface AgreedOffsetPlan {
  method: 'agreement';
  outstanding: string;
  monthlyAmount: string;
  firstMonth: string;
  leftThisMonth?: string;
}

/**
 * The one rule that withholds an overpayment from a later payroll line (抵扣, 社会保险经办条例 art. 46): under an offset
 * plan the share of the line, rounded half-up to the fen; under an instalment agreement the agreed monthly amount (what
 * is left of it this month), nothing before its first month. Never more than is still outstanding nor than the line.
 * Returns the net line, the amount recovered, the plan with its new balance, and the workings that name the
 * withholding. A settled plan withholds nothing. Pure.
 */
export function applyOffset<P extends OffsetPlan | AgreedOffsetPlan>(
  plan: P,
  line: PayrollLine,
): { line: NetPayrollLine; recovered: string; plan: P; workings: string[] } {
  const gross = Money.of(line.amount);
  const outstanding = Money.of(plan.outstanding);
  const min = (a: Money, b: Money) => (a.compare(b) > 0 ? b : a);
  let recovered: Money;
  let rule: string;
  if (plan.method === 'offset') {
    assertShare(plan.share);
    const share = gross.applyRate(plan.share, 'HALF_UP_FEN');
    recovered = min(share, outstanding);
    rule = `withheld = min(${gross.toString()} × ${plan.share} = ${share.toString()}, outstanding ${outstanding.toString()}) = ${recovered.toString()}`;
  } else if (line.period < plan.firstMonth) {
    recovered = Money.zero();
    rule = `instalment agreement from ${plan.firstMonth}: nothing withheld in ${line.period}`;
  } else {
    const monthly = Money.of(plan.monthlyAmount);
    const stated = plan.leftThisMonth === undefined ? monthly : Money.of(plan.leftThisMonth);
    // A month already paid its instalment (or more, under an earlier agreement) takes nothing more.
    const left = stated.isNegative() ? Money.zero() : stated;
    recovered = min(min(left, outstanding), gross);
    const agreed = left.equals(monthly) ? `agreed ${monthly.toString()} a month` : `agreed ${monthly.toString()} a month, ${left.toString()} left this month`;
    rule = `withheld = min(${agreed} (instalment agreement, art. 46), line ${gross.toString()}, outstanding ${outstanding.toString()}) = ${recovered.toString()}`;
  }
  if (recovered.isNegative()) recovered = Money.zero();
  const net = gross.minus(recovered);
  const workings = [
    rule,
    `net ${gross.toString()} − ${recovered.toString()} = ${net.toString()}; still outstanding ${outstanding.minus(recovered).toString()}`,
  ];
  const next: P =
    plan.method === 'agreement'
      ? {
          ...plan,
          outstanding: outstanding.minus(recovered).toString(),
          leftThisMonth: (plan.leftThisMonth === undefined ? Money.of(plan.monthlyAmount) : Money.of(plan.leftThisMonth)).minus(recovered).toString(),
        }
      : { ...plan, outstanding: outstanding.minus(recovered).toString() };
  return {
    line: { ...line, amount: net.toString(), grossAmount: gross.toString(), recovered: recovered.toString() },
    recovered: recovered.toString(),
    plan: next,
    workings,
  };
}

/**
 * What is still owed of a recovery (art. 46): the amount overpaid less every entry of its ledger (offsets withheld from
 * paid lines, repayments), exact to the fen and never below zero. The one place the balance is computed. Pure.
 * @throws DomainError INVALID_AMOUNT when the entries add up to more than the amount (a ledger that cannot be).
 */
export function outstandingOf(amount: string, entries: readonly string[]): string {
  const total = Money.of(amount);
  const booked = Money.sum(entries.map((e) => Money.of(e)));
  const left = total.minus(booked);
  if (left.isNegative()) throw new DomainError('INVALID_AMOUNT', `entries ${booked.toString()} exceed the amount ${total.toString()}`, { path: 'entries' });
  return left.toString();
}

/** An instalment agreement as agreed: the plan the payroll follows, how many months it takes, the last instalment. */
export interface AgreedInstalments {
  plan: AgreedOffsetPlan;
  instalments: number;
  lastInstalment: string;
  lastMonth: string;
  workings: string[];
}

/**
 * Agrees to repay what is outstanding by a monthly amount from `firstMonth` (退还协议, 社会保险经办条例 art. 46): the
 * payroll withholds that amount instead of the offset share. Pure.
 * @throws DomainError INVALID_AMOUNT (path monthlyAmount) for an amount that is not positive or exceeds what is
 * outstanding; INVALID_DATE (path firstMonth) for a month before `currentMonth`; INVALID_AMOUNT when nothing is owed.
 */
export function agreeInstalments(input: { outstanding: string; monthlyAmount: string; firstMonth: string; currentMonth: string }): AgreedInstalments {
  const outstanding = positive(input.outstanding, 'outstanding');
  const monthly = Money.of(input.monthlyAmount);
  if (monthly.isNegative() || monthly.isZero()) throw new DomainError('INVALID_AMOUNT', 'the monthly amount must be more than 0', { path: 'monthlyAmount' });
  if (monthly.compare(outstanding) > 0) {
    throw new DomainError('INVALID_AMOUNT', `the monthly amount ${monthly.toString()} exceeds the outstanding ${outstanding.toString()}`, {
      path: 'monthlyAmount',
    });
  }
  assertPeriod(input.firstMonth, 'firstMonth');
  if (input.firstMonth < input.currentMonth) {
    throw new DomainError('INVALID_DATE', `the first month ${input.firstMonth} is before this month ${input.currentMonth}`, { path: 'firstMonth' });
  }
  const full = outstanding.toDecimal().dividedToIntegerBy(monthly.toDecimal()).toNumber();
  const rest = outstanding.minus(Money.fromDecimal(monthly.toDecimal().times(full)));
  const instalments = rest.isZero() ? full : full + 1;
  const lastInstalment = rest.isZero() ? monthly : rest;
  const lastMonth = addPeriods(input.firstMonth, instalments - 1);
  const workings = [
    `${outstanding.toString()} repaid by ${monthly.toString()} a month from ${input.firstMonth}: ${instalments} instalments, ` +
      `the last ${lastInstalment.toString()} in ${lastMonth} (社会保险经办条例 art. 46)`,
  ];
  return {
    plan: { method: 'agreement', outstanding: outstanding.toString(), monthlyAmount: monthly.toString(), firstMonth: input.firstMonth },
    instalments,
    lastInstalment: lastInstalment.toString(),
    lastMonth,
    workings,
  };
}

/**
 * Records money repaid directly (an instalment, or a lump sum on an offset plan); the balance never goes below zero.
 * @throws DomainError INVALID_AMOUNT for a repayment that is not positive or exceeds what is outstanding.
 */
export function recordRepayment<P extends RecoveryPlan>(plan: P, amount: string): P {
  const paid = positive(amount, 'amount');
  const outstanding = Money.of(plan.outstanding);
  if (paid.compare(outstanding) > 0) {
    throw new DomainError('INVALID_AMOUNT', `repayment ${paid.toString()} exceeds the outstanding ${outstanding.toString()}`, { path: 'amount' });
  }
  return { ...plan, outstanding: outstanding.minus(paid).toString() };
}

/**
 * The amount of a partial write-off (部分核销, 社会保险经办条例 art. 46): more than 0 and at most what may be written off
 * now — the outstanding less what payroll lines not yet paid withhold, which book when the bank pays them. Pure.
 * @throws DomainError INVALID_AMOUNT (path amount) otherwise.
 */
export function writeOffAmount(amount: string, writable: string): string {
  const part = positive(amount, 'amount');
  const most = Money.of(writable);
  if (part.compare(most) > 0) {
    throw new DomainError('INVALID_AMOUNT', `a write-off of ${part.toString()} exceeds the ${most.toString()} that may be written off now`, { path: 'amount' });
  }
  return part.toString();
}

/**
 * Four eyes on a partial write-off (部分核销): the supervisor who decides it is not the one who proposed it. Pure.
 * @throws DomainError FOUR_EYES otherwise.
 */
export function assertWriteOffDecider(proposedBy: string, decidedBy: string): void {
  if (proposedBy === decidedBy) throw new DomainError('FOUR_EYES', `${decidedBy} proposed this write-off: another supervisor decides it`);
}
