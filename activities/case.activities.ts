import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CaseProjection, TimelineLine } from '../domain/case/case-projection.js';
import type { NoticeRequest } from '../domain/case/notice-request.js';
import { appendAudit, appendTimeline } from '../db/writers/case-log.js';
import type { ActivityDeps } from './deps.js';

export function createCaseActivities({ orm, clock }: ActivityDeps) {
  return {
    /** Writes the workflow's view of the case into the read model; an older version never overwrites a newer one. */
    projectCase: async (projection: CaseProjection & { timeline?: readonly TimelineLine[]; notices?: readonly NoticeRequest[] }): Promise<void> => {
      const at = clock.now();
      await orm.em.fork().transactional(async (em) => {
        // Lines and notices that report this change commit with it (each idempotent by its key).
        for (const line of projection.timeline ?? []) await appendTimeline(em, { ...line, at });
        for (const notice of projection.notices ?? []) await insertNotice(em, notice, at);
        const [before] = await em.execute<{ status: string }[]>('select status from case_record where id = ? for update', [projection.caseId]);
        const updated = await em.execute(
          `update case_record set status = ?, status_version = ?, deadlines = ?, allowed_events = ?,
             summary = ?, closed_at = case when ? then coalesce(closed_at, ?) else null end,
             last_progress_at = case when status <> ? then ? else last_progress_at end
           where id = ? and status_version < ?`,
          [
            projection.status,
            projection.version,
            JSON.stringify(projection.deadlines),
            JSON.stringify(projection.allowedEvents),
            JSON.stringify(projection.summary),
            projection.closed,
            at,
            projection.status,
            at,
            projection.caseId,
            projection.version,
          ],
          'run',
        );
        if ((updated as { affectedRows?: number }).affectedRows) {
          if (before?.status !== projection.status) {
            // The status line citizens and staff read on the timeline; the version makes a retry land once.
            await appendTimeline(em, {
              caseId: projection.caseId,
              key: `${projection.caseId}:status:v${projection.version}`,
              at,
              actor: 'system',
              action: `status.${projection.status}`,
              detail: { from: before?.status ?? null },
            });
          }
          await appendAudit(em, {
            at,
            actorId: 'system',
            actorRole: 'system',
            region: null,
            action: 'case.status',
            objectType: 'Case',
            objectId: projection.caseId,
            detail: { status: projection.status, version: projection.version },
            key: `case:${projection.caseId}:v${projection.version}`,
          });
        }
      });
    },

    appendTimeline: async (line: TimelineLine): Promise<void> => {
      await appendTimeline(orm.em.fork(), { ...line, at: clock.now() });
    },

    /** Puts a notice in the outbox (the dispatcher delivers it through the notice channel). */
    sendNotice: async (notice: NoticeRequest): Promise<void> => {
      await insertNotice(orm.em.fork(), notice, clock.now());
    },
  };
}

async function insertNotice(em: EntityManager, notice: NoticeRequest, at: Date): Promise<void> {
  await em.execute(
    `insert into notice_outbox (id, case_id, recipient_kind, recipient_id, channel, kind, payload, created_at, dedupe_key)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing`,
    [
      randomUUID(),
      notice.caseId,
      notice.recipientKind,
      notice.recipientId,
      notice.recipientKind === 'citizen' ? 'sms' : 'portal',
      notice.kind,
      JSON.stringify(notice.payload),
      at,
      notice.key,
    ],
  );
}
