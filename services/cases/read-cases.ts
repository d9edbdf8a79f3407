import { caseSubjectOf, caseTasks, caseTimeline, findCase, listCases, type CaseRow, type TimelineItem } from '../../db/queries/case.query.js';
import type { TaskView } from '../../db/queries/task.query.js';
import { accessibleFilter } from '../../policies/sql-scope.js';
import { visibleOrNotFound } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/** How long `GET /v1/cases/{caseId}?wait=settled` waits at most for a decision's follow-up (docs/api.md). */
export const SETTLED_WAIT_MS = 5_000;

/**
 * One case with its timeline and tasks, by ID or reference — 404 for unknown and for not visible alike. With
 * `waitSettledMs`, the case is read once the follow-up of its last decision has run (the next task open, the read
 * model written) or that time has passed; `settled` says which. A closed case has nothing left to run.
 */
export async function readCase(
  ctx: CommandContext,
  idOrReference: string,
  options: { waitSettledMs?: number } = {},
): Promise<{ row: CaseRow; timeline: TimelineItem[]; tasks: TaskView[]; settled?: boolean }> {
  const visible = () =>
    findCase(ctx.em, idOrReference).then((found) =>
      visibleOrNotFound(ctx, found, 'Case', caseSubjectOf, { code: 'CASE_NOT_FOUND', message: `No case ${idOrReference}` }),
    );
  let row = await visible();
  let settled: boolean | undefined;
  if (options.waitSettledMs !== undefined) {
    settled = row.closedAt !== null || (await ctx.workflows.awaitSettled(row.caseId, Math.min(options.waitSettledMs, SETTLED_WAIT_MS)));
    if (row.closedAt === null) row = await visible(); // the follow-up wrote the read model meanwhile
  }
  const [timeline, tasks] = await Promise.all([caseTimeline(ctx.em, row.caseId), caseTasks(ctx.em, row.caseId)]);
  return { row, timeline, tasks, ...(settled === undefined ? {} : { settled }) };
}

export interface CaseListRequest {
  type?: string;
  status?: string;
  region?: string;
  overdue?: boolean;
  limit: number;
  after?: { openedAt: string; id: string };
}

/** Cases the caller may see, newest first, filtered in SQL by the same CASL rules as `readCase`. */
export function readCases(ctx: CommandContext, request: CaseListRequest): Promise<{ items: CaseRow[]; more: boolean }> {
  return listCases(ctx.em, { ...request, scope: accessibleFilter(ctx.ability, 'read', 'Case'), now: ctx.clock.now() });
}
