import type { EntityManager } from '@mikro-orm/postgresql';
import type { TaskSpec } from '../domain/task.js';
import { appendAudit, appendTimeline } from '../db/writers/case-log.js';
import type { ActivityDeps } from './deps.js';

export interface OpenTaskInput {
  taskId: string;
  caseId: string;
  caseType: string;
  region: string;
  spec: TaskSpec;
  dueAt: string;
  /** Back to this holder when a case returns from the applicant; otherwise null (the task is available). */
  assignee?: string | null;
}

/**
 * The human-task side effects of the shared task helper (workflows/human-task.ts). Each is idempotent by the task ID
 * the workflow generated, and each writes the timeline and the audit log in the same transaction as the change.
 */
export function createTaskActivities({ orm, clock }: ActivityDeps) {
  const inTransaction = <T>(work: (em: EntityManager, at: Date) => Promise<T>): Promise<T> =>
    orm.em.fork().transactional((em) => work(em, clock.now()));

  const log = async (
    em: EntityManager,
    at: Date,
    entry: { taskId: string; caseId: string; region: string; action: string; actor?: string; detail?: Record<string, unknown> },
  ) => {
    const actor = entry.actor ?? 'system';
    await appendTimeline(em, {
      caseId: entry.caseId,
      key: `task:${entry.taskId}:${entry.action}`,
      at,
      actor,
      action: entry.action,
      taskId: entry.taskId,
      detail: entry.detail ?? {},
    });
    await appendAudit(em, {
      at,
      actorId: actor,
      actorRole: actor === 'system' ? 'system' : 'staff',
      region: entry.region,
      action: entry.action,
      objectType: 'Task',
      objectId: entry.taskId,
      detail: entry.detail ?? {},
      key: `task:${entry.taskId}:${entry.action}`,
    });
  };

  const caseOf = async (em: EntityManager, taskId: string) => {
    const rows = await em.execute<{ case_id: string; region: string }[]>('select case_id, region from task where id = ?', [taskId]);
    const row = rows[0];
    if (!row) throw new Error(`task ${taskId} does not exist`);
    return { caseId: row.case_id, region: row.region };
  };

  return {
    openTask: (input: OpenTaskInput): Promise<void> =>
      inTransaction(async (em, at) => {
        const assignee = input.assignee ?? null;
        await em.execute(
          `insert into task (id, case_id, case_type, step, permission, region, status, assignee, prepared_by, priority,
             due_at, sla_unit, sla_days, escalated, created_at, version)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, 1) on conflict (id) do nothing`,
          [
            input.taskId,
            input.caseId,
            input.caseType,
            input.spec.step,
            input.spec.permission,
            input.region,
            assignee ? 'claimed' : 'open',
            assignee,
            input.spec.preparedBy,
            input.spec.priority,
            new Date(input.dueAt),
            input.spec.slaUnit,
            input.spec.slaDays,
            at,
          ],
        );
        await log(em, at, {
          ...input,
          action: 'task.created',
          detail: { step: input.spec.step, permission: input.spec.permission, dueAt: input.dueAt },
        });
      }),

    closeTask: (input: { taskId: string; outcome: string; decidedBy: string; comment: string }): Promise<void> =>
      inTransaction(async (em, at) => {
        await em.execute(
          `update task set status = 'completed', outcome = ?, decided_by = ?, completed_at = ?, lease_expires_at = null,
             version = version + 1 where id = ? and status not in ('completed', 'cancelled')`,
          [input.outcome, input.decidedBy, at, input.taskId],
        );
        const { caseId, region } = await caseOf(em, input.taskId);
        await log(em, at, {
          taskId: input.taskId,
          caseId,
          region,
          actor: input.decidedBy,
          action: `task.${input.outcome}`,
          detail: { outcome: input.outcome, comment: input.comment },
        });
      }),

    /** SLA breach: the task goes to the supervisor's overdue queue (design.md "Tasks"). */
    escalateTask: (input: { taskId: string }): Promise<void> =>
      inTransaction(async (em, at) => {
        await em.execute(
          `update task set escalated = true, escalated_at = coalesce(escalated_at, ?), version = version + 1
           where id = ? and escalated = false`,
          [at, input.taskId],
        );
        const { caseId, region } = await caseOf(em, input.taskId);
        await log(em, at, { taskId: input.taskId, caseId, region, action: 'task.escalated', detail: { reason: 'SLA breached' } });
      }),

    /** Waiting on the applicant (补正材料): the SLA clock stops with the working days left. */
    holdTask: (input: { taskId: string; occurrence: number; outcome: string; decidedBy: string; comment: string; pausedWorkingDays: number }) =>
      inTransaction(async (em, at) => {
        await em.execute(
          `update task set status = 'waiting', paused_working_days = ?, lease_expires_at = null, outcome = ?, decided_by = ?,
             version = version + 1 where id = ? and status in ('open', 'claimed')`,
          [input.pausedWorkingDays, input.outcome, input.decidedBy, input.taskId],
        );
        const { caseId, region } = await caseOf(em, input.taskId);
        await log(em, at, {
          taskId: input.taskId,
          caseId,
          region,
          actor: input.decidedBy,
          action: `task.held.${input.occurrence}`,
          detail: { outcome: input.outcome, comment: input.comment, workingDaysLeft: input.pausedWorkingDays },
        });
      }),

    /** The applicant answered: the task comes back to its holder with the clock resumed from where it stopped. */
    resumeTask: (input: { taskId: string; occurrence: number; dueAt: string }) =>
      inTransaction(async (em, at) => {
        await em.execute(
          `update task set status = case when assignee is null then 'open' else 'claimed' end, due_at = ?,
             lease_expires_at = case when assignee is null then null else ?::timestamptz + interval '8 hours' end,
             paused_working_days = null, outcome = null, decided_by = null, version = version + 1
           where id = ? and status = 'waiting'`,
          [new Date(input.dueAt), at, input.taskId],
        );
        const { caseId, region } = await caseOf(em, input.taskId);
        await log(em, at, { taskId: input.taskId, caseId, region, action: `task.resumed.${input.occurrence}`, detail: { dueAt: input.dueAt } });
      }),

    cancelTask: (input: { taskId: string; reason: string }) =>
      inTransaction(async (em, at) => {
        await em.execute(
          `update task set status = 'cancelled', completed_at = ?, lease_expires_at = null, version = version + 1
           where id = ? and status not in ('completed', 'cancelled')`,
          [at, input.taskId],
        );
        const { caseId, region } = await caseOf(em, input.taskId);
        await log(em, at, { taskId: input.taskId, caseId, region, action: 'task.cancelled', detail: { reason: input.reason } });
      }),
  };
}
