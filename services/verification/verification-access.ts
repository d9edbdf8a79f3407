import { verificationFactsOf, type VerificationFacts } from '../../db/queries/verification.query.js';
import { DomainError } from '../../domain/errors.js';
import type { VerificationPolicy } from '../../domain/payroll/payroll-policy.js';
import { may } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/**
 * The person's verification facts when the caller may `read` them (the citizen themself, staff of a region that pays
 * them a benefit); otherwise the same 404 an unknown person gets, so ID numbers cannot be probed.
 */
export async function visibleVerificationFacts(ctx: CommandContext, citizenId: string, policy: VerificationPolicy): Promise<VerificationFacts> {
  const facts = await verificationFactsOf(ctx.em, citizenId, ctx.clock.today(), policy.acceptedEvidence);
  const own = ctx.actor.role === 'citizen' && ctx.actor.id === citizenId;
  const visible = own || facts.regions.some((region) => may(ctx, 'read', 'Verification', { citizenId, region }));
  if (!visible) throw new DomainError('PERSON_NOT_FOUND', 'No benefit is paid to this person here', { path: 'citizenId' });
  return facts;
}
