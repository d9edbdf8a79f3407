import type { CommandContext } from '../command-context.js';

/** Whom a notice goes to: a citizen by their ID number, an employer by its credit code. */
export interface NoticeRecipient {
  kind: 'citizen' | 'employer';
  id: string;
}

/**
 * The caller as a recipient of notices, from the token and never from the request: a citizen themself, an employer
 * agent their employer. Staff receive no notices (null); they follow cases through their worklists.
 */
export function noticeRecipientOf(actor: CommandContext['actor']): NoticeRecipient | null {
  if (actor.role === 'citizen') return { kind: 'citizen', id: actor.id };
  if (actor.role === 'employer' && actor.employer) return { kind: 'employer', id: actor.employer };
  return null;
}
