import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { storeOfficialDocument, unprintedNotices } from '../../db/writers/official-documents.js';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { documentTitle, officialDocumentContent } from '../../domain/case/official-document.js';
import type { BusinessClock } from '../business-clock.js';
import { renderOfficialDocumentPdf } from '../pdf/official-document-pdf.js';

/**
 * Renders every notice of the case that has no official document yet and keeps each PDF with its SHA-256 and size
 * (official_document, one row per notice). The letter is dated by the day its notice was written, and the PDF's
 * creation instant is the notice's, so the same notice always renders to the same bytes; a second call renders
 * nothing. Returns how many documents were new.
 */
export async function renderOfficialDocuments(em: EntityManager, clock: BusinessClock, where: { caseId: string } | { noticeIds: string[] }): Promise<number> {
  const notices = await unprintedNotices(em, where);
  for (const notice of notices) {
    const issuedOn = shanghaiDateOf(notice.createdAt.getTime());
    const content = officialDocumentContent({ ...notice, issuedOn });
    const pdf = await renderOfficialDocumentPdf(content, notice.createdAt);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await storeOfficialDocument(em, { notice, title: documentTitle(notice.kind), issuedOn, pdf, sha256 }, clock.now());
  }
  return notices.length;
}
