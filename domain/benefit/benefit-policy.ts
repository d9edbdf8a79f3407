import { compareDates, isIsoDate } from '../calendar/local-date.js';
import { DomainError } from '../errors.js';
import { type ApprovalThresholds, DEFAULT_APPROVAL_THRESHOLDS } from './approval-tiers.js';
import { type BenefitClaimPolicy, DEFAULT_BENEFIT_CLAIM_POLICY } from './benefit-claim-policy.js';
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
 * Every configurable benefit rule in one plain-JSON object (rules §5, §9). A benefit claim keeps the policy it
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
  /** What claims need beyond the calculators: default category, medical premium base, step SLAs, pension-fund death benefits. */
  claims: BenefitClaimPolicy;
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
  claims: DEFAULT_BENEFIT_CLAIM_POLICY,
};

/**
 * One dated change of the configuration (the `benefit.policy` setting holds a list of them): from `effectiveFrom`
 * on, the values it names replace the defaults; what it leaves out stays as it was. A section is merged key by key;
 * a list or table inside it (the divisor tables, the caps) is replaced whole.
 */
export type BenefitPolicyVersion = { effectiveFrom: string; source?: string } & { [K in keyof BenefitPolicy]?: Partial<BenefitPolicy[K]> };

const SECTIONS = Object.keys(DEFAULT_BENEFIT_POLICY) as (keyof BenefitPolicy)[];

/**
 * The configuration in force on `date` (modelling principle 1: every parameter is dated): the defaults with every
 * version that started on or before `date` applied in date order, so a later change keeps the earlier ones. Sections
 * the code does not know are refused rather than ignored, so a misspelt key cannot silently leave the default. Pure.
 * @throws DomainError INVALID_DATE for a malformed date; VALIDATION_FAILED for an unknown section.
 */
export function benefitPolicyInForce(versions: readonly BenefitPolicyVersion[], date: string, defaults: BenefitPolicy = DEFAULT_BENEFIT_POLICY): BenefitPolicy {
  if (!isIsoDate(date)) throw new DomainError('INVALID_DATE', `"${date}" is not a real date in the form YYYY-MM-DD`);
  const started = versions.filter((v) => compareDates(v.effectiveFrom, date) <= 0).sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom));
  const policy: Record<string, unknown> = { ...defaults };
  for (const version of started) {
    for (const [key, value] of Object.entries(version)) {
      if (key === 'effectiveFrom' || key === 'source') continue;
      if (!SECTIONS.includes(key as keyof BenefitPolicy)) {
        throw new DomainError('VALIDATION_FAILED', `benefit.policy version ${version.effectiveFrom}: unknown section "${key}"`, { path: key });
      }
      policy[key] = { ...(policy[key] as object), ...(value as object) };
    }
  }
  return policy as unknown as BenefitPolicy;
}
