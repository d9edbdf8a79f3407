import { findBackPayment, type BackPaymentRow } from '../../db/queries/back-payment.query.js';
import { caseSubjectOf, caseTimeline, findCase, type CaseRow, type TimelineItem } from '../../db/queries/case.query.js';
import { DomainError } from '../../domain/errors.js';
import { may, visibleOrNotFound } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

export interface BackPaymentRead {
  row: CaseRow;
  backPayment: BackPaymentRow;
  timeline: TimelineItem[];
  /** Whether the caller sees the evidence: staff who read the case unmasked, and the applicant who filed it. */
  unmasked: boolean;
  /** Whether the caller sees the whole ID number: only a role that reads the case unmasked (the applicant typed it, and needs it no more). */
  unmaskedId: boolean;
}

/**
 * GET /v1/back-payments/{reference}: a back-payment the caller may read (else 404, like an unknown one), with its
 * months, workings, review and where its bill stands (applied, billed, paid).
 */
export async function readBackPayment(ctx: CommandContext, idOrReference: string): Promise<BackPaymentRead> {
  const notFound = { code: 'CASE_NOT_FOUND' as const, message: `No back-payment ${idOrReference}` };
  const row = visibleOrNotFound(ctx, await findCase(ctx.em, idOrReference), 'Case', caseSubjectOf, notFound);
  if (row.type !== 'backPayment') throw new DomainError(notFound.code, notFound.message);
  const [backPayment, timeline] = await Promise.all([findBackPayment(ctx.em, row.caseId), caseTimeline(ctx.em, row.caseId)]);
  if (!backPayment) throw new DomainError(notFound.code, notFound.message);
  const unmaskedId = may(ctx, 'readUnmasked', 'Case', caseSubjectOf(row));
  return { row, backPayment, timeline, unmasked: unmaskedId || row.applicantId === ctx.actor.id, unmaskedId };
}
