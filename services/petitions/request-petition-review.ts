import { loadCalendarYears } from '../../db/queries/calendar.query.js';
import type { CaseRow } from '../../db/queries/case.query.js';
import { appendAudit } from '../../db/writers/case-log.js';
import { assertReviewWindowOpen, reviewWindowStart } from '../../domain/petition/petition-clocks.js';
import { DEFAULT_PETITION_POLICY } from '../../domain/petition/petition-policy.js';
import type { CommandContext } from '../command-context.js';
import { opinionOnRecord, ownPetition } from './petition-access.js';

export type ReviewStage = 'review' | 'rereview';

/**
 * 复查 / 复核 (信访工作条例 arts. 35, 36): the petitioner asks the body one (two) levels up to review the reply (the
 * review opinion) within 30 days of receiving it. The window runs from the day of delivery: a request after its last
 * day is refused with 422 REVIEW_WINDOW_CLOSED naming that day — also once the case has concluded because the window
 * ran out, when the workflow no longer answers. While the case waits for the request, the workflow checks the window
 * itself (it knows whether a letter is still on its way), and answers once the review task is open.
 */
export async function requestPetitionReview(ctx: CommandContext, idOrReference: string, stage: ReviewStage): Promise<{ row: CaseRow; status: string }> {
  const { row } = await ownPetition(ctx, idOrReference);
  const answered = opinionOnRecord(row, stage === 'review' ? 'opinion' : 'review');
  const from = answered && reviewWindowStart(answered, row.status === (stage === 'review' ? 'opinionIssued' : 'reviewed'));
  if (from) assertReviewWindowOpen(await loadCalendarYears(ctx.em), DEFAULT_PETITION_POLICY, stage, from, ctx.clock.today());

  const view = await ctx.workflows.requestPetitionReview(row.caseId, stage, ctx.actor.id);
  // The petitioner by role, never by ID number (the audit log is read by staff; anonymous petitions stay anonymous).
  await appendAudit(ctx.em, {
    at: ctx.clock.now(),
    actorId: 'petitioner',
    actorRole: ctx.actor.role,
    region: row.region,
    action: stage === 'review' ? 'petition.reviewRequested' : 'petition.rereviewRequested',
    objectType: 'Case',
    objectId: row.caseId,
    requestId: ctx.requestId,
    detail: { stage },
    key: `case:${row.caseId}:${stage}-requested`,
  });
  return { row, status: view.status };
}
