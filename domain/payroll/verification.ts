import { addDays, addMonths, compareDates, isIsoDate, monthOf } from '../calendar/local-date.js';
import { DomainError } from '../errors.js';
import { Money } from '../money.js';
import { backPayMonths, type Entitlement } from './entitlement.js';
import { resumeEntitlement, suspendEntitlement } from './entitlement-status.js';
import { DEFAULT_VERIFICATION_POLICY, type EvidenceKind, type VerificationPolicy } from './payroll-policy.js';

/** 待遇资格认证 status on a day: verified, in the reminder-and-grace window, or overdue (payment is suspended). */
export type VerificationStatus = 'verified' | 'dueSoon' | 'overdue';

/** One piece of evidence that the beneficiary is alive and entitled (rules §8). */
export interface VerificationEvidence {
  kind: EvidenceKind;
  date: string;
  /** Where it came from: the feed, the hospital, the terminal or app, the commissioned body. */
  source: string;
}

export interface VerificationSchedule {
  lastVerifiedOn: string;
  /** The day the next verification is due: lastVerifiedOn + the cycle. */
  dueOn: string;
  /** First day of 'dueSoon'. */
  remindFrom: string;
  /** First day of 'overdue': the day after the grace period. */
  suspendFrom: string;
}

function assertPolicy(p: VerificationPolicy): void {
  for (const [key, value, min] of [
    ['cycleMonths', p.cycleMonths, 1],
    ['remindDaysBefore', p.remindDaysBefore, 0],
    ['graceDays', p.graceDays, 0],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < min) {
      throw new DomainError('INVALID_DATE', `verification.${key} must be a whole number ≥ ${min}, got ${value}`, {
        path: `verification.${key}`,
      });
    }
  }
}

/**
 * When the next verification falls due and when payment is suspended without it: due one cycle after the last
 * verification (default 12 months, 社会保险经办条例 art. 25, §8), reminded `remindDaysBefore` days earlier, overdue
 * after `graceDays` more days (both suggested defaults of 30, unverified). Pure.
 */
export function verificationSchedule(lastVerifiedOn: string, policy: VerificationPolicy = DEFAULT_VERIFICATION_POLICY): VerificationSchedule {
  assertPolicy(policy);
  if (!isIsoDate(lastVerifiedOn)) throw new DomainError('INVALID_DATE', `"${lastVerifiedOn}" is not a date`, { path: 'lastVerifiedOn' });
  const dueOn = addMonths(lastVerifiedOn, policy.cycleMonths);
  return {
    lastVerifiedOn,
    dueOn,
    remindFrom: addDays(dueOn, -policy.remindDaysBefore),
    suspendFrom: addDays(dueOn, policy.graceDays + 1),
  };
}

/**
 * The verification status on `today`: 'verified' before the reminder window, 'dueSoon' from it through the last day
 * of grace, 'overdue' after — and for a beneficiary never verified. Overdue means suspend (§8). Pure.
 */
export function verificationStatus(lastVerifiedOn: string | null, today: string, policy: VerificationPolicy = DEFAULT_VERIFICATION_POLICY): VerificationStatus {
  if (!isIsoDate(today)) throw new DomainError('INVALID_DATE', `"${today}" is not a date`, { path: 'today' });
  if (lastVerifiedOn === null) return 'overdue';
  const s = verificationSchedule(lastVerifiedOn, policy);
  if (compareDates(today, s.remindFrom) < 0) return 'verified';
  return compareDates(today, s.suspendFrom) < 0 ? 'dueSoon' : 'overdue';
}

/**
 * The latest evidence the policy accepts, dated no later than `today` (a future date is a data error and is
 * ignored); null when there is none. Data matches and self-service checks both count (§8). Pure.
 */
