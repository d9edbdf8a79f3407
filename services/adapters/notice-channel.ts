import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A notice as the outbox holds it, ready for a channel (SMS gateway, letter print run, 政务 app push). */
export interface OutgoingNotice {
  id: string;
  caseId: string;
  recipientKind: 'citizen' | 'employer';
  recipientId: string;
  channel: string;
  kind: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

/** The port behind which notices leave the agency. Delivery must be idempotent by `id`. */
export interface NoticeChannel {
  deliver(notices: readonly OutgoingNotice[]): Promise<void>;
}

/**
 * A print-and-mail / SMS spool: one JSON line per notice appended to a file that the agency's letter or SMS service
 * picks up. Recipients are written as given (the spool is an internal, access-controlled hand-off).
 */
export class SpoolFileNoticeChannel implements NoticeChannel {
  constructor(private readonly file: string) {}

  async deliver(notices: readonly OutgoingNotice[]): Promise<void> {
    if (notices.length === 0) return;
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(this.file, notices.map((notice) => JSON.stringify(notice)).join('\n') + '\n', 'utf8');
  }
}

/** Keeps delivered notices in memory: for tests that assert what an applicant was told. */
export class MemoryNoticeChannel implements NoticeChannel {
  readonly delivered: OutgoingNotice[] = [];
  deliver(notices: readonly OutgoingNotice[]): Promise<void> {
    this.delivered.push(...notices);
    return Promise.resolve();
  }
}
