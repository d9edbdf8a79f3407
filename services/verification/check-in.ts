import { loadVerificationPolicy } from '../../db/queries/settings.query.js';
import { verificationFactsOf } from '../../db/queries/verification.query.js';
import { appendAudit } from '../../db/writers/case-log.js';
import { recordEvidence, resumeVerified } from '../../db/writers/verification.js';
import { DomainError } from '../../domain/errors.js';
import { overdueIfDueOnOrBefore } from '../../domain/payroll/verification.js';
import { maskCitizenId } from '../../domain/identity/masking.js';
import { authorize, may } from '../authorization.js';
import { auditActor, type CommandContext } from '../command-context.js';
import { viewOf, type VerificationView } from './read-verification.js';
import { visibleVerificationFacts } from './verification-access.js';

/**
 * POST /v1/persons/{citizenId}/verifications: a check-in (待遇资格认证 by self-service, rules §8) — the citizen for
 * themself on their page, or staff of the region for a person who came to the counter. It is evidence of today; an
 * open suspension resumes with back pay in the same transaction (the next payroll pays the held months as one line).
 * One check-in per person and day: a repeat records nothing and answers `recorded: false`.
 */
export async function checkIn(ctx: CommandContext, citizenId: string): Promise<VerificationView & { recorded: boolean; resumed: number }> {
  const policy = await loadVerificationPolicy(ctx.em, ctx.clock.today());
  const facts = await visibleVerificationFacts(ctx, citizenId, policy);
  if (facts.regions.length === 0) throw new DomainError('NOT_ALLOWED_NOW', 'no monthly benefit is paid to this person: there is nothing to verify');
  const own = ctx.actor.role === 'citizen';
  // Staff act for a region that pays the person a benefit (the first they serve, for the audit entry's chain).
  const region = facts.regions.find((r) => may(ctx, 'create', 'Verification', { citizenId, region: r })) ?? facts.regions[0]!;
  authorize(ctx, 'create', 'Verification', { citizenId, region });
  const today = ctx.clock.today();
  const at = ctx.clock.now();
  const source = own ? 'self-service' : `counter ${ctx.actor.region ?? ''}`.trim();
  const actor = auditActor(ctx);
  const { recorded, resumed } = await ctx.em.transactional(async (tx) => {
    const written = await recordEvidence(
      tx,
      [{ citizenId, kind: 'selfService', verifiedOn: today, source, sourceKey: `selfService:${citizenId}:${today}` }],
      { actorId: ctx.actor.id, importId: null },
      at,
    );
    const dueOnOrBefore = overdueIfDueOnOrBefore(today, policy);
    const n = await resumeVerified(tx, { today, dueOnOrBefore, policy, importId: null, citizenId, requestId: ctx.requestId, actor }, at);
    if (written > 0) {
      await appendAudit(tx, {
        at,
        actorId: actor.id,
        actorRole: actor.role,
        region,
        action: 'verification.checkIn',
        objectType: 'Person',
        objectId: maskCitizenId(citizenId),
        requestId: ctx.requestId,
        detail: { source, resumed: n },
      });
    }
    return { recorded: written > 0, resumed: n };
  });
  const after = await verificationFactsOf(ctx.em, citizenId, today, policy.acceptedEvidence);
  return { ...viewOf(after, today, policy), recorded, resumed };
}
