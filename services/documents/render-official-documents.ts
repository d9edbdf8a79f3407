import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  claimUnprintedNotices,
  releaseNoticeClaims,
  storeOfficialDocument,
  unprintedNotices,
  type StoredDocument,
  type UnprintedNotice,
} from '../../db/writers/official-documents.js';
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

async function renderNotice(em: EntityManager, clock: BusinessClock, notice: UnprintedNotice): Promise<StoredDocument> {
  const issuedOn = shanghaiDateOf(notice.createdAt.getTime());
  const content = officialDocumentContent({ ...notice, issuedOn });
  const pdf = await renderOfficialDocumentPdf(content, notice.createdAt);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  return storeOfficialDocument(em, { notice, title: documentTitle(notice.kind), issuedOn, pdf, sha256 }, clock.now());
}

/** How long a round holds the notices it claimed: far more than its letters take (about half a second each). */
export const renderClaimLeaseMs = (batch: number): number => Math.max(60_000, batch * 5_000);

/**
 * One round of the worker's document rendering: claims at most `batch` of the oldest notices not rendered yet
 * (`for update skip locked` with a lease, db/writers/official-documents.ts), so rounds of several workers running at
 * once render different notices; renders each in its own transaction, giving the event loop back between two letters
 * (a letter takes about half a second of CPU, and the worker's activities share the thread), and stops before the next
 * letter once `stopped()` says so (the worker shutting down). The claims of the letters it did not render (failed,
 * or left by the stop) are given back at the end, so the next round takes them at once. Answers how many were
 * rendered and how many failed (each reported to `onFailure`); both 0 when the outbox is caught up. A notice rendered
 * meanwhile by someone else (a listing) is kept as it is; `onMismatch` hears of one whose stored SHA-256 is not that
 * of the bytes rendered now.
 */
export async function renderPendingOfficialDocuments(
  em: EntityManager,
  clock: BusinessClock,
  batch: number,
  hooks: { onFailure?: (noticeId: string, error: unknown) => void; onMismatch?: (noticeId: string) => void; stopped?: () => boolean } = {},
): Promise<{ rendered: number; failed: number; noticeIds: string[] }> {
  const notices = await claimUnprintedNotices(em, batch, renderClaimLeaseMs(batch));
  const done: string[] = [];
  let failed = 0;
  try {
    for (const notice of notices) {
      if (hooks.stopped?.()) break;
      try {
        const stored = await renderNotice(em, clock, notice);
        if (stored === 'stored') done.push(notice.id);
        if (stored === 'differs') hooks.onMismatch?.(notice.id);
      } catch (error) {
        // One letter that cannot be rendered does not hold the others up; it is tried again next round.
        failed += 1;
        hooks.onFailure?.(notice.id, error);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    await releaseNoticeClaims(
      em,
      notices.map((notice) => notice.id).filter((id) => !done.includes(id)),
    );
  }
  return { rendered: done.length, failed, noticeIds: done };
}
