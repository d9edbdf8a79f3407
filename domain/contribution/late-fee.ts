import { Decimal } from 'decimal.js';
import { addDays, compareDates, daysBetween } from '../calendar/local-date.js';
import { DomainError } from '../errors.js';
import { Money, type RoundingRule, isRate } from '../money.js';

// Exact intermediate sums (principal × rate × days per segment); rounding happens once, at the end.
const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

// The same modes as Money.applyRate (rules §3.4), applied to the exact sum so it is rounded exactly once.
const FEE_ROUNDING: Record<RoundingRule, { places: number; mode: Decimal.Rounding }> = {
  HALF_UP_FEN: { places: 2, mode: Decimal.ROUND_HALF_UP },
  CEIL_JIAO: { places: 1, mode: Decimal.ROUND_UP },
  HALF_UP_JIAO: { places: 1, mode: Decimal.ROUND_HALF_UP },
  HALF_UP_YUAN: { places: 0, mode: Decimal.ROUND_HALF_UP },
};

/** How late fees are charged. A running arrears case keeps the policy it started with (it is workflow input). */
export interface LateFeePolicy {
  /** 0.05 % per day — 社会保险法 art. 86 (rules §4); the 0.2 %/day of the 1999 regulation is superseded. */
  dailyRate: string;
  /** 行政强制法 art. 45 cap at the principal — applicability disputed, default off (rules §4, open item 3). */
  capAtPrincipal: boolean;
  /** No national rule (rules §3.4, open item 1): the fee is rounded once, half-up to the fen, by default. */
  rounding: RoundingRule;
}

export const DEFAULT_LATE_FEE_POLICY: LateFeePolicy = { dailyRate: '0.0005', capAtPrincipal: false, rounding: 'HALF_UP_FEN' };

/** Days on which no late fee runs: an agreed deferral with guarantee or an approved hardship deferral (§4). */
export interface FeeFreePeriod {
  from: string;
  /** Inclusive. */
  to: string;
  reason: string;
}

/** A repayment of principal on a date: the paid amount stops accruing after that day. */
export interface PrincipalRepayment {
  date: string;
  amount: Money;
}

/**
 * A part of the principal that falls due later than the period: the months of a back-payment approved without late fee
 * (`backPayment.policy` chargeLateFee false) bear it only after the bill's own due date.
 */
export interface LaterDuePart {
  amount: Money;
  /** Its own due date; the fee on this part runs from the day after it. */
  dueDate: string;
}

export interface LateFeeInput {
  principal: Money;
  /** The statutory due date; the fee runs from the day after it. */
  dueDate: string;
  /** The payment date, or the date the fee is stated for ("as of"); counted inclusive. */
  asOf: string;
  repayments?: readonly PrincipalRepayment[];
  feeFree?: readonly FeeFreePeriod[];
  /**
   * Parts of `principal` due later than `dueDate`. Repayments pay the part due first first, so on a day the fee runs
   * on what is unpaid less the parts not yet due (never below zero).
   */
  laterDue?: readonly LaterDuePart[];
  policy?: Partial<LateFeePolicy>;
}

export interface LateFeeSegment {
  from: string;
  to: string;
  principal: Money;
  days: number;
}

export interface LateFeeResult {
  /** Days charged (the fee-free days already taken out). */
  days: number;
  /** Days in (dueDate, asOf] on which no fee ran. */
  feeFreeDays: number;
  dailyRate: string;
  lateFee: Money;
  capped: boolean;
  segments: LateFeeSegment[];
  workings: string[];
}

function isFeeFree(date: string, periods: readonly FeeFreePeriod[]): boolean {
  return periods.some((p) => compareDates(p.from, date) <= 0 && compareDates(date, p.to) <= 0);
}

/**
 * The late fee (滞纳金) on an overdue contribution: the daily rate on the unpaid principal for every day from the day
 * after the due date up to and including `asOf` (the payment date) — 社会保险法 art. 86, counted as 税收征收管理法实施细则
 * art. 75 does (rules §4, E2: 8 000.00 due 2025-03-15 paid 2025-04-29 → 45 days, 180.00). A repayment on day P
 * still bears the fee for P and stops it from P + 1. No fee runs on fee-free days (an agreed or approved deferral,
 * §4), nor on a part of the principal due later (`laterDue`, a back-payment approved without late fee) through its own
 * due date. The sum is exact and rounded once with the policy's rule; with `capAtPrincipal` it never exceeds the
 * principal (行政强制法 art. 45, disputed, default off). Pure.
 * @throws DomainError INVALID_DATE for malformed dates; INVALID_AMOUNT for a negative principal, a bad rate, or
 * repayments larger than the principal.
 */
