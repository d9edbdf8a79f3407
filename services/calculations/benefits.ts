import { loadBenefitPolicyVersions } from '../../db/queries/benefit.query.js';
import { benefitPolicyInForce, type BenefitPolicy } from '../../domain/benefit/benefit-policy.js';
import { calculateMaternityAllowance, type MaternityInput, type MaternityResult } from '../../domain/benefit/maternity.js';
import { calculatePension, type PensionInput, type PensionResult } from '../../domain/benefit/pension.js';
import { calculateUnemploymentBenefit, type UnemploymentInput, type UnemploymentResult } from '../../domain/benefit/unemployment.js';
import { calculateDisabilityBenefit, type DisabilityBenefitInput, type DisabilityBenefitResult } from '../../domain/benefit/work-injury.js';
import type { CommandContext } from '../command-context.js';
import { ReferenceCache } from '../reference-cache.js';

// The calculators answer in a few milliseconds: the dated configuration is read once per 30 s, not per request.
const reference = new ReferenceCache();

/** The benefit configuration in force on `date` (default: today by the business clock). */
async function policyOn(ctx: CommandContext, date?: string): Promise<BenefitPolicy> {
  const versions = await reference.get('benefit.policy', ctx.em, loadBenefitPolicyVersions);
  return benefitPolicyInForce(versions, date ?? ctx.clock.today());
}

/**
 * POST /v1/calculations/pension (docs/api.md "Benefit calculators"; rules §5.1, E6): with the divisor table and
 * the rules in force on the retirement date when given, else today.
 */
export async function calculatePensionFigures(ctx: CommandContext, input: PensionInput): Promise<PensionResult> {
  return calculatePension(input, (await policyOn(ctx, input.retirementDate)).pension);
}

/** POST /v1/calculations/unemployment (§5.3, E4): national caps unless the configuration names a provincial formula. */
export async function calculateUnemploymentFigures(ctx: CommandContext, input: UnemploymentInput): Promise<UnemploymentResult> {
  return calculateUnemploymentBenefit(input, (await policyOn(ctx)).unemployment);
}

/** POST /v1/calculations/maternity (§5.4, E5). */
export async function calculateMaternityFigures(ctx: CommandContext, input: MaternityInput): Promise<MaternityResult> {
  return calculateMaternityAllowance(input, (await policyOn(ctx)).maternity);
}

/** POST /v1/calculations/work-injury (§5.5, E9). */
export async function calculateWorkInjuryFigures(ctx: CommandContext, input: DisabilityBenefitInput): Promise<DisabilityBenefitResult> {
  return calculateDisabilityBenefit(input, (await policyOn(ctx)).workInjury);
}
