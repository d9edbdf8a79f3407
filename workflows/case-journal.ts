import type { TimelineLine } from '../domain/case/case-projection.js';
import type { NoticeRequest } from '../domain/case/notice-request.js';

/**
 * The timeline lines and notices a case gathers while its effects run. They are written with the next projection, in
 * the same transaction as the change they report (the outbox pattern): `take()` hands them over and starts afresh.
 */
export class CaseJournal {
  private readonly lines: TimelineLine[] = [];
  private readonly notices: NoticeRequest[] = [];

  constructor(private readonly caseId: string) {}

  /** A timeline line under its own idempotency key (the projection writes a key once). */
  line(key: string, action: string, detail: Record<string, unknown>, actor = 'system'): void {
    this.lines.push({ caseId: this.caseId, key, actor, action, detail });
  }

  /** A notice to the person the case is about (or to the employer that filed it). */
  notice(key: string, recipientId: string, kind: string, payload: Record<string, unknown>, recipientKind: NoticeRequest['recipientKind'] = 'citizen'): void {
    this.notices.push({ caseId: this.caseId, key, recipientKind, recipientId, kind, payload });
  }

  /** What was gathered since the last projection, for `projectCase`. */
  take(): { timeline: TimelineLine[]; notices: NoticeRequest[] } {
    return { timeline: this.lines.splice(0), notices: this.notices.splice(0) };
  }
}
