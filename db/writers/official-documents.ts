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

export interface RenderedDocument {
  notice: UnprintedNotice;
  title: string;
  issuedOn: string;
  pdf: Buffer;
  sha256: string;
}

/**
 * Keeps a rendered document once per notice: a second rendering (two workers, a list and the worker at the same
 * time) finds the row there and changes nothing. The audit entry is written with the row, and the notice is stamped
 * rendered, in the same transaction.
 */
export async function storeOfficialDocument(em: EntityManager, doc: RenderedDocument, at: Date): Promise<void> {
  await em.transactional(async (tx) => {
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
    await tx.execute('update notice_outbox set rendered_at = ? where id = ? and rendered_at is null', [at, doc.notice.id]);
    const [row] = inserted;
    if (!row) return;
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
  });
}
