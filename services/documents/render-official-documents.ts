import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { storeOfficialDocument, unprintedNotices, type UnprintedNotice } from '../../db/writers/official-documents.js';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { documentTitle, officialDocumentContent } from '../../domain/case/official-document.js';
import type { BusinessClock } from '../business-clock.js';
import { renderOfficialDocumentPdf } from '../pdf/official-document-pdf.js';

/**
 * Renders every notice of the case that has no official document yet and keeps each PDF with its SHA-256 and size
 * (official_document, one row per notice). The letter is dated by the day its notice was written, and the PDF's
 * creation instant is the notice's, so the same notice always renders to the same bytes; a second call renders
 * nothing. Returns how many notices were rendered.
 *
 * `{ pending: n }` takes the oldest n notices of the whole outbox not rendered yet: the worker's rendering round
 * (bin/worker-runtime.ts), so a letter is normally ready before anyone lists the case. Two renderers of the same
 * notice (two workers, a listing and the worker) keep one document: the notice id is unique in official_document.
 */
export async function renderOfficialDocuments(
  em: EntityManager,
  clock: BusinessClock,
  where: { caseId: string } | { noticeIds: string[] } | { pending: number },
): Promise<number> {
  const notices = await unprintedNotices(em, where);
  for (const notice of notices) await renderNotice(em, clock, notice);
  return notices.length;
}

async function renderNotice(em: EntityManager, clock: BusinessClock, notice: UnprintedNotice): Promise<void> {
  const issuedOn = shanghaiDateOf(notice.createdAt.getTime());
  const content = officialDocumentContent({ ...notice, issuedOn });
  const pdf = await renderOfficialDocumentPdf(content, notice.createdAt);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  await storeOfficialDocument(em, { notice, title: documentTitle(notice.kind), issuedOn, pdf, sha256 }, clock.now());
}

/**
 * One round of the worker's document rendering: at most `batch` of the oldest notices not rendered yet, each in its
 * own transaction, giving the event loop back between two letters (a letter takes about half a second of CPU, and the
 * worker's activities share the thread), and stopping before the next letter once `stopped()` says so (the worker
 * shutting down). Answers how many were rendered and how many failed (each reported to `onFailure`); both 0 when the
 * outbox is caught up.
 */
export async function renderPendingOfficialDocuments(
  em: EntityManager,
  clock: BusinessClock,
  batch: number,
  hooks: { onFailure?: (noticeId: string, error: unknown) => void; stopped?: () => boolean } = {},
): Promise<{ rendered: number; failed: number }> {
  const notices = await unprintedNotices(em, { pending: batch });
  let rendered = 0;
  let failed = 0;
  for (const notice of notices) {
    if (hooks.stopped?.()) break;
    try {
      await renderNotice(em, clock, notice);
      rendered += 1;
    } catch (error) {
      // One letter that cannot be rendered does not hold the others up; it is tried again next round.
      failed += 1;
      hooks.onFailure?.(notice.id, error);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { rendered, failed };
}
