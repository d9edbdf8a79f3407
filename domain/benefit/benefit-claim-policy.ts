import type { RetirementCategory } from '../retirement-age.js';

/**
 * The configurable parts of benefit claims (POST /v1/benefit-claims) that are not a calculator's own: defaults the
 * claim needs where the rules reference leaves a choice to the region. Every value is a suggested default, unverified;
 * docs/benefits.md lists them with the setting key that changes them.
 */
export interface BenefitClaimPolicy {
  /** Retirement category of a woman whose claim does not say (cadre 55 vs worker 50; as enrollment's default). */
  defaultFemaleCategory: RetirementCategory;
  /**
   * Medical premiums during the unemployment benefit period are paid by the unemployment fund (社会保险法 art. 48):
   * monthly premium = regional average wage × this base share × (employer + employee medical rate). Local practice.
   */
  medicalPremiumBaseRate: string;
  /** SLA of a claim step that has no statutory limit (preparing and approving a work-injury or death claim). */
  internalStepWorkingDays: number;
  /** Reminder SLA of a recognition suspended while a judicial conclusion is awaited (no statutory limit). */
  suspensionReminderDays: number;
  /** Pension-fund funeral grant for a non-work death (社会保险法 art. 17): months of the regional average wage. */
  funeralGrantMonths: number;
  /** Pension-fund survivor lump sum (抚恤金) for a non-work death (art. 17): months of the regional average wage. */
  survivorLumpSumMonths: number;
}

export const DEFAULT_BENEFIT_CLAIM_POLICY: BenefitClaimPolicy = {
  defaultFemaleCategory: 'female55',
  medicalPremiumBaseRate: '0.6',
  internalStepWorkingDays: 10,
  suspensionReminderDays: 90,
  funeralGrantMonths: 2,
  survivorLumpSumMonths: 6,
};