export function calculateLateFee(input: LateFeeInput): LateFeeResult {
  const policy = { ...DEFAULT_LATE_FEE_POLICY, ...input.policy };
  if (!isRate(policy.dailyRate)) throw new DomainError('INVALID_AMOUNT', `"${policy.dailyRate}" is not a daily rate`, { path: 'dailyRate' });
  if (input.principal.isNegative()) throw new DomainError('INVALID_AMOUNT', 'the principal cannot be negative', { path: 'principal' });
  const feeFree = input.feeFree ?? [];
  const laterDue = input.laterDue ?? [];
  const repayments = [...(input.repayments ?? [])].sort((a, b) => compareDates(a.date, b.date));
  const workings: string[] = [];
  const span = daysBetween(input.dueDate, input.asOf);
  if (span <= 0) {
    workings.push(`${input.asOf} is not after the due date ${input.dueDate}: no late fee`);
    return { days: 0, feeFreeDays: 0, dailyRate: policy.dailyRate, lateFee: Money.zero(), capped: false, segments: [], workings };
  }

  // Walk the days once, opening a segment whenever the principal changes or a fee-free stretch starts or ends.
  let outstanding = input.principal;
  let next = 0;
  let days = 0;
  let feeFreeDays = 0;
  const segments: LateFeeSegment[] = [];
  for (let date = addDays(input.dueDate, 1); compareDates(date, input.asOf) <= 0; date = addDays(date, 1)) {
    // Repayments made before `date` no longer bear the fee on `date`.
    while (next < repayments.length && compareDates(repayments[next]!.date, date) < 0) {
      outstanding = outstanding.minus(repayments[next]!.amount);
      next += 1;
    }
    if (outstanding.isNegative()) throw new DomainError('INVALID_AMOUNT', 'the repayments exceed the principal', { path: 'repayments' });
    if (isFeeFree(date, feeFree)) {
      feeFreeDays += 1;
      continue;
    }
    // The parts not yet due on `date` are paid last, so they are what remains unpaid above the earlier principal.
    let bearing = outstanding;
    if (laterDue.length > 0) {
      const notYetDue = Money.sum(laterDue.filter((part) => compareDates(date, part.dueDate) <= 0).map((part) => part.amount));
      bearing = outstanding.compare(notYetDue) > 0 ? outstanding.minus(notYetDue) : Money.zero();
    }
    if (bearing.isZero()) continue;
    const last = segments.at(-1);
    if (last && last.principal.equals(bearing) && daysBetween(last.to, date) === 1) {
      last.to = date;
      last.days += 1;
    } else {
      segments.push({ from: date, to: date, principal: bearing, days: 1 });
    }
    days += 1;
  }

  for (const part of laterDue) workings.push(`${part.amount.toString()} of the principal is due on ${part.dueDate}: no fee on it through that day`);
  let exact = new Exact(0);
  for (const s of segments) {
    const part = s.principal.toDecimal().times(policy.dailyRate).times(s.days);
    exact = exact.plus(part);
    workings.push(`${s.from} – ${s.to}: ${s.principal.toString()} × ${policy.dailyRate} × ${s.days} days = ${part.toFixed()}`);
  }
  if (feeFreeDays > 0) workings.push(`${feeFreeDays} fee-free days (deferral) not charged`);
  const { places, mode } = FEE_ROUNDING[policy.rounding];
  let lateFee = Money.of(exact.toDecimalPlaces(places, mode).toFixed(2));
  workings.push(`late fee = ${exact.toFixed()} rounded ${policy.rounding} = ${lateFee.toString()} (${days} days charged)`);
  let capped = false;
  if (policy.capAtPrincipal && lateFee.compare(input.principal) > 0) {
    lateFee = input.principal;
    capped = true;
    workings.push(`capped at the principal ${input.principal.toString()} (行政强制法 art. 45)`);
  }
  return { days, feeFreeDays, dailyRate: policy.dailyRate, lateFee, capped, segments, workings };
}
