import { regionsOfPerson } from '../../db/queries/insurance-record.query.js';
import { appendAudit } from '../../db/writers/case-log.js';
import { findPersonContact, updatePerson } from '../../db/writers/person-changes.js';
import { DomainError } from '../../domain/errors.js';
import { maskCitizenId } from '../../domain/identity/masking.js';
import { authorize, may } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

export interface PersonChange {
  name?: string;
  phone?: string;
  hukouRegion?: string;
}

/**
 * 个人信息变更: staff of a region where the person is insured correct the name, phone or household registration; the
 * person may change their own phone number. Audited with the fields changed (values of the name and the ID stay out of
 * the log). The ID number itself never changes here: it is the social security number (社会保险法 art. 58).
 */
export async function changePerson(
  ctx: CommandContext,
  citizenId: string,
  change: PersonChange,
): Promise<{ citizenId: string; name: string; phone: string | null; hukouRegion: string | null }> {
  const regions = await regionsOfPerson(ctx.em, citizenId);
  const subjects = regions.map((region) => ({ citizenId, region }));
  if (!subjects.some((s) => may(ctx, 'read', 'Person', s)))
    throw new DomainError('PERSON_NOT_FOUND', 'No insurance record for this person', { path: 'citizenId' });
  const staffRegion = subjects.find((s) => may(ctx, 'update', 'Person', s));
  if (!staffRegion) authorize(ctx, 'update', 'Person', subjects[0]!);
  if (ctx.actor.role === 'citizen' && (change.name !== undefined || change.hukouRegion !== undefined)) {
    throw new DomainError(
      'FORBIDDEN',
      'role: a person changes their own phone number; the name and household registration are corrected by staff with the documents',
    );
  }
  const fields = Object.keys(change).filter((k) => change[k as keyof PersonChange] !== undefined);
  await ctx.em.transactional(async (tx) => {
    const now = ctx.clock.now();
    if (!(await updatePerson(tx, citizenId, change, now)))
      throw new DomainError('PERSON_NOT_FOUND', 'No insurance record for this person', { path: 'citizenId' });
    await appendAudit(tx, {
      at: now,
      actorId: ctx.actor.id,
      actorRole: ctx.actor.role,
      region: staffRegion?.region ?? regions[0] ?? null,
      action: 'person.changed',
      objectType: 'Person',
      objectId: maskCitizenId(citizenId),
      requestId: ctx.requestId,
      detail: { fields },
    });
  });
  const contact = (await findPersonContact(ctx.em, citizenId))!;
  return { citizenId, ...contact };
}
