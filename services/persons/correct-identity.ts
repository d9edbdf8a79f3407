import { regionsOfPerson } from '../../db/queries/insurance-record.query.js';
import { loadEnrollmentPolicy } from '../../db/queries/settings.query.js';
import { identityChangesOf, lockPersonIdentity, writeBirthDateCorrection } from '../../db/writers/identity-corrections.js';
import { compareDates } from '../../domain/calendar/local-date.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { maskCitizenId } from '../../domain/identity/masking.js';
import { statutoryRetirement } from '../../domain/retirement-age.js';
import { identityChangeBeforeRetirement } from '../../domain/supervision/controls.js';
import { DEFAULT_SUPERVISION_POLICY, type SupervisionHit } from '../../domain/supervision/supervision-policy.js';
import { authorize, may } from '../authorization.js';
import type { CommandContext } from '../command-context.js';
import { raiseSupervisionHits, startInvestigations } from '../supervision/raise-hits.js';

export interface BirthDateCorrectionRequest {
  birthDate: string;
  reason: string;
  legalDocumentReference: string;
  /** The legal document's date (YYYY-MM-DD): not after the business day. */
  legalDocumentDate: string;
}

export interface IdentityCorrectionResult {
  correctionId: string;
  citizenId: string;
  field: 'birthDate';
  previous: string;
  corrected: string;
  legalDocumentReference: string;
  legalDocumentDate: string;
  correctedOn: string;
}

/**
 * POST /v1/persons/{citizenId}/identity-corrections (身份信息更正): staff of a region where the person is insured
 * correct the recorded birth date on a legal document (its reference and its date, not after the business day: 422
 * naming `legalDocumentDate` otherwise), with a reason; audited, the document's date kept in the history line. In the
 * same transaction the control "an ID or birth date changed shortly before retirement" (rules §8 pattern 5) runs over the person's whole correction
 * history, against the retirement dates of both the old and the new birth date (a change that makes someone retire at
 * once is the pattern too). A hit opens one investigation per person — a further correction finds it open — which the
 * correcting staff member never sees. The person themself, an employer or staff of another region cannot correct
 * (403; 404 when they may not read the person). The answer says nothing about the control.
 */
export async function correctBirthDate(ctx: CommandContext, citizenId: string, request: BirthDateCorrectionRequest): Promise<IdentityCorrectionResult> {
  const regions = await regionsOfPerson(ctx.em, citizenId);
  const subjects = regions.map((region) => ({ citizenId, region }));
  if (!subjects.some((s) => may(ctx, 'read', 'Person', s)))
    throw new DomainError('PERSON_NOT_FOUND', 'No insurance record for this person', { path: 'citizenId' });
  if (ctx.actor.role === 'citizen' || ctx.actor.role === 'employer')
    throw new DomainError('FORBIDDEN', 'role: a birth date is corrected by staff on a legal document, not by the person or an employer');
  const staffRegion = subjects.find((s) => may(ctx, 'update', 'Person', s));
  if (!staffRegion) authorize(ctx, 'update', 'Person', subjects[0]!);
  const region = staffRegion!.region;
  const today = ctx.clock.today();
  if (compareDates(request.birthDate, today) > 0) throw invalidInput([{ path: 'birthDate', message: `is after today (${today})` }]);
  if (compareDates(request.legalDocumentDate, today) > 0)
    throw new DomainError('INVALID_DATE', `legalDocumentDate: the legal document is dated after the business day (${today})`, { path: 'legalDocumentDate' });

  const now = ctx.clock.now();
  const { result, raised } = await ctx.em.transactional(async (tx) => {
    const person = await lockPersonIdentity(tx, citizenId);
    if (!person) throw new DomainError('PERSON_NOT_FOUND', 'No insurance record for this person', { path: 'citizenId' });
    if (person.birthDate === request.birthDate) throw invalidInput([{ path: 'birthDate', message: 'is already the recorded birth date' }]);
    const correctionId = await writeBirthDateCorrection(
      tx,
      { citizenId, ...request, previous: person.birthDate },
      { actor: ctx.actor, region, requestId: ctx.requestId, now, today },
    );
    const hit = await identityControl(tx, citizenId, person.sex, [person.birthDate, request.birthDate]);
    const finder = { actorId: ctx.actor.id, actorRole: ctx.actor.role, requestId: ctx.requestId, now };
    const raisedHits = await raiseSupervisionHits(tx, hit ? [hit] : [], { region, citizenId, accusedStaff: [ctx.actor.id] }, finder);
    return {
      result: {
        correctionId,
        citizenId: maskCitizenId(citizenId),
        field: 'birthDate' as const,
        previous: person.birthDate,
        corrected: request.birthDate,
        legalDocumentReference: request.legalDocumentReference,
        legalDocumentDate: request.legalDocumentDate,
        correctedOn: today,
      },
      raised: raisedHits,
    };
  });
  await startInvestigations(ctx.em, ctx.workflows, raised);
  return result;
}

/**
 * Rules §8 pattern 5 over the person's corrections: the statutory retirement date from each birth date the person had
 * (the retirement category from the sex, women by the enrollment policy's default category, as enrollment does).
 */
async function identityControl(
  tx: CommandContext['em'],
  citizenId: string,
  sex: 'male' | 'female',
  birthDates: readonly string[],
): Promise<SupervisionHit | null> {
  const changes = await identityChangesOf(tx, citizenId);
  const category = sex === 'male' ? 'male' : (await loadEnrollmentPolicy(tx)).defaultFemaleRetirementCategory;
  for (const birthDate of birthDates) {
    const { retirementDate } = statutoryRetirement(birthDate, category);
    const hit = identityChangeBeforeRetirement({ citizenId, retirementDate, changes }, DEFAULT_SUPERVISION_POLICY);
    if (hit) return hit;
  }
  return null;
}
