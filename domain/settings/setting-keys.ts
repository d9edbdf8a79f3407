/**
 * The `setting` rows an administrator may change (PUT /v1/settings/{key}) and the defaults each is checked against.
 * Each key is read by exactly one loader in db/queries, which lays the stored value over the same defaults.
 */
import { DEFAULT_CONTRIBUTION_POLICY } from '../arrears/arrears-policy.js';
import { accountSubsidyIssues } from '../declarations/account-subsidy-config.js';
import { backPaymentPolicyIssues } from '../declarations/back-payment-policy.js';
import { medicalExpensePolicyIssues } from '../declarations/medical-expense-policy.js';
import { DEFAULT_BENEFIT_POLICY } from '../benefit/benefit-policy.js';
import { DEFAULT_ENROLLMENT_POLICY } from '../enrollment/enrollment-policy.js';
import { invalidInput, type InputIssue } from '../errors.js';
import { isIsoDate } from '../calendar/local-date.js';
import { DEFAULT_PERSONAL_ACCOUNT_POLICY } from '../insurance/personal-account.js';
import { overpaymentPolicyIssues } from '../payroll/overpayment-policy.js';
import { verificationPolicyIssues } from '../payroll/verification-policy.js';
import { isRate } from '../money.js';
import { DEFAULT_TRANSFER_POLICY } from '../transfer/transfer-policy.js';
import { fraudPenaltyPolicyIssues } from '../supervision/penalty.js';
import { overrideIssues } from './setting-shape.js';

export const SETTING_KEYS = [
  'enrollment.policy',
  'contribution.policy',
  'transfer.policy',
  'benefit.policy',
  'personal-account.policy',
  'accountSubsidy.rules',
  'backPayment.policy',
  'medicalExpense.policy',
  'fraudPenalty.policy',
  'payroll.overpayment',
  'payroll.verification',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export const isSettingKey = (value: string): value is SettingKey => (SETTING_KEYS as readonly string[]).includes(value);

/** Optional figures a policy may carry although its defaults leave them out. */
const OPTIONAL: Record<SettingKey, Record<string, unknown>> = {
  'enrollment.policy': {},
  'contribution.policy': { continueAsNewAfterEvents: 1 },
  'transfer.policy': {},
  'benefit.policy': {},
  'personal-account.policy': {},
  'accountSubsidy.rules': {},
  'backPayment.policy': {},
  'medicalExpense.policy': {},
  'fraudPenalty.policy': {},
  'payroll.overpayment': {},
  'payroll.verification': {},
};

const DEFAULTS: Record<
  Exclude<
    SettingKey,
    | 'benefit.policy'
    | 'personal-account.policy'
    | 'accountSubsidy.rules'
    | 'backPayment.policy'
    | 'medicalExpense.policy'
    | 'fraudPenalty.policy'
    | 'payroll.overpayment'
    | 'payroll.verification'
  >,
  object
> = {
  'enrollment.policy': DEFAULT_ENROLLMENT_POLICY,
  'contribution.policy': DEFAULT_CONTRIBUTION_POLICY,
  'transfer.policy': DEFAULT_TRANSFER_POLICY,
};

/**
 * Refuses (400 naming each field under `value`) an override that does not fit its policy. The benefit configuration
 * is dated: `{ versions: [{ effectiveFrom, source?, <section>: {…} }] }` (domain/benefit/benefit-policy.ts).
 */
export function assertValidSetting(key: SettingKey, value: unknown): void {
  const issues =
    key === 'benefit.policy'
      ? benefitIssues(value)
      : key === 'personal-account.policy'
        ? accountIssues(value)
        : key === 'accountSubsidy.rules'
          ? accountSubsidyIssues(value)
          : key === 'backPayment.policy'
            ? backPaymentPolicyIssues(value)
            : key === 'medicalExpense.policy'
              ? medicalExpensePolicyIssues(value)
              : key === 'fraudPenalty.policy'
                ? fraudPenaltyPolicyIssues(value)
                : key === 'payroll.overpayment'
                  ? overpaymentPolicyIssues(value)
                  : key === 'payroll.verification'
                    ? verificationPolicyIssues(value)
                    : overrideIssues({ ...DEFAULTS[key], ...OPTIONAL[key] }, value, 'value');
  if (issues.length > 0) throw invalidInput(issues);
}

/** `{ rates: { "2025": "0.0250", … }, currentYearFactor }`: a new year's rate is a new key, so the keys are years. */
function accountIssues(value: unknown): InputIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ path: 'value', message: 'must be an object' }];
  const { rates, ...rest } = value as Record<string, unknown>;
  const issues = overrideIssues({ currentYearFactor: DEFAULT_PERSONAL_ACCOUNT_POLICY.currentYearFactor }, rest, 'value');
  if (rates === undefined) return issues;
  if (typeof rates !== 'object' || rates === null || Array.isArray(rates)) return [...issues, { path: 'value.rates', message: 'must map years to rates' }];
  for (const [year, rate] of Object.entries(rates)) {
    if (!/^(19|20)\d{2}$/.test(year)) issues.push({ path: `value.rates.${year}`, message: 'must be a year such as 2025' });
    else if (typeof rate !== 'string' || !isRate(rate))
      issues.push({ path: `value.rates.${year}`, message: 'must be a rate as a decimal string such as "0.0262"' });
  }
  return issues;
}

function benefitIssues(value: unknown): InputIssue[] {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { versions?: unknown }).versions))
    return [{ path: 'value.versions', message: 'must be an array of dated versions' }];
  const versions = (value as { versions: unknown[] }).versions;
  return versions.flatMap((version, index) => {
    const path = `value.versions.${index}`;
    if (typeof version !== 'object' || version === null) return [{ path, message: 'must be an object' }];
    const { effectiveFrom, source, ...sections } = version as Record<string, unknown>;
    const issues: InputIssue[] = [];
    if (typeof effectiveFrom !== 'string' || !isIsoDate(effectiveFrom)) issues.push({ path: `${path}.effectiveFrom`, message: 'must be a date YYYY-MM-DD' });
    if (source !== undefined && typeof source !== 'string') issues.push({ path: `${path}.source`, message: 'must be a string' });
    return [...issues, ...overrideIssues(DEFAULT_BENEFIT_POLICY, sections, path)];
  });
}
