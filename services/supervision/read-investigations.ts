import { caseSubjectOf, caseTasks, caseTimeline, findCase, listCases, type CaseRow, type TimelineItem } from '../../db/queries/case.query.js';
import { hitOfInvestigation, type HitView } from '../../db/queries/supervision.query.js';
import type { TaskView } from '../../db/queries/task.query.js';
import { DomainError } from '../../domain/errors.js';
import { accessibleFilter } from '../../policies/sql-scope.js';
import { may, visibleOrNotFound } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

export interface InvestigationRead {
  row: CaseRow;
  hit: HitView | null;
  timeline: TimelineItem[];
  tasks: TaskView[];
  /** Whether the caller sees the whole ID number of the person concerned (supervisors; auditors see it masked). */
  unmasked: boolean;
}

/**
 * GET /v1/investigations/{reference}: an investigation the caller may read — the region's supervisors and auditors,
 * never the person concerned or front-office staff (policies/abilities.ts) — else 404 like an unknown one.
 */
export async function readInvestigation(ctx: CommandContext, idOrReference: string): Promise<InvestigationRead> {
  const notFound = { code: 'CASE_NOT_FOUND' as const, message: `No investigation ${idOrReference}` };
  const row = visibleOrNotFound(ctx, await findCase(ctx.em, idOrReference), 'Case', caseSubjectOf, notFound);
  if (row.type !== 'investigation') throw new DomainError(notFound.code, notFound.message);
  const [hit, timeline, tasks] = await Promise.all([hitOfInvestigation(ctx.em, row.caseId), caseTimeline(ctx.em, row.caseId), caseTasks(ctx.em, row.caseId)]);
  return { row, hit, timeline, tasks, unmasked: may(ctx, 'readUnmasked', 'Case', caseSubjectOf(row)) };
}

/** GET /v1/investigations: the investigations the caller may read, newest first, filtered in SQL by the same rules. */
export function readInvestigations(
  ctx: CommandContext,
  request: { status?: string; limit: number; after?: { openedAt: string; id: string } },
): Promise<{ items: CaseRow[]; more: boolean }> {
  return listCases(ctx.em, { ...request, type: 'investigation', scope: accessibleFilter(ctx.ability, 'read', 'Case'), now: ctx.clock.now() });
}
