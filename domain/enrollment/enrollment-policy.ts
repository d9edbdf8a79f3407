import type { InsuranceType } from '../contribution/regional-parameters.js';
import type { RetirementCategory } from '../retirement-age.js';

/**
 * Configurable enrollment rules with their statutory defaults. A running case keeps the policy it started with
 * (it is workflow input), so a change applies to new cases only.
 */
export interface EnrollmentPolicy {
  /** 社会保险法 art. 58: the employer registers a worker within 30 days of the start of employment. */
  registrationDays: number;
  /** 社会保险经办条例 art. 6: the agency completes an individual registration within 10 working days. */
  reviewWorkingDays: number;
  /** Days the applicant has to resubmit after a return for correction (local practice; unverified — configurable). */
  correctionDays: number;
  /** Share of clean cases sampled for review anyway, as a decimal string ("0.05" = 5 %). */
  reviewSampleRate: string;
  /** 社会保险法 arts. 10, 23: flexible workers may join basic pension and employee medical insurance. */
  flexibleInsuranceTypes: InsuranceType[];
  /** Minimum working age (劳动法 art. 15). */
  minimumAge: number;
  /** Retirement category assumed for a woman when the application does not say (cadre 55 vs worker 50). */
  defaultFemaleRetirementCategory: RetirementCategory;
  /** 社会保险法 art. 50: the employer reports a leaver within 15 days (calendar days, §9); later reports are flagged. */
  leaverReportDays: number;
}

export const DEFAULT_ENROLLMENT_POLICY: EnrollmentPolicy = {
  registrationDays: 30,
  reviewWorkingDays: 10,
  correctionDays: 15,
  reviewSampleRate: '0.05',
  flexibleInsuranceTypes: ['pension', 'medical'],
  minimumAge: 16,
  defaultFemaleRetirementCategory: 'female55',
  leaverReportDays: 15,
};
