import { Decimal } from 'decimal.js'; // named import: the default import is mistyped under NodeNext (CJS-style .d.ts)
import type { InputIssue } from '../errors.js';
import { isRate } from '../money.js';
import { overrideIssues } from '../settings/setting-shape.js';
import { DEFAULT_MEDICAL_EXPENSE_POLICY, type MedicalExpensePolicy } from './medical-expense.js';

/** The `setting` row that holds the local choices of the 离休 / 二乙 declarations (docs/declarations.md). */
export const MEDICAL_EXPENSE_POLICY_KEY = 'medicalExpense.policy';

/**
 * The configuration in force: the reimbursement share of each ledger (default 1 — the original, essentially full
 * entitlement, rules §5.6, unverified) and the designated hospitals. No feed of designated hospitals exists yet, so
 * by default the hospital is recorded as declared and not checked (`requireKnownHospital` false); a region that
 * loads its list sets `designatedHospitals` and `requireKnownHospital: true`.
 */
export interface MedicalExpenseConfig extends MedicalExpensePolicy {
  designatedHospitals: readonly string[];
}

export const DEFAULT_MEDICAL_EXPENSE_CONFIG: MedicalExpenseConfig = {
  ...DEFAULT_MEDICAL_EXPENSE_POLICY,
  requireKnownHospital: false,
  designatedHospitals: [],
};

/** Stored overrides laid over the defaults (the share one level deep). Pure. */
export function medicalExpenseConfigWith(stored: Partial<MedicalExpenseConfig> | null | undefined): MedicalExpenseConfig {
  const s = stored ?? {};
  return {
    ...DEFAULT_MEDICAL_EXPENSE_CONFIG,
    ...s,
    reimbursementShare: { ...DEFAULT_MEDICAL_EXPENSE_CONFIG.reimbursementShare, ...(s.reimbursementShare ?? {}) },
  };
}

/**
 * What `PUT /v1/settings/medicalExpense.policy` refuses, field by field under `value`: the shape of the defaults (a
 * hospital code is a non-empty string), and a reimbursement share that is not a fraction from above 0 to 1 — a share
 * above 1 would pay more than the invoice.
 */
export function medicalExpensePolicyIssues(value: unknown): InputIssue[] {
  const model = { ...DEFAULT_MEDICAL_EXPENSE_CONFIG, designatedHospitals: ['H330102001'] };
  const issues = overrideIssues(model, value, 'value');
  const shares = (value as { reimbursementShare?: Record<string, unknown> } | null)?.reimbursementShare;
  if (issues.length > 0 || typeof shares !== 'object' || shares === null) return issues;
  for (const [category, share] of Object.entries(shares)) {
    if (typeof share === 'string' && (!isRate(share) || new Decimal(share).lte(0) || new Decimal(share).gt(1)))
      issues.push({ path: `value.reimbursementShare.${category}`, message: 'must be a share above 0 and at most 1, such as "0.9"' });
  }
  return issues;
}
