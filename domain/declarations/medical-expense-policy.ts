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
