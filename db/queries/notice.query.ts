import type { EntityManager } from '@mikro-orm/postgresql';

/** One notice as its recipient sees it (the outbox row's delivery bookkeeping stays in db/). */
export interface NoticeView {
  id: string;
  caseId: string;
  kind: string;
  channel: string;
  createdAt: string;
  payload: Record<string, unknown>;
}

export interface NoticeQuery {
  /** Whose notices: the caller's own recipient key, never a parameter the caller chooses. */
  recipient: { kind: 'citizen' | 'employer'; id: string };
  limit: number;
  /** Keyset: rows older than this (created_at desc, id desc). */
  before?: { createdAt: Date; id: string };
}

/** The recipient's notices from notice_outbox, newest first, scoped in SQL to that one recipient. */
export async function listNotices(em: EntityManager, q: NoticeQuery): Promise<{ items: NoticeView[]; more: boolean }> {
  const params: unknown[] = [q.recipient.kind, q.recipient.id];
  let keyset = '';
  if (q.before) {
    keyset = 'and (created_at, id) < (?, ?)';
    params.push(q.before.createdAt, q.before.id);
  }
  params.push(q.limit + 1);
  const rows = await em.execute<{ id: string; case_id: string; kind: string; channel: string; created_at: Date; payload: Record<string, unknown> }[]>(
    `select id, case_id, kind, channel, created_at, payload from notice_outbox
      where recipient_kind = ? and recipient_id = ? ${keyset}
      order by created_at desc, id desc limit ?`,
    params,
  );
  return {
    items: rows.slice(0, q.limit).map((row) => ({
      id: row.id,
      caseId: row.case_id,
      kind: row.kind,
      channel: row.channel,
      createdAt: new Date(row.created_at).toISOString(),
      payload: row.payload,
    })),
    more: rows.length > q.limit,
  };
}
