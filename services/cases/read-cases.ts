import { caseSubjectOf, caseTasks, caseTimeline, findCase, listCases, type CaseRow, type TimelineItem } from '../../db/queries/case.query.js';
import type { TaskView } from '../../db/queries/task.query.js';
import { accessibleFilter } from '../../policies/sql-scope.js';
import { visibleOrNotFound } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/** One case with its timeline and tasks, by ID or reference — 404 for unknown and for not visible alike. */
export async function readCase(ctx: CommandContext, idOrReference: string): Promise<{ row: CaseRow; timeline: TimelineItem[]; tasks: TaskView[] }> {
  const row = visibleOrNotFound(ctx, await findCase(ctx.em, idOrReference), 'Case', caseSubjectOf, {
    code: 'CASE_NOT_FOUND',
    message: `No case ${idOrReference}`,
  });
  const [timeline, tasks] = await Promise.all([caseTimeline(ctx.em, row.caseId), caseTasks(ctx.em, row.caseId)]);
  return { row, timeline, tasks };
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
