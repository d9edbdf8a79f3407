import { Decimal } from 'decimal.js';
import { DomainError, type InputIssue } from '../errors.js';
import { isRate } from '../money.js';
import { DEFAULT_OVERPAYMENT_POLICY, type LastDueMonthRule, type OverpaymentPolicy, STOP_EVENT_KINDS } from './payroll-policy.js';

/*
 * The overpayment policy as a stored setting (`payroll.overpayment`, PUT /v1/settings/payroll.overpayment; docs/payroll.md
 * "Recovering an overpayment"): `{ offsetShare?, lastDueMonth?: { <stop kind>?: 'eventMonth' | 'previousMonth' },
 * missedInstalmentGraceMonths? }` laid over the defaults (share "0.5", every kind 'eventMonth', a grace of 1 month). A
 * payroll keeps the policy in force when it was started; the missed-instalment sweep reads the one in force on its day.
 */

export const OVERPAYMENT_POLICY_KEY = 'payroll.overpayment';

const RULES: readonly LastDueMonthRule[] = ['eventMonth', 'previousMonth'];

/** What is wrong with a stored `payroll.overpayment` value, each issue naming its field under `value`. Pure. */
export function overpaymentPolicyIssues(value: unknown): InputIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ path: 'value', message: 'must be an object' }];
  const { offsetShare, lastDueMonth, missedInstalmentGraceMonths, ...rest } = value as Record<string, unknown>;
  const issues: InputIssue[] = Object.keys(rest).map((key) => ({ path: `value.${key}`, message: 'is not a setting of this policy' }));
  if (offsetShare !== undefined) {
    const share = typeof offsetShare === 'string' && isRate(offsetShare) ? new Decimal(offsetShare) : null;
    if (share === null || share.lessThanOrEqualTo(0) || share.greaterThan(1))
      issues.push({ path: 'value.offsetShare', message: 'must be a decimal string in (0, 1] such as "0.5"' });
  }
  if (
    missedInstalmentGraceMonths !== undefined &&
    !(Number.isSafeInteger(missedInstalmentGraceMonths) && (missedInstalmentGraceMonths as number) >= 0 && (missedInstalmentGraceMonths as number) <= 12)
  )
    issues.push({ path: 'value.missedInstalmentGraceMonths', message: 'must be a whole number of months from 0 to 12' });
  if (lastDueMonth !== undefined) {
    if (typeof lastDueMonth !== 'object' || lastDueMonth === null || Array.isArray(lastDueMonth)) {
      issues.push({ path: 'value.lastDueMonth', message: 'must map stop kinds to eventMonth or previousMonth' });
    } else {
      for (const [kind, rule] of Object.entries(lastDueMonth)) {
        if (!(STOP_EVENT_KINDS as readonly string[]).includes(kind))
          issues.push({ path: `value.lastDueMonth.${kind}`, message: `is not a stop kind; one of ${STOP_EVENT_KINDS.join(', ')}` });
        else if (!(RULES as readonly unknown[]).includes(rule))
          issues.push({ path: `value.lastDueMonth.${kind}`, message: 'must be eventMonth or previousMonth' });
      }
    }
  }
  return issues;
}

/**
 * The overpayment policy in force from the stored setting (absent: the defaults), the stored keys over the defaults.
 * Pure.
 * @throws DomainError VALIDATION_FAILED for a stored value that does not fit (it was checked when written).
 */
export function overpaymentPolicyFrom(stored: unknown): OverpaymentPolicy {
  if (stored === null || stored === undefined) return DEFAULT_OVERPAYMENT_POLICY;
  const issues = overpaymentPolicyIssues(stored);
  if (issues.length > 0) throw new DomainError('VALIDATION_FAILED', `${OVERPAYMENT_POLICY_KEY}: ${issues[0]!.path} ${issues[0]!.message}`, { issues });
  const value = stored as { offsetShare?: string; lastDueMonth?: Partial<Record<string, LastDueMonthRule>>; missedInstalmentGraceMonths?: number };
  return {
    offsetShare: value.offsetShare ?? DEFAULT_OVERPAYMENT_POLICY.offsetShare,
    lastDueMonth: { ...DEFAULT_OVERPAYMENT_POLICY.lastDueMonth, ...value.lastDueMonth },
    missedInstalmentGraceMonths: value.missedInstalmentGraceMonths ?? DEFAULT_OVERPAYMENT_POLICY.missedInstalmentGraceMonths,
  };
}
