import { DomainError } from '../errors.js';
import { amountInput, countInput, rateInput, toFen } from './benefit-arithmetic.js';
import { DEFAULT_UNEMPLOYMENT_POLICY, type LeaveReason, type TieredMonthsFormula, type UnemploymentPolicy } from './unemployment-policy.js';

export type UnemploymentRefusalCode = 'SHORT_OF_CONTRIBUTION_MONTHS' | 'VOLUNTARY_LEAVE' | 'NOT_UNEMPLOYED' | 'NOT_REGISTERED';

export interface UnemploymentEligibilityInput {
  contributionMonths: number;
  /** Unchecked when absent (the calculator). */
  leaveReason?: LeaveReason;
  /** Registered as unemployed and seeking work; unchecked when absent. */
  registeredUnemployed?: boolean;
}

export interface UnemploymentEligibility {
  eligible: boolean;
  refusals: { code: UnemploymentRefusalCode; reason: string }[];
  workings: string[];
}

/**
 * The three conditions for 失业保险金 (社会保险法 art. 45; 失业保险条例 art. 14; rules §5.3): at least a year
 * of premiums, an involuntary end of employment, and registration as unemployed. Refusals are data. Pure.
 */
export function unemploymentEligibility(
  input: UnemploymentEligibilityInput,
  policy: UnemploymentPolicy = DEFAULT_UNEMPLOYMENT_POLICY,
): UnemploymentEligibility {
  const months = countInput(input.contributionMonths, 'contributionMonths', 0, 1200);
  const refusals: UnemploymentEligibility['refusals'] = [];
  const workings = [`contribution months ${months}, minimum ${policy.minimumContributionMonths} (社会保险法 art. 45)`];
  if (months < policy.minimumContributionMonths) {
    refusals.push({
      code: 'SHORT_OF_CONTRIBUTION_MONTHS',
      reason: `${months} contribution months are fewer than the ${policy.minimumContributionMonths} required`,
    });
  }
  const reason = input.leaveReason;
  if (reason === undefined) {
    workings.push('leave reason not given: not checked');
  } else if (reason === 'retired' || reason === 'died') {
    refusals.push({
      code: 'NOT_UNEMPLOYED',
      reason: `employment ended because the person ${reason}: no unemployment benefit`,
    });
  } else if (!policy.involuntaryLeaveReasons.includes(reason)) {
    refusals.push({
      code: 'VOLUNTARY_LEAVE',
      reason: `leave reason "${reason}" is not an involuntary end of employment`,
    });
  } else {
    workings.push(`leave reason "${reason}" is involuntary (configuration unemployment.involuntaryLeaveReasons)`);
  }
  if (input.registeredUnemployed === false) {
    refusals.push({ code: 'NOT_REGISTERED', reason: 'the person is not registered as unemployed' });
  }
  return { eligible: refusals.length === 0, refusals, workings };
}

/** The national maximum for a contribution length (0 below the first cap). */
export function nationalCapMonths(contributionMonths: number, policy: UnemploymentPolicy = DEFAULT_UNEMPLOYMENT_POLICY): number {
  let cap = 0;
  for (const c of [...policy.nationalCaps].sort((a, b) => a.fromMonths - b.fromMonths)) {
    if (contributionMonths >= c.fromMonths) cap = c.maxMonths;
  }
  return cap;
}

/** Months from a tiered provincial formula, before the national cap. */
export function tieredMonths(contributionMonths: number, formula: TieredMonthsFormula): number {
  let from = 0;
  let granted = 0;
  for (const tier of formula.tiers) {
    countInput(tier.everyMonths, 'monthsFormula.tiers.everyMonths', 1, 1200);
    const to = tier.upToMonths === null ? contributionMonths : Math.min(tier.upToMonths, contributionMonths);
    if (to > from) granted += Math.floor((to - from) / tier.everyMonths) * tier.grantMonths;
    if (tier.upToMonths === null || tier.upToMonths >= contributionMonths) break;
    from = tier.upToMonths;
  }
  return Math.min(granted, formula.maxMonths);
}

