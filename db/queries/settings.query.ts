import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_ENROLLMENT_POLICY, type EnrollmentPolicy } from '../../domain/enrollment/enrollment-policy.js';
import { DEFAULT_PERSONAL_ACCOUNT_POLICY, type PersonalAccountPolicy } from '../../domain/insurance/personal-account.js';
import { OVERPAYMENT_POLICY_KEY, overpaymentPolicyFrom } from '../../domain/payroll/overpayment-policy.js';
import type { OverpaymentPolicy, VerificationPolicy } from '../../domain/payroll/payroll-policy.js';
import { VERIFICATION_POLICY_KEY, verificationPolicyOn } from '../../domain/payroll/verification-policy.js';
import type { FraudPenaltyPolicyVersion } from '../../domain/supervision/penalty.js';
import { transferPolicyWith, type TransferPolicy } from '../../domain/transfer/transfer-policy.js';
import { Setting } from '../entities/index.js';

/** The enrollment policy in force: the stored overrides on top of the statutory defaults. */
export async function loadEnrollmentPolicy(em: EntityManager): Promise<EnrollmentPolicy> {
  const row = await em.findOne(Setting, { key: 'enrollment.policy' });
  return { ...DEFAULT_ENROLLMENT_POLICY, ...((row?.value ?? {}) as Partial<EnrollmentPolicy>) };
}

/** The transfer policy in force: the stored overrides (`transfer.policy`) laid over the defaults one section deep. */
export async function loadTransferPolicy(em: EntityManager): Promise<TransferPolicy> {
  const row = await em.findOne(Setting, { key: 'transfer.policy' });
  return transferPolicyWith(row?.value ?? {});
}

/** The personal account's interest rates in force: stored rates (`personal-account.policy`) added to the defaults. */
export async function loadPersonalAccountPolicy(em: EntityManager): Promise<PersonalAccountPolicy> {
  const row = await em.findOne(Setting, { key: 'personal-account.policy' });
  const stored = (row?.value ?? {}) as Partial<PersonalAccountPolicy>;
  return { ...DEFAULT_PERSONAL_ACCOUNT_POLICY, ...stored, rates: { ...DEFAULT_PERSONAL_ACCOUNT_POLICY.rates, ...stored.rates } };
}

/**
 * The verification cycle in force on `date` (待遇资格认证, rules §8): the dated versions of `payroll.verification` that
 * started by then over the 12-month default.
 */
export async function loadVerificationPolicy(em: EntityManager, date: string): Promise<VerificationPolicy> {
  const row = await em.findOne(Setting, { key: VERIFICATION_POLICY_KEY });
  return verificationPolicyOn(row?.value, date);
}

/** The overpayment policy in force (`payroll.overpayment`: offset share, last month due per stop kind) over its defaults. */
export async function loadOverpaymentPolicy(em: EntityManager): Promise<OverpaymentPolicy> {
  const row = await em.findOne(Setting, { key: OVERPAYMENT_POLICY_KEY });
  return overpaymentPolicyFrom(row?.value);
}

/** The dated fine ranges for fraud (`fraudPenalty.policy`, rules §8); none stored means the statutory 2–5 ×. */
export async function loadFraudPenaltyVersions(em: EntityManager): Promise<FraudPenaltyPolicyVersion[]> {
  const row = await em.findOne(Setting, { key: 'fraudPenalty.policy' });
  const versions = (row?.value as { versions?: FraudPenaltyPolicyVersion[] } | undefined)?.versions;
  return Array.isArray(versions) ? versions : [];
}
