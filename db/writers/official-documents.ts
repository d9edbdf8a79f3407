import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { appendAudit } from './case-log.js';

/** A notice of the outbox that has no official document yet. */
export interface UnprintedNotice {
  id: string;
  caseId: string;
  region: string | null;
  recipientKind: 'citizen' | 'employer';
  recipientId: string;
  kind: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/**
 * The notices that have not been rendered yet, oldest first: the case's, the given ones, or (`pending`) the oldest
 * `pending` of the whole outbox still unstamped (`rendered_at is null`, through its partial index), which is what the
 * worker's rendering round takes.
 */
export async function unprintedNotices(
  em: EntityManager,
  where: { caseId: string } | { noticeIds: string[] } | { pending: number },
): Promise<UnprintedNotice[]> {
  const [condition, params, limit] =
    'pending' in where
      ? ['n.rendered_at is null', [], ` limit ${Math.max(0, Math.trunc(where.pending))}`]
      : 'caseId' in where
        ? ['n.case_id = ?', [where.caseId], '']
        : where.noticeIds.length === 0
          ? ['false', [], '']
          : [`n.id in (${where.noticeIds.map(() => '?').join(', ')})`, where.noticeIds, ''];
  const rows = await em.execute<
    {
      id: string;
      case_id: string;
      region: string | null;
      recipient_kind: 'citizen' | 'employer';
      recipient_id: string;
      kind: string;
      payload: Record<string, unknown>;
      created_at: Date;
    }[]
  >(
    `select n.id, n.case_id, c.region, n.recipient_kind, n.recipient_id, n.kind, n.payload, n.created_at
       from notice_outbox n left join case_record c on c.id = n.case_id
      where ${condition} and not exists (select 1 from official_document d where d.notice_id = n.id)
      order by n.created_at, n.id${limit}`,
    params,
  );
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    region: row.region,
    recipientKind: row.recipient_kind,
    recipientId: row.recipient_id,
    kind: row.kind,
    payload: row.payload,
    createdAt: new Date(row.created_at),
  }));
}

/**
 * Claims at most `batch` of the oldest notices not rendered yet for one rendering round, for `leaseMs`: the rows are
 * picked `for update skip locked` and stamped `render_claimed_until`, so two workers' rounds running at once take
 * different notices, and a round of a worker that died holds its notices only until the lease ends. The lease runs on
 * the database's clock (one clock for every worker), not the business clock. Answers the claimed notices, oldest first.
 */
export async function claimUnprintedNotices(em: EntityManager, batch: number, leaseMs: number): Promise<UnprintedNotice[]> {
  const claimed = await em.execute<{ id: string }[]>(
    `with picked as (
       select n.id from notice_outbox n
        where n.rendered_at is null and (n.render_claimed_until is null or n.render_claimed_until < clock_timestamp())
        order by n.created_at, n.id
        limit ? for update skip locked)
     update notice_outbox n set render_claimed_until = clock_timestamp() + make_interval(secs => ?)
       from picked where n.id = picked.id returning n.id`,
    [Math.max(0, Math.trunc(batch)), Math.max(1, leaseMs) / 1000],
  );
  return unprintedNotices(em, { noticeIds: claimed.map((row) => row.id) });
}

/** Gives back the claims of a round's notices it did not render (a failed letter, a round stopped by shutdown). */
export async function releaseNoticeClaims(em: EntityManager, noticeIds: string[]): Promise<void> {
  if (noticeIds.length === 0) return;
  await em.execute(
    `update notice_outbox set render_claimed_until = null where id in (${noticeIds.map(() => '?').join(', ')}) and rendered_at is null`,
    noticeIds,
  );
}

export interface RenderedDocument {
  notice: UnprintedNotice;
  title: string;
  issuedOn: string;
  pdf: Buffer;
  sha256: string;
}

/**
 * What storing a rendering did: `stored` a new document; `kept` the one already there, with the same SHA-256 (a
 * second rendering of the same notice, which renders to the same bytes); `differs` the one already there, whose bytes
 * are not the ones rendered now (the renderer changed since; the stored document stays, as issued).
 */
export type StoredDocument = 'stored' | 'kept' | 'differs';

/**
 * Keeps a rendered document once per notice: a second rendering (two workers, a list and the worker at the same
 * time) finds the row there and changes nothing, and answers whether its SHA-256 matches. The audit entry is written
 * with the row, and the notice is stamped rendered (its claim cleared), in the same transaction.
 */
export async function storeOfficialDocument(em: EntityManager, doc: RenderedDocument, at: Date): Promise<StoredDocument> {
  return em.transactional(async (tx): Promise<StoredDocument> => {
    const inserted = await tx.execute<{ id: string }[]>(
      `insert into official_document (id, notice_id, case_id, recipient_kind, recipient_id, kind, title, sha256, byte_size, content, issued_on, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (notice_id) do nothing returning id`,
      [
        randomUUID(),
        doc.notice.id,
        doc.notice.caseId,
        doc.notice.recipientKind,
        doc.notice.recipientId,
        doc.notice.kind,
        doc.title,
        doc.sha256,
        doc.pdf.byteLength,
        doc.pdf,
        doc.issuedOn,
        at,
      ],
    );
    await tx.execute('update notice_outbox set rendered_at = ?, render_claimed_until = null where id = ? and rendered_at is null', [at, doc.notice.id]);
    const [row] = inserted;
    if (!row) {
      const [kept] = await tx.execute<{ sha256: string }[]>('select sha256 from official_document where notice_id = ?', [doc.notice.id]);
      return kept?.sha256 === doc.sha256 ? 'kept' : 'differs';
    }
    await appendAudit(tx, {
      at,
      actorId: 'system',
      actorRole: 'system',
      region: doc.notice.region,
      action: 'document.rendered',
      objectType: 'OfficialDocument',
      objectId: row.id,
      requestId: null,
      detail: { caseId: doc.notice.caseId, noticeId: doc.notice.id, kind: doc.notice.kind, sha256: doc.sha256, byteSize: doc.pdf.byteLength },
      key: `document:${doc.notice.id}`,
    });
    return 'stored';
  });
}
