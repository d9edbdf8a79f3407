import { entitlementsOfCase, type EntitlementRow } from '../../db/queries/benefit.query.js';
import { caseSubjectOf, caseTimeline, findCase, type CaseRow, type TimelineItem } from '../../db/queries/case.query.js';
import { DomainError } from '../../domain/errors.js';
import { may, visibleOrNotFound } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

export interface MedicalExpenseRead {
  row: CaseRow;
  entitlements: EntitlementRow[];
  timeline: TimelineItem[];
  /** Whether the caller sees the medical details (hospital, dates, items): the staff who may read the case unmasked, the person, the declarer. */
  unmasked: boolean;
  /** Whether the caller sees the whole ID number: only a role that reads the case unmasked (the declarer typed it, and needs it no more). */
  unmaskedId: boolean;
}

/**
 * GET /v1/medical-expense-declarations/{reference}: a declaration the caller may read (else 404, like an unknown one).
 * The medical details are shown to the staff who review it, the person and the declarer who wrote them; an auditor
 * sees the amounts and the ledger, not the items.
 */
export async function readMedicalExpense(ctx: CommandContext, idOrReference: string): Promise<MedicalExpenseRead> {
  const notFound = { code: 'CASE_NOT_FOUND' as const, message: `No medical expense declaration ${idOrReference}` };
  const row = visibleOrNotFound(ctx, await findCase(ctx.em, idOrReference), 'Case', caseSubjectOf, notFound);
  if (row.type !== 'medicalExpense') throw new DomainError(notFound.code, notFound.message);
  const [entitlements, timeline] = await Promise.all([entitlementsOfCase(ctx.em, row.caseId), caseTimeline(ctx.em, row.caseId)]);
  const unmaskedId = may(ctx, 'readUnmasked', 'Case', caseSubjectOf(row));
  return { row, entitlements, timeline, unmasked: unmaskedId || row.applicantId === ctx.actor.id, unmaskedId };
}
