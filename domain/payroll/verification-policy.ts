import { compareDates, isIsoDate } from '../calendar/local-date.js';
import { DomainError, type InputIssue } from '../errors.js';
import { datedVersionsIssues, type FigureCheck } from '../settings/dated-versions.js';
import { DEFAULT_VERIFICATION_POLICY, EVIDENCE_KINDS, type VerificationPolicy } from './payroll-policy.js';

/*
 * The verification policy as a stored setting (`payroll.verification`, PUT /v1/settings/payroll.verification; docs/payroll.md
 * "Eligibility verification"): dated versions, like every parameter that changes over time —
 * `{ versions: [{ effectiveFrom, source?, cycleMonths?, remindDaysBefore?, graceDays?, acceptedEvidence? }] }`. The policy
 * of a day is the defaults (12 months, 30 days' reminder, 30 days' grace, every kind of evidence) with every version
 * that started on or before it laid over them in date order. The sweep, a check-in, a feed and the status each read
 * the policy of the day they run for.
 */

export const VERIFICATION_POLICY_KEY = 'payroll.verification';

/** One dated change of the verification policy. */
export type VerificationPolicyVersion = { effectiveFrom: string; source?: string } & Partial<VerificationPolicy>;

/** The figures a version may change and their bounds: a cycle of up to five years, a reminder or grace of up to a year. */
const FIGURES = { cycleMonths: [1, 60], remindDaysBefore: [0, 365], graceDays: [0, 365] } as const;

/**
 * What is wrong with a stored `payroll.verification` value, each issue naming its field under `value`: every key known,
 * `effectiveFrom` a date, each figure a whole number in range, the evidence a non-empty list of known kinds, once each
 * (none accepted would leave every beneficiary overdue). Pure.
 */
export function verificationPolicyIssues(value: unknown): InputIssue[] {
  const figure =
    ([min, max]: readonly [number, number]): FigureCheck =>
    (v) =>
      !Number.isSafeInteger(v) || (v as number) < min || (v as number) > max ? `must be a whole number from ${min} to ${max}` : null;
  return datedVersionsIssues(value, {
    cycleMonths: figure(FIGURES.cycleMonths),
    remindDaysBefore: figure(FIGURES.remindDaysBefore),
    graceDays: figure(FIGURES.graceDays),
    acceptedEvidence: (v) => {
      const kinds = Array.isArray(v) ? (v as unknown[]) : [];
      return kinds.length === 0 || new Set(kinds).size !== kinds.length || kinds.some((k) => !(EVIDENCE_KINDS as readonly unknown[]).includes(k))
        ? `must list, once each, one or more of ${EVIDENCE_KINDS.join(', ')}`
        : null;
    },
  });
}

/**
 * The verification policy in force on `date` (待遇资格认证, rules §8) from the stored setting (absent: the defaults).
 * Pure.
 * @throws DomainError VALIDATION_FAILED for a stored value that does not fit (it was checked when written);
 * INVALID_DATE for a malformed date.
 */
export function verificationPolicyOn(stored: unknown, date: string): VerificationPolicy {
  if (!isIsoDate(date)) throw new DomainError('INVALID_DATE', `"${date}" is not a date`, { path: 'date' });
  if (stored === null || stored === undefined) return DEFAULT_VERIFICATION_POLICY;
  const issues = verificationPolicyIssues(stored);
  if (issues.length > 0) throw new DomainError('VALIDATION_FAILED', `${VERIFICATION_POLICY_KEY}: ${issues[0]!.path} ${issues[0]!.message}`, { issues });
  const versions = (stored as { versions: VerificationPolicyVersion[] }).versions
    .filter((v) => compareDates(v.effectiveFrom, date) <= 0)
    .sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom));
  let policy: VerificationPolicy = DEFAULT_VERIFICATION_POLICY;
  for (const { cycleMonths, remindDaysBefore, graceDays, acceptedEvidence } of versions) {
    policy = {
      cycleMonths: cycleMonths ?? policy.cycleMonths,
      remindDaysBefore: remindDaysBefore ?? policy.remindDaysBefore,
      graceDays: graceDays ?? policy.graceDays,
      acceptedEvidence: acceptedEvidence ?? policy.acceptedEvidence,
    };
  }
  return policy;
}
