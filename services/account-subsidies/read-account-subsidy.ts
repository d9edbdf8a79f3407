import { subsidyLinesOf, type SubsidyLineRow } from '../../db/queries/account-subsidy.query.js';
import { caseSubjectOf, caseTimeline, findCase, type CaseRow, type TimelineItem } from '../../db/queries/case.query.js';
import { DomainError } from '../../domain/errors.js';
import { may, visibleOrNotFound } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

export interface AccountSubsidyRead {
  row: CaseRow;
  lines: SubsidyLineRow[];
  timeline: TimelineItem[];
  /** Whether the caller sees whole ID numbers: only a role that reads the case unmasked (the declarer typed them, and needs them no more). */
  unmaskedId: boolean;
  /** Whether the caller sees whole names: those roles and the declarer, who checks the list it sent by them. */
  unmaskedName: boolean;
}

/**
 * GET /v1/account-subsidy-declarations/{reference}: a declaration the caller may read (else 404, like an unknown one):
 * the declarer, staff of the region, auditors (ID numbers masked for them).
 */
export async function readAccountSubsidy(ctx: CommandContext, idOrReference: string): Promise<AccountSubsidyRead> {
  const notFound = { code: 'CASE_NOT_FOUND' as const, message: `No account subsidy declaration ${idOrReference}` };
  const row = visibleOrNotFound(ctx, await findCase(ctx.em, idOrReference), 'Case', caseSubjectOf, notFound);
  if (row.type !== 'accountSubsidy') throw new DomainError(notFound.code, notFound.message);
  const [lines, timeline] = await Promise.all([subsidyLinesOf(ctx.em, row.caseId), caseTimeline(ctx.em, row.caseId)]);
  const unmaskedId = may(ctx, 'readUnmasked', 'Case', caseSubjectOf(row));
  return { row, lines, timeline, unmaskedId, unmaskedName: unmaskedId || row.applicantId === ctx.actor.id };
}
