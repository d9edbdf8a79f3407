import { listBenefitParameterSets, loadBenefitPolicyVersions } from '../../db/queries/benefit.query.js';
import { findRegion } from '../../db/queries/region.query.js';
import { recordBenefitParameterSet } from '../../db/writers/benefit-parameters.js';
import { benefitParametersInForce, type BenefitParameters } from '../../domain/benefit/benefit-parameters.js';
import { benefitPolicyInForce, type BenefitPolicy, type BenefitPolicyVersion } from '../../domain/benefit/benefit-policy.js';
import { DomainError } from '../../domain/errors.js';
import { authorize, may } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/** A region's dated benefit figures in force on `date` (default today) — public reference data like its parameters. */
export async function readBenefitParameters(ctx: CommandContext, region: string, date?: string): Promise<BenefitParameters> {
  if (!may(ctx, 'read', 'RegionParameters', { region })) throw new DomainError('REGION_NOT_FOUND', `No region ${region}`);
  const day = date ?? ctx.clock.today();
  const set = benefitParametersInForce(await listBenefitParameterSets(ctx.em, region), day);
  if (!set) throw new DomainError('PARAMETERS_NOT_FOUND', `region ${region} has no benefit figures in force on ${day}`);
  return set;
}

/** An administrator records a region's dated benefit figures (modelling principle 1); the audit log keeps both. */
export async function recordBenefitParameters(ctx: CommandContext, set: BenefitParameters): Promise<BenefitParameters & { replaced: boolean }> {
  authorize(ctx, 'manage', 'RegionParameters', { region: set.region });
  if (!(await findRegion(ctx.em, set.region))) throw new DomainError('REGION_NOT_FOUND', `No region ${set.region}`);
  const { replaced } = await recordBenefitParameterSet(ctx.em, set, { actor: ctx.actor, requestId: ctx.requestId, now: ctx.clock.now() });
  return { ...set, replaced };
}

/** The benefit configuration in force on `date` (default today), with the dated versions it was built from. */
export async function readBenefitPolicy(
  ctx: CommandContext,
  date?: string,
): Promise<{ date: string; policy: BenefitPolicy; versions: BenefitPolicyVersion[] }> {
  const day = date ?? ctx.clock.today();
  const versions = await loadBenefitPolicyVersions(ctx.em);
  return { date: day, policy: benefitPolicyInForce(versions, day), versions: versions.filter((v) => v.effectiveFrom <= day) };
}
