import type { EntityManager } from '@mikro-orm/postgresql';

/** Appends a timeline line once: a retried write with the same key is ignored (the table is append-only). */
export async function appendTimeline(
  em: EntityManager,
  line: { caseId: string; key: string; at: Date; actor: string; action: string; taskId?: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  await em.execute(
    `insert into timeline_entry (case_id, at, actor, action, task_id, detail, dedupe_key)
     values (?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing`,
    [line.caseId, line.at, line.actor, line.action, line.taskId ?? null, JSON.stringify(line.detail ?? {}), line.key],
  );
}

export interface AuditLine {
  at: Date;
  actorId: string;
  actorRole: string;
  region: string | null;
  action: string;
  objectType: string;
  objectId: string;
  requestId?: string | null;
  detail?: Record<string, unknown>;
  /** Set by activities so a retry audits once; API writes leave it null. */
  key?: string | null;
}

/** Writes one audit entry (经办条例 arts. 36–38). Callers pass masked values only. */
export async function appendAudit(em: EntityManager, line: AuditLine): Promise<void> {
  await em.execute(
    `insert into audit_entry (at, actor_id, actor_role, region, action, object_type, object_id, request_id, detail, dedupe_key)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing`,
    [
      line.at,
      line.actorId,
      line.actorRole,
      line.region,
      line.action,
      line.objectType,
      line.objectId,
      line.requestId ?? null,
      JSON.stringify(line.detail ?? {}),
      line.key ?? null,
    ],
  );
}
