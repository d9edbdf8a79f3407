import { findParametersInForce } from '../../db/queries/region-parameters.query.js';
import { recordParameterSet } from '../../db/writers/region-parameters.js';
import { findRegion, listServedRegions, type RegionRow } from '../../db/queries/region.query.js';
import type { RegionalParameters } from '../../domain/contribution/regional-parameters.js';
import { DomainError } from '../../domain/errors.js';
import { authorize, may } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/** The regions the system serves, with their parents and pooling areas. */
export const readRegions = (ctx: CommandContext): Promise<RegionRow[]> => listServedRegions(ctx.em);

/** A region's dated parameter set in force on `date` (default today) — public reference data. */
export async function readParameters(ctx: CommandContext, region: string, date?: string): Promise<RegionalParameters> {
  if (!may(ctx, 'read', 'RegionParameters', { region })) throw new DomainError('REGION_NOT_FOUND', `No region ${region}`);
  const day = date ?? ctx.clock.today();
  const parameters = await findParametersInForce(ctx.em, region, day);
  if (!parameters) throw new DomainError('PARAMETERS_NOT_FOUND', `region ${region} has no parameters in force on ${day}`);
  return parameters;
}

/**
 * An administrator records a region's dated parameter set (modelling principle 1). Recording the same date again
 * replaces the set — a correction before it takes effect; the audit log keeps both.
 */
export async function recordParameters(ctx: CommandContext, set: RegionalParameters): Promise<RegionalParameters> {
  authorize(ctx, 'manage', 'RegionParameters', { region: set.region });
  if (!(await findRegion(ctx.em, set.region))) throw new DomainError('REGION_NOT_FOUND', `No region ${set.region}`);
  return recordParameterSet(ctx.em, set, { actor: ctx.actor, requestId: ctx.requestId, now: ctx.clock.now() });
}
