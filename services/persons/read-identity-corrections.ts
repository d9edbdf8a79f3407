import { identityCorrectionsOf, type IdentityCorrectionLine } from '../../db/queries/identity-correction.query.js';
import { regionsOfPerson } from '../../db/queries/insurance-record.query.js';
import { DomainError } from '../../domain/errors.js';
import { may } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/**
 * GET /v1/persons/{citizenId}/identity-corrections: the history of the person's identity corrections (from, to, reason,
 * the legal document's reference and date, who, the day), oldest first. The person themself and staff who may read the
 * person read it; the person sees no staff ID (`correctedBy` null). Anyone else gets the 404 an unknown person gets.
 */
export async function readIdentityCorrections(
  ctx: CommandContext,
  citizenId: string,
): Promise<{ items: (Omit<IdentityCorrectionLine, 'correctedBy'> & { correctedBy: string | null })[] }> {
  const regions = await regionsOfPerson(ctx.em, citizenId);
  const subjects = regions.map((region) => ({ citizenId, region }));
  if (!subjects.some((s) => may(ctx, 'read', 'Person', s)))
    throw new DomainError('PERSON_NOT_FOUND', 'No insurance record for this person', { path: 'citizenId' });
  const staff = ctx.actor.role !== 'citizen' && ctx.actor.role !== 'employer';
  const lines = await identityCorrectionsOf(ctx.em, citizenId);
  return { items: lines.map((line) => ({ ...line, correctedBy: staff ? line.correctedBy : null })) };
}
