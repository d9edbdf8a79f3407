import type { CalendarYear } from '../calendar/holiday-calendar.js';
import { type ComputedDeadline, computeDeadline } from '../case/deadline-clock.js';
import { countInput } from './benefit-arithmetic.js';

/** The claim types of POST /v1/benefit-claims. */
export type BenefitClaimType = 'pension' | 'unemployment' | 'maternity' | 'workInjury' | 'funeral' | 'survivor';

export const BENEFIT_CLAIM_TYPES = ['pension', 'unemployment', 'maternity', 'workInjury', 'funeral', 'survivor'] as const satisfies readonly BenefitClaimType[];

/**
 * Agency processing limits in working days (rules §5.1, §5.3, §5.4, §9). null = no statutory limit found in
 * the reference; a region may configure one.
 */
export type ClaimProcessingLimits = Readonly<Record<BenefitClaimType, number | null>>;

export const DEFAULT_CLAIM_PROCESSING_LIMITS: ClaimProcessingLimits = {
  /** 社会保险经办条例 art. 18 (✔). */
  pension: 20,
  /** 社会保险经办条例 art. 24 (✔). */
  unemployment: 10,
  /** 社会保险经办条例 art. 20 (✔). */
  maternity: 10,
  workInjury: null,
  funeral: null,
  survivor: null,
};

/**
 * When the agency must have decided a claim: the configured working days after the day it was received (start day
 * not counted, make-up days counted; rules §9). Provisional when a year's calendar is missing; null when the
 * claim type has no limit. Pure.
 */
export function claimProcessingDeadline(
  calendar: readonly CalendarYear[],
  type: BenefitClaimType,
  receivedOn: string,
  limits: ClaimProcessingLimits = DEFAULT_CLAIM_PROCESSING_LIMITS,
): ComputedDeadline | null {
  const days = limits[type];
  if (days === null) return null;
  return computeDeadline(calendar, receivedOn, countInput(days, `processing.${type}`, 0, 365), 'working');
}
