import { createHash } from 'node:crypto';
import type { CaseRow } from '../../db/queries/case.query.js';
import { findAttachments, isServedRegion } from '../../db/queries/petition.query.js';
import { businessKeyOf, caseIdFor, registerCase } from '../../db/writers/case-intake.js';
import { recordPetition } from '../../db/writers/petition-intake.js';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { DEFAULT_PETITION_POLICY } from '../../domain/petition/petition-policy.js';
import { normalisedMatter, type PetitionChannel, type PetitionSubmission, type Representative } from '../../domain/petition/petition-submission.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/** What a citizen files (docs/api.md POST /v1/petitions), as the route parsed it. */
export interface PetitionFiling {
  channel: PetitionChannel;
  region: string;
  request: string;
  facts: string;
  reasons: string;
  concerns?: { caseReference?: string };
  anonymous?: boolean;
  /** Visible to reviewers and supervisors only. */
  sensitive?: boolean;
  representatives?: Representative[];
  attachmentIds?: string[];
  /** Reporting staff members: the petition is never shown to them, and is sensitive. */
  whistleblowing?: { accusedStaff: string[] };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * 信访登记 (信访工作条例 arts. 17–23, rules §7): a citizen petitions in their own name; the case row, the petition
 * row and the filing of the attachments are written in one transaction, then the petition's workflow starts. One case
 * per submission: the client's idempotency key, or else the submission itself, so a retried request finds the case it
 * made. Attachments must be the caller's own uploads not filed with another petition (400 `attachmentIds` otherwise).
 */
export async function filePetition(ctx: CommandContext, filing: PetitionFiling, idempotencyKey?: string): Promise<CaseRow> {
  const { actor, em } = ctx;
  authorize(ctx, 'create', 'Petition', { petitionerId: actor.id, region: filing.region });
  if (!(await isServedRegion(em, filing.region))) {
    throw new DomainError('REGION_NOT_FOUND', `region ${filing.region} is not served by this system`, { path: 'region' });
  }
  const businessKey = businessKeyOf('petition', actor.id, idempotencyKey ?? sha256(JSON.stringify(filing)));
  const { caseId, existing } = await caseIdFor(em, 'petition', businessKey, new Set());

  const attachmentIds = [...new Set(filing.attachmentIds ?? [])];
  const attachments = await findAttachments(em, attachmentIds);
  // Yours, and not filed with another petition (a repeated submission finds them filed with its own case).
  const foreign = attachmentIds.filter((id) => !attachments.some((a) => a.id === id && a.ownerId === actor.id && (a.caseId === null || a.caseId === caseId)));
  if (foreign.length > 0) throw invalidInput([{ path: 'attachmentIds', message: `${foreign.join(', ')}: not an unfiled attachment you uploaded` }]);

  const submission: PetitionSubmission = {
    channel: filing.channel,
    region: filing.region,
    request: filing.request,
    facts: filing.facts,
    reasons: filing.reasons,
    concerns: { caseReference: filing.concerns?.caseReference ?? null },
    anonymous: filing.anonymous ?? false,
    representatives: filing.representatives ?? [],
    attachmentIds,
    accusedStaff: filing.whistleblowing?.accusedStaff ?? [],
  };
  const matterKey = sha256(normalisedMatter(submission));
  const sensitive = (filing.sensitive ?? false) || submission.accusedStaff.length > 0;
  const now = ctx.clock.now();
  const row =
    existing ??
    (await em.transactional(async (tx) => {
      const registered = await registerCase(tx, caseId, {
        type: 'petition',
        businessKey,
        region: filing.region,
        // Anonymous to staff: no ID number or name on the case; the petition row keeps who may read it.
        citizenId: submission.anonymous ? null : actor.id,
        employerCreditCode: null,
        applicantId: submission.anonymous ? `anon-${sha256(actor.id + caseId).slice(0, 16)}` : actor.id,
        applicantRole: actor.role,
        subjectName: submission.anonymous ? null : (actor.name ?? null),
        sensitive,
        accusedStaff: submission.accusedStaff,
        summary: { channel: submission.channel },
        requestId: ctx.requestId,
        now,
      });
      await recordPetition(tx, {
        caseId,
        petitionerId: actor.id,
        matterKey,
        channel: submission.channel,
        anonymous: submission.anonymous,
        representatives: submission.representatives,
        attachmentIds,
        concernsCaseReference: submission.concerns.caseReference,
        now,
      });
      return registered;
    }));
  if (row.closedAt === null) {
    await ctx.workflows.startPetition({
      caseId: row.caseId,
      reference: row.reference,
      petition: submission,
      petitionerId: actor.id,
      matterKey,
      sensitive,
      receivedOn: shanghaiDateOf(new Date(row.openedAt).getTime()),
      policy: DEFAULT_PETITION_POLICY,
    });
  }
  return row;
}