/** Body of POST /v1/calculations/unemployment (docs/api.md "Benefit calculators"). */
export interface UnemploymentInput extends UnemploymentEligibilityInput {
  /** Unused months from an earlier spell (they carry over). */
  unusedMonths?: number;
  minimumWage: string;
  /** Share of the minimum wage; the policy's benefitRate when absent. */
  benefitRate?: string;
  /** 城市居民最低生活保障标准: the monthly amount never falls below it. */
  subsistenceAllowance?: string;
}

export interface UnemploymentResult {
  eligible: boolean;
  refusals: UnemploymentEligibility['refusals'];
  /** The national cap for this spell's contribution length. */
  maxMonths: number;
  months: number;
  monthlyAmount: string;
  total: string;
  workings: string[];
}

/**
 * 失业保险金: months and amount (社会保险法 arts. 46–47; 失业保险条例 arts. 17–18; rules §5.3, E4). Months are
 * the national cap, or the provincial formula bounded by it, plus unused months of an earlier spell, at most 24 in
 * all. The monthly amount is the configured share of the minimum wage rounded half-up to the fen, raised to the
 * subsistence allowance when below it; total = monthly × months. Pure.
 * @throws DomainError INVALID_AMOUNT (with `path`) for malformed inputs or a rate above 1 (the benefit stays below
 * the minimum wage, 失业保险条例 art. 18).
 */
export function calculateUnemploymentBenefit(input: UnemploymentInput, policy: UnemploymentPolicy = DEFAULT_UNEMPLOYMENT_POLICY): UnemploymentResult {
  const eligibility = unemploymentEligibility(input, policy);
  const months = input.contributionMonths;
  const unused = countInput(input.unusedMonths ?? 0, 'unusedMonths', 0, policy.combinedCapMonths);
  const minimumWage = amountInput(input.minimumWage, 'minimumWage');
  const ratePath = input.benefitRate === undefined ? 'unemployment.benefitRate' : 'benefitRate';
  const rate = rateInput(input.benefitRate ?? policy.benefitRate, ratePath);
  if (rate.greaterThan(1)) {
    throw new DomainError('INVALID_AMOUNT', `${ratePath}: ${rate.toFixed()} would pay more than the minimum wage`, {
      path: ratePath,
    });
  }
  const floor = input.subsistenceAllowance === undefined ? null : amountInput(input.subsistenceAllowance, 'subsistenceAllowance');
  const workings = [...eligibility.workings];
  const cap = nationalCapMonths(months, policy);
  workings.push(`national cap for ${months} contribution months = ${cap} months (社会保险法 art. 46)`);
  if (!eligibility.eligible) {
    workings.push(...eligibility.refusals.map((r) => `not eligible: ${r.reason}`));
    return {
      eligible: false,
      refusals: eligibility.refusals,
      maxMonths: cap,
      months: 0,
      monthlyAmount: '0.00',
      total: '0.00',
      workings,
    };
  }
  let spell = cap;
  if (policy.monthsFormula.kind === 'tiered') {
    const formula = tieredMonths(months, policy.monthsFormula);
    spell = Math.min(formula, cap);
    workings.push(`provincial formula (${policy.monthsFormula.source}) = ${formula} months, bounded by the cap → ${spell}`);
  }
  const combined = Math.min(spell + unused, policy.combinedCapMonths);
  if (unused > 0) {
    workings.push(
      `${spell} + ${unused} unused months of an earlier spell = ${spell + unused}, at most ${policy.combinedCapMonths} → ${combined} (失业保险条例 art. 17)`,
    );
  }

  let monthly = minimumWage.applyRate(rate.toFixed(), 'HALF_UP_FEN');
  workings.push(`monthly amount = minimum wage ${minimumWage.toString()} × ${rate.toFixed()} = ${monthly.toString()} (失业保险条例 art. 18)`);
  if (floor !== null && monthly.compare(floor) < 0) {
    monthly = floor;
    workings.push(`raised to the subsistence allowance (低保) ${floor.toString()} (社会保险法 art. 47)`);
  }
  const total = toFen(monthly.toDecimal().times(combined));
  workings.push(`total = ${monthly.toString()} × ${combined} months = ${total.toString()}`);
  return {
    eligible: true,
    refusals: [],
    maxMonths: cap,
    months: combined,
    monthlyAmount: monthly.toString(),
    total: total.toString(),
    workings,
  };
}