export function latestVerification(
  evidence: readonly VerificationEvidence[],
  today: string,
  policy: VerificationPolicy = DEFAULT_VERIFICATION_POLICY,
): VerificationEvidence | null {
  let latest: VerificationEvidence | null = null;
  for (const e of evidence) {
    if (!policy.acceptedEvidence.includes(e.kind) || !isIsoDate(e.date) || compareDates(e.date, today) > 0) continue;
    if (latest === null || compareDates(e.date, latest.date) > 0) latest = e;
  }
  return latest;
}

/**
 * Suspends an entitlement whose verification is overdue on `today`, from the payroll month of `today`; returns it
 * unchanged when the verification is current or it is already suspended. Pure.
 */
export function suspendIfOverdue(
  e: Entitlement,
  lastVerifiedOn: string | null,
  today: string,
  policy: VerificationPolicy = DEFAULT_VERIFICATION_POLICY,
): { entitlement: Entitlement; status: VerificationStatus } {
  const status = verificationStatus(lastVerifiedOn, today, policy);
  if (status !== 'overdue' || e.status !== 'active') return { entitlement: e, status };
  const reason = lastVerifiedOn === null ? 'never verified' : `verification overdue (last verified ${lastVerifiedOn})`;
  return { entitlement: suspendEntitlement(e, monthOf(today), reason), status };
}

/**
 * Resumes a suspended entitlement once accepted evidence is in (恢复待遇), from the payroll month of `today`, and
 * pays back the months it held: the person was entitled throughout, so the suspended months are owed and appear as
 * one back-pay line in that payroll. Pure.
 * @throws DomainError NOT_ALLOWED_NOW when the evidence is not accepted, is dated after `today`, or would itself
 * be overdue, or when the entitlement is not suspended.
 */
export function resumeAfterVerification(
  e: Entitlement,
  evidence: VerificationEvidence,
  today: string,
  policy: VerificationPolicy = DEFAULT_VERIFICATION_POLICY,
): { entitlement: Entitlement; backPayMonths: string[]; backPayAmount: string; workings: string[] } {
  if (latestVerification([evidence], today, policy) === null) {
    throw new DomainError('NOT_ALLOWED_NOW', `evidence "${evidence.kind}" of ${evidence.date} is not accepted on ${today}`, { path: 'evidence' });
  }
  if (verificationStatus(evidence.date, today, policy) === 'overdue') {
    throw new DomainError('NOT_ALLOWED_NOW', `evidence of ${evidence.date} is itself older than a cycle`, {
      path: 'evidence',
    });
  }
  const resumeMonth = monthOf(today);
  const entitlement = resumeEntitlement(e, resumeMonth, { backPay: true });
  const closed = entitlement.suspensions?.find((s) => s.resumedIn === resumeMonth && s.backPay);
  const months = entitlement.kind === 'monthly' && closed !== undefined ? backPayMonths(entitlement, closed) : [];
  const monthly = entitlement.kind === 'monthly' ? Money.of(entitlement.monthlyAmount) : Money.zero();
  const amount = Money.fromDecimal(monthly.toDecimal().times(months.length));
  const workings = [
    `verified by ${evidence.kind} on ${evidence.date} (${evidence.source}); payment resumes in ${resumeMonth}`,
    months.length === 0
      ? 'no month was held back'
      : `back-pay for ${months[0]} – ${months.at(-1)}: ${monthly.toString()} × ${months.length} months = ${amount.toString()}`,
  ];
  return { entitlement, backPayMonths: months, backPayAmount: amount.toString(), workings };
}

/**
 * The sweep's bound, so that it can select overdue beneficiaries in one SQL statement: on `today` a verification is
 * overdue exactly when `lastVerifiedOn + cycleMonths` (the due day) is on or before the returned day — the due day
 * plus the grace days lies before today. Agrees with `verificationStatus` (tested). Pure.
 */
export function overdueIfDueOnOrBefore(today: string, policy: VerificationPolicy = DEFAULT_VERIFICATION_POLICY): string {
  assertPolicy(policy);
  if (!isIsoDate(today)) throw new DomainError('INVALID_DATE', `"${today}" is not a date`, { path: 'today' });
  return addDays(today, -(policy.graceDays + 1));
}
