import { caseSubjectOf, findCase } from '../../db/queries/case.query.js';
import { findCaseDocument, isNoticeRecipient, listCaseDocuments, type OfficialDocumentView } from '../../db/queries/official-document.query.js';
import { DomainError } from '../../domain/errors.js';
import { may } from '../authorization.js';
import type { CommandContext } from '../command-context.js';
import { noticeRecipientOf } from '../notices/notice-recipient.js';
import { renderOfficialDocuments } from './render-official-documents.js';

export type { OfficialDocumentView } from '../../db/queries/official-document.query.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whose documents of the case the caller may read: staff who may read the case (CASL on the case, so the accused
 * staff of a whistle-blowing petition and anyone outside the region get nothing) read all of them; a citizen or an
 * employer agent reads the ones addressed to them, when the case sent them a notice or they may read the case.
 * Anyone else gets the 404 an unknown case gets (docs/api.md "Errors"), so a case's existence is not revealed.
 */
async function documentScope(
  ctx: CommandContext,
  idOrReference: string,
): Promise<{ caseId: string; recipient: { kind: 'citizen' | 'employer'; id: string } | null }> {
  const notFound = new DomainError('CASE_NOT_FOUND', `No case ${idOrReference}`);
  const row = await findCase(ctx.em, idOrReference);
  const { actor } = ctx;
  const recipient = noticeRecipientOf(actor);
  const readsCase = row !== null && may(ctx, 'read', 'Case', caseSubjectOf(row));
  if (actor.role !== 'citizen' && actor.role !== 'employer') {
    if (!row || !readsCase) throw notFound;
    return { caseId: row.caseId, recipient: null };
  }
  if (!recipient) throw notFound;
  const caseId = row?.caseId ?? idOrReference;
  if (!readsCase && !(await isNoticeRecipient(ctx.em, caseId, recipient))) throw notFound;
  return { caseId, recipient };
}

/**
 * GET /v1/cases/{caseId}/documents: the case's official documents the caller may read, oldest first. Notices not yet
 * rendered are rendered first (each once), so the list always holds every letter the case has sent.
 */
export async function readCaseDocuments(ctx: CommandContext, idOrReference: string): Promise<OfficialDocumentView[]> {
  const scope = await documentScope(ctx, idOrReference);
  await renderOfficialDocuments(ctx.em, ctx.clock, { caseId: scope.caseId });
  return listCaseDocuments(ctx.em, scope.caseId, scope.recipient);
}

/** GET /v1/cases/{caseId}/documents/{documentId}: one document's PDF, under the same rule as the list. */
export async function readCaseDocument(ctx: CommandContext, idOrReference: string, documentId: string): Promise<OfficialDocumentView & { content: Buffer }> {
  const scope = await documentScope(ctx, idOrReference);
  const found = UUID.test(documentId) ? await findCaseDocument(ctx.em, scope.caseId, documentId) : null;
  const visible = found !== null && (scope.recipient === null || (found.recipientKind === scope.recipient.kind && found.recipientId === scope.recipient.id));
  if (!found || !visible) throw new DomainError('DOCUMENT_NOT_FOUND', `No document ${documentId} in case ${idOrReference}`);
  return found;
}
