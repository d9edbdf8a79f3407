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
  const workings = [
    `${input.stop.kind} on ${input.stop.date}: last month due ${lastDueMonth} ` +
      `(overpayment.lastDueMonth.${input.stop.kind} = ${rule}; 社会保险经办条例 art. 46)`,
  ];
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
 * Applies an offset plan to one payroll line: withholds the share of the line, rounded half-up to the fen, but never
 * more than is still outstanding; returns the net line, the amount recovered and the plan with its new balance.
 * A settled plan withholds nothing. Pure.
 */
export function applyOffset(plan: OffsetPlan, line: PayrollLine): { line: NetPayrollLine; recovered: string; plan: OffsetPlan; workings: string[] } {
  assertShare(plan.share);
  const gross = Money.of(line.amount);
  const outstanding = Money.of(plan.outstanding);
  const share = gross.applyRate(plan.share, 'HALF_UP_FEN');
  const recovered = share.compare(outstanding) > 0 ? outstanding : share;
  const net = gross.minus(recovered);
  const workings = [
    `withheld = min(${gross.toString()} × ${plan.share} = ${share.toString()}, outstanding ${outstanding.toString()}) = ${recovered.toString()}`,
    `net ${gross.toString()} − ${recovered.toString()} = ${net.toString()}; still outstanding ${outstanding.minus(recovered).toString()}`,
  ];
  return {
    line: { ...line, amount: net.toString(), grossAmount: gross.toString(), recovered: recovered.toString() },
    recovered: recovered.toString(),
    plan: { ...plan, outstanding: outstanding.minus(recovered).toString() },
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
