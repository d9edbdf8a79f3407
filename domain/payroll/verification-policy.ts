import { compareDates, isIsoDate } from '../calendar/local-date.js';
import { DomainError, type InputIssue } from '../errors.js';
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

const isFigure = (key: string): key is keyof typeof FIGURES => key in FIGURES;

/**
 * What is wrong with a stored `payroll.verification` value, each issue naming its field under `value`: every key known,
 * `effectiveFrom` a date, each figure a whole number in range, the evidence a non-empty list of known kinds, once each
 * (none accepted would leave every beneficiary overdue). Pure.
 */
export function verificationPolicyIssues(value: unknown): InputIssue[] {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { versions?: unknown }).versions))
    return [{ path: 'value.versions', message: 'must be an array of dated versions' }];
  const { versions, ...rest } = value as { versions: unknown[] } & Record<string, unknown>;
  const issues: InputIssue[] = Object.keys(rest).map((k) => ({ path: `value.${k}`, message: 'is not a setting of this policy' }));
  versions.forEach((version, index) => {
    const path = `value.versions.${index}`;
    if (typeof version !== 'object' || version === null || Array.isArray(version)) {
      issues.push({ path, message: 'must be an object' });
      return;
    }
    for (const [key, v] of Object.entries(version as Record<string, unknown>)) {
      const at = `${path}.${key}`;
      if (key === 'effectiveFrom') {
        if (typeof v !== 'string' || !isIsoDate(v)) issues.push({ path: at, message: 'must be a date YYYY-MM-DD' });
      } else if (key === 'source') {
        if (typeof v !== 'string') issues.push({ path: at, message: 'must be a string' });
      } else if (isFigure(key)) {
        const [min, max] = FIGURES[key];
        if (!Number.isSafeInteger(v) || (v as number) < min || (v as number) > max)
          issues.push({ path: at, message: `must be a whole number from ${min} to ${max}` });
      } else if (key === 'acceptedEvidence') {
        const kinds = Array.isArray(v) ? (v as unknown[]) : [];
        if (kinds.length === 0 || new Set(kinds).size !== kinds.length || kinds.some((k) => !(EVIDENCE_KINDS as readonly unknown[]).includes(k)))
          issues.push({ path: at, message: `must list, once each, one or more of ${EVIDENCE_KINDS.join(', ')}` });
      } else {
        issues.push({
          path: at,
          message: `is not a setting of this policy (effectiveFrom, source, ${[...Object.keys(FIGURES), 'acceptedEvidence'].join(', ')})`,
        });
      }
    }
    if ((version as Record<string, unknown>).effectiveFrom === undefined) issues.push({ path: `${path}.effectiveFrom`, message: 'is required' });
  });
  return issues;
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
