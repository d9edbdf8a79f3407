import type { DeadlineUnit } from '../calendar/holiday-calendar.js';
import type { AllocationRule, FinePosition } from '../contribution/allocation.js';
import { DEFAULT_LATE_FEE_POLICY, type LateFeePolicy } from '../contribution/late-fee.js';

/**
 * Configurable collection and arrears rules with their defaults. A running arrears case keeps the policy it started
 * with (workflow input), so a change applies to new cases.
 */
export interface ContributionPolicy {
  /** Partial payments (rules §4, open item 2): default oldest period first, principal before its late fee. */
  allocationRule: AllocationRule;
  /** Where unpaid fines stand in that order: default after every period (local practice, unverified). */
  finePosition: FinePosition;
  lateFee: LateFeePolicy;
  /** Period set in the order to pay (责令限期缴纳, 社会保险法 art. 63, 86); local practice 5 working days (§4, ◐). */
  orderToPayDays: number;
  orderToPayUnit: DeadlineUnit;
  /** Days an arrears case waits after the order's deadline before the sweep of a stage repeats (working days). */
  stepWorkingDays: number;
  /** Fine bounds, multiples of the arrears (社会保险法 art. 86: 1–3 ×). */
  fineMinMultiple: string;
  fineMaxMultiple: string;
  /**
   * Hardship deferral (§4): normally no more than one year, counted as a calendar period — from the day asked, the
   * corresponding day `hardshipMaxMonths` months later (民法典 arts. 201–202, rules §9 "Counting rules"), so a
   * year that holds 29 February is 366 days. Absent (cases started before it existed, or a stored policy that sets
   * only `hardshipMaxDays`): `hardshipMaxDays` days.
   */
  hardshipMaxMonths?: number;
  hardshipMaxDays: number;
  /** 110 % of the previous month when an employer does not declare (社会保险法 art. 62). */
  provisionalFactor: string;
  /**
   * Continue as new once the history has this many events, besides whenever the server suggests it (a case can run
   * for years). Absent: only on the server's suggestion.
   */
  continueAsNewAfterEvents?: number;
}

export const DEFAULT_CONTRIBUTION_POLICY: ContributionPolicy = {
  allocationRule: 'PER_PERIOD_PRINCIPAL_FIRST',
  finePosition: 'AFTER_PERIODS',
  lateFee: DEFAULT_LATE_FEE_POLICY,
  orderToPayDays: 5,
  orderToPayUnit: 'working',
  stepWorkingDays: 10,
  fineMinMultiple: '1',
  fineMaxMultiple: '3',
  hardshipMaxMonths: 12,
  hardshipMaxDays: 365,
  provisionalFactor: '1.1',
};
