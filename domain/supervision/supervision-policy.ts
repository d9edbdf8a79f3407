import { DEFAULT_BACK_PAYMENT_POLICY } from '../declarations/back-payment-policy.js';

/** Thresholds of the continuous fund-supervision controls (rules §8 detection rules). */
export interface SupervisionPolicy {
  /** An employer with at least this many enrollees and no wage record is flagged. Suggested default, unverified. */
  enrolleeThreshold: number;
  /** An ID or birth-date change this many months or less before retirement is flagged. Suggested default, unverified. */
  identityChangeWindowMonths: number;
  /** Back-payments of this many months or more need prior legal documents (人社厅发〔2019〕94号, §6.1 ◐). */
  backPaymentThresholdMonths: number;
}

export const DEFAULT_SUPERVISION_POLICY: SupervisionPolicy = {
  enrolleeThreshold: 20,
  identityChangeWindowMonths: 24,
  backPaymentThresholdMonths: DEFAULT_BACK_PAYMENT_POLICY.supervisionThresholdMonths,
};

/** The controls; each name is also the first part of its hits' subject keys. */
export type ControlName =
  | 'DECEASED_ACTIVE_BENEFIT'
  | 'IMPRISONED_ACTIVE_BENEFIT'
  | 'DUPLICATE_PENSION'
  | 'ENROLLEES_WITHOUT_WAGES'
  | 'LONG_BACK_PAYMENT_WITHOUT_DOCUMENTS'
  | 'IDENTITY_CHANGE_BEFORE_RETIREMENT'
  | 'SELF_DEALING';

/**
 * A control's finding. `subjectKey` depends only on the facts that identify the matter (never on when the control
 * ran), so the same event found again maps to the investigation already open instead of opening a second one. It
 * names a person or employer: staff-only data.
 */
export interface SupervisionHit {
  control: ControlName;
  subjectKey: string;
  reason: string;
  amount?: string;
}
