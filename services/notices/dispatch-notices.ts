import type { MikroORM } from '@mikro-orm/postgresql';
import type { NoticeChannel, OutgoingNotice } from '../adapters/notice-channel.js';

/**
 * Delivers what the outbox holds and stamps it dispatched, a batch at a time. Rows are locked with SKIP LOCKED so
 * several workers can run this side by side; a crash between delivery and stamping re-delivers, which the channel
 * tolerates (delivery is idempotent by notice id).
 */
export async function dispatchPendingNotices(orm: MikroORM, channel: NoticeChannel, batch = 200): Promise<number> {
  return orm.em.fork().transactional(async (em) => {
    const rows = await em.execute<
      {
        id: string;
        case_id: string;
        recipient_kind: 'citizen' | 'employer';
        recipient_id: string;
        channel: string;
        kind: string;
        payload: Record<string, unknown>;
        created_at: Date;
      }[]
    >(
      `select id, case_id, recipient_kind, recipient_id, channel, kind, payload, created_at from notice_outbox
       where dispatched_at is null order by created_at limit ? for update skip locked`,
      [batch],
    );
    if (rows.length === 0) return 0;
    const notices: OutgoingNotice[] = rows.map((row) => ({
      id: row.id,
      caseId: row.case_id,
      recipientKind: row.recipient_kind,
      recipientId: row.recipient_id,
      channel: row.channel,
      kind: row.kind,
      payload: row.payload,
      createdAt: new Date(row.created_at).toISOString(),
    }));
    await channel.deliver(notices);
    await em.execute(
      `update notice_outbox set dispatched_at = now() where id in (${rows.map(() => '?').join(', ')})`,
      rows.map((row) => row.id),
    );
    return rows.length;
  });
}
