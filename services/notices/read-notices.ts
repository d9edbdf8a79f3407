import { listNotices, type NoticeView } from '../../db/queries/notice.query.js';
import { DomainError } from '../../domain/errors.js';
import type { CommandContext } from '../command-context.js';
import { noticeRecipientOf } from './notice-recipient.js';

export type { NoticeView } from '../../db/queries/notice.query.js';

/**
 * The caller's own notices, newest first (GET /v1/notices): a citizen's to their ID number, an employer agent's to their
 * employer. The recipient comes from the token, never from the request. Staff receive none — they follow cases
 * through their worklists (403).
 */
export async function readNotices(
  ctx: CommandContext,
  page: { limit: number; before?: { createdAt: Date; id: string } },
): Promise<{ items: NoticeView[]; more: boolean }> {
  const { actor } = ctx;
  const recipient = noticeRecipientOf(actor);
  if (!recipient) throw new DomainError('FORBIDDEN', 'Notices go to citizens and employers; staff follow cases through their worklists');
  return listNotices(ctx.em, { recipient, limit: page.limit, before: page.before });
}
