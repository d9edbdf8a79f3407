import { type ApprovalThresholds, DEFAULT_APPROVAL_THRESHOLDS } from './approval-tiers.js';
import { type ClaimProcessingLimits, DEFAULT_CLAIM_PROCESSING_LIMITS } from './claim-processing.js';
import { type ContributionIndexPolicy, DEFAULT_CONTRIBUTION_INDEX_POLICY } from './contribution-index.js';
import { DEFAULT_MATERNITY_POLICY, type MaternityPolicy } from './maternity.js';
import { DEFAULT_RETIREMENT_WINDOW_POLICY, type RetirementWindowPolicy } from './pension-eligibility.js';
import { DEFAULT_PENSION_POLICY, type PensionPolicy } from './pension.js';
import { DEFAULT_UNEMPLOYMENT_POLICY, type UnemploymentPolicy } from './unemployment-policy.js';
import { DEFAULT_WORK_INJURY_CLOCK_POLICY, type WorkInjuryClockPolicy } from './work-injury-clocks.js';
import { DEFAULT_WORK_INJURY_DEATH_POLICY, type WorkInjuryDeathPolicy } from './work-injury-death.js';
import { DEFAULT_WORK_INJURY_POLICY, type WorkInjuryPolicy } from './work-injury.js';

/**
 * Every configurable benefit rule in one plain-JSON object (domain-rules §5, §9). A benefit claim keeps the policy it
 * started with (workflow input), so a change applies to new claims and a replay uses the rules of its time. Each
 * part is the policy argument of its calculator; the defaults, their sources and whether they are verified are
 * documented beside each part and in docs/rules/benefits.md.
 */
export interface BenefitPolicy {
  /** Divisor tables (dated), fractional-age rule, N counting, 1 % per year, transitional coefficient. */
  pension: PensionPolicy;
  /** Index bounds 0.6–3, averaging, decimals. */
  contributionIndex: ContributionIndexPolicy;
  /** Flexible retirement window: 36 months early / late. */
  retirement: RetirementWindowPolicy;
  /** Minimum months, involuntary reasons, caps, provincial formula, benefit rate, stop month. */
  unemployment: UnemploymentPolicy;
  /** Leave days, provincial extra days, daily-rate divisor, rounding. */
  maternity: MaternityPolicy;
  /** Own-wage bounds, one-off months and allowance rates by grade. */
  workInjury: WorkInjuryPolicy;
  /** Funeral grant, dependants' rates, death grant multiple, income figures (dated by year). */
  workInjuryDeath: WorkInjuryDeathPolicy;
  /** Recognition and assessment clocks. */
  workInjuryClocks: WorkInjuryClockPolicy;
  /** Agency processing limits in working days. */
  processing: ClaimProcessingLimits;
  /** Two-tier approval thresholds. */
  approval: ApprovalThresholds;
}

export const DEFAULT_BENEFIT_POLICY: BenefitPolicy = {
  pension: DEFAULT_PENSION_POLICY,
  contributionIndex: DEFAULT_CONTRIBUTION_INDEX_POLICY,
  retirement: DEFAULT_RETIREMENT_WINDOW_POLICY,
  unemployment: DEFAULT_UNEMPLOYMENT_POLICY,
  maternity: DEFAULT_MATERNITY_POLICY,
  workInjury: DEFAULT_WORK_INJURY_POLICY,
  workInjuryDeath: DEFAULT_WORK_INJURY_DEATH_POLICY,
  workInjuryClocks: DEFAULT_WORK_INJURY_CLOCK_POLICY,
  processing: DEFAULT_CLAIM_PROCESSING_LIMITS,
  approval: DEFAULT_APPROVAL_THRESHOLDS,
};
