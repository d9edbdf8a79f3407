import { appendAudit } from '../../db/writers/case-log.js';
import type { CaseView } from '../../workflows/index.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';
import { arrearsAccountOf, visibleArrearsCase, type ArrearsCaseRow } from './arrears-access.js';

/**
 * 困难缓缴申请: the employer (or its caseworker) asks for a hardship deferral of an arrears case (rules §4 (b));
 * a supervisor decides it on the case's `deferralReview` task. The case's workflow checks the request against the
 * policy the case started with — at most a calendar year from today by default (domain/arrears/arrears-decision.ts
 * `hardshipDeferral`), a reason, a stage that allows it — and answers once it has taken it; its refusal keeps its
 * code (OUTCOME_NOT_ALLOWED, NOT_ALLOWED_NOW) and nothing changes.
 */
export async function requestDeferral(
  ctx: CommandContext,
  caseId: string,
  request: { until: string; reason: string },
): Promise<{ case: ArrearsCaseRow; view: CaseView }> {
  const row = await visibleArrearsCase(ctx, caseId);
  authorize(ctx, 'update', 'ArrearsCase', arrearsAccountOf(row));
  const view = await ctx.workflows.requestArrearsDeferral(row.caseId, { until: request.until, reason: request.reason, actorId: ctx.actor.id });
  await appendAudit(ctx.em, {
    at: ctx.clock.now(),
    actorId: ctx.actor.id,
    actorRole: ctx.actor.role,
    region: row.region,
    action: 'arrears.deferral_requested',
    objectType: 'Case',
    objectId: row.caseId,
    requestId: ctx.requestId,
    detail: { until: request.until },
  });
  return { case: row, view };
}
