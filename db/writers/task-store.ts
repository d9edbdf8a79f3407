import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../domain/errors.js';
import { CLAIM_LEASE_MS, type TaskSpec } from '../../domain/task.js';
import { EXCEPTION_LINE } from '../queries/payroll.query.js';
import { findTask, type TaskView } from '../queries/task.query.js';
import { appendAudit, appendTimeline } from './case-log.js';

/**
 * The one module that writes the `task` table (docs/architecture.md "Tasks: the human part"). People change a task through the commands in
 * services/tasks (claim, release, reassign); the workflow changes it through the task activities (open, close, hold,
 * resume, escalate, retime, cancel). Every change is one conditional statement, bumps `version`, and lands on the
 * case timeline and in the audit log in the same transaction.
 */

export interface TaskActor {
  id: string;
  role: string;
  requestId?: string | null;
}

interface ChangedRow {
  id: string;
  case_id: string;
  region: string;
  version: number;
}

const SYSTEM: TaskActor = { id: 'system', role: 'system' };
const leaseUntil = (now: Date) => new Date(now.getTime() + CLAIM_LEASE_MS);

// ── Changes people make (services/tasks) ──────────────────────────────────────────────────────────────────────────

/**
 * Claims a task atomically: one conditional UPDATE, so of two caseworkers claiming at once exactly one wins.
 * A claim by the current holder is a no-op that returns the task (a retried request changes nothing).
 */
export async function claimTask(em: EntityManager, taskId: string, actor: TaskActor, now: Date): Promise<TaskView> {
  return em.transactional(async (tx) => {
    const [row] = await tx.execute<ChangedRow[]>(
      `update task set status = 'claimed', assignee = ?, lease_expires_at = ?, version = version + 1
       where id = ? and (status = 'open' or (status = 'claimed' and lease_expires_at < ?))
       returning id, case_id, region, version`,
      [actor.id, leaseUntil(now), taskId, now],
    );
    if (!row) {
      const current = await findTask(tx, taskId);
      if (current?.status === 'claimed' && current.assignee === actor.id) return current; // a retried claim
      return refuseChange(tx, taskId, 'claim');
    }
    await record(tx, row, actor, now, 'task.claimed', {});
    return (await findTask(tx, taskId))!;
  });
}

/** Gives a claimed task back to the pool. The holder releases their own; `anyHolder` (a supervisor) releases any. */
export async function releaseTask(em: EntityManager, taskId: string, actor: TaskActor, now: Date, anyHolder: boolean): Promise<TaskView> {
  return em.transactional(async (tx) => {
    const [row] = await tx.execute<ChangedRow[]>(
      `update task set status = 'open', assignee = null, lease_expires_at = null, version = version + 1
       where id = ? and status = 'claimed' and (assignee = ? or ?)
       returning id, case_id, region, version`,
      [taskId, actor.id, anyHolder],
    );
    if (!row) return refuseChange(tx, taskId, 'release');
    await record(tx, row, actor, now, 'task.released', {});
    return (await findTask(tx, taskId))!;
  });
}

/** A supervisor moves a task to another person; the due date and the paused clock stay as they are. */
export async function reassignTask(em: EntityManager, taskId: string, to: string, reason: string, actor: TaskActor, now: Date): Promise<TaskView> {
  return em.transactional(async (tx) => {
    const [row] = await tx.execute<ChangedRow[]>(
      `update task set assignee = ?, status = case when status = 'waiting' then 'waiting' else 'claimed' end,
         lease_expires_at = case when status = 'waiting' then null else ?::timestamptz end, version = version + 1
       where id = ? and status in ('open', 'claimed', 'waiting')
       returning id, case_id, region, version`,
      [to, leaseUntil(now), taskId],
    );
    if (!row) return refuseChange(tx, taskId, 'reassign');
    await record(tx, row, actor, now, 'task.reassigned', { to, reason });
    return (await findTask(tx, taskId))!;
  });
}

/** Frees tasks whose claim lease ran out, so work a person walked away from is visible again. */
export async function releaseExpiredLeases(em: EntityManager, now: Date): Promise<number> {
  return em.transactional(async (tx) => {
    const rows = await tx.execute<(ChangedRow & { assignee: string })[]>(
      `with expired as (
         select id, assignee from task where status = 'claimed' and lease_expires_at < ? for update skip locked)
       update task set status = 'open', assignee = null, lease_expires_at = null, version = task.version + 1
       from expired where task.id = expired.id
       returning task.id, task.case_id, task.region, task.version, expired.assignee`,
      [now],
    );
    for (const row of rows) await record(tx, row, SYSTEM, now, 'task.lease_expired', { holder: row.assignee });
    return rows.length;
  });
}

// ── Changes the workflow makes (activities/task.activities.ts) ─────────────────────────────────────────────────────

export interface OpenTaskRow {
  taskId: string;
  caseId: string;
  caseType: string;
  region: string;
  spec: TaskSpec;
  dueAt: Date;
  /** Counted over a year without its holiday calendar: computed again when the year is loaded. */
  provisional?: boolean;
  /** Back to this holder when a case returns from the applicant; otherwise null (the task is available). */
  assignee?: string | null;
}

/** Idempotent by the task ID the workflow generated: a retried activity finds the row it already wrote. */
export async function openTask(em: EntityManager, task: OpenTaskRow, now: Date): Promise<void> {
  const assignee = task.assignee ?? null;
  await em.execute(
    `insert into task (id, case_id, case_type, step, permission, region, status, assignee, prepared_by, accused_staff,
       earlier_deciders, priority, due_at, due_provisional, sla_unit, sla_days, escalated, created_at, version)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as text[]), cast(? as text[]), ?, ?, ?, ?, ?, false, ?, 1) on conflict (id) do nothing`,
    [
      task.taskId,
      task.caseId,
      task.caseType,
      task.spec.step,
      task.spec.permission,
      task.region,
      assignee ? 'claimed' : 'open',
      assignee,
      task.spec.preparedBy,
      textArray(task.spec.accusedStaff ?? []),
      textArray(task.spec.earlierDeciders ?? []),
      task.spec.priority,
      task.dueAt,
      task.provisional ?? false,
      task.spec.slaUnit,
      task.spec.slaDays,
      now,
    ],
  );
  await logByWorkflow(em, now, {
    ...task,
    action: 'task.created',
    detail: { step: task.spec.step, permission: task.spec.permission, dueAt: task.dueAt.toISOString() },
  });
}

export async function closeTask(em: EntityManager, change: { taskId: string; outcome: string; decidedBy: string; comment: string }, now: Date): Promise<void> {
  const row = await change1(
    em,
    `update task set status = 'completed', outcome = ?, decided_by = ?, completed_at = ?, lease_expires_at = null,
       version = version + 1 where id = ? and status not in ('completed', 'cancelled') returning id, case_id, region, version`,
    [change.outcome, change.decidedBy, now, change.taskId],
    change.taskId,
  );
  await logByWorkflow(em, now, {
    ...row,
    actor: change.decidedBy,
    action: `task.${change.outcome}`,
    detail: { outcome: change.outcome, comment: change.comment },
  });
}

/** SLA breach: the task goes to the supervisor's overdue queue (docs/architecture.md "Tasks: the human part"). */
export async function escalateTask(em: EntityManager, taskId: string, now: Date): Promise<void> {
  const row = await change1(
    em,
    `update task set escalated = true, escalated_at = coalesce(escalated_at, ?), version = version + 1
     where id = ? and escalated = false returning id, case_id, region, version`,
    [now, taskId],
    taskId,
  );
  await logByWorkflow(em, now, { ...row, action: 'task.escalated', detail: { reason: 'SLA breached' } });
}

/** Waiting on the applicant (补正材料): the SLA clock stops with the working days left. */
export async function holdTask(
  em: EntityManager,
  change: { taskId: string; occurrence: number; outcome: string; decidedBy: string; comment: string; pausedWorkingDays: number },
  now: Date,
): Promise<void> {
  const row = await change1(
    em,
    `update task set status = 'waiting', paused_working_days = ?, lease_expires_at = null, outcome = ?, decided_by = ?,
       version = version + 1 where id = ? and status in ('open', 'claimed') returning id, case_id, region, version`,
    [change.pausedWorkingDays, change.outcome, change.decidedBy, change.taskId],
    change.taskId,
  );
  await logByWorkflow(em, now, {
    ...row,
    actor: change.decidedBy,
    action: `task.held.${change.occurrence}`,
    detail: { outcome: change.outcome, comment: change.comment, workingDaysLeft: change.pausedWorkingDays },
  });
}

/** The applicant answered: the task comes back to its holder with the clock resumed from where it stopped. */
export async function resumeTask(
  em: EntityManager,
  change: { taskId: string; occurrence: number; dueAt: Date; provisional?: boolean },
  now: Date,
): Promise<void> {
  const row = await change1(
    em,
    `update task set status = case when assignee is null then 'open' else 'claimed' end, due_at = ?, due_provisional = ?,
       lease_expires_at = case when assignee is null then null else ?::timestamptz end,
       paused_working_days = null, outcome = null, decided_by = null, version = version + 1
     where id = ? and status = 'waiting' returning id, case_id, region, version`,
    [change.dueAt, change.provisional ?? false, leaseUntil(now), change.taskId],
    change.taskId,
  );
  await logByWorkflow(em, now, { ...row, action: `task.resumed.${change.occurrence}`, detail: { dueAt: change.dueAt.toISOString() } });
}

/**
 * A due date counted provisionally is computed again once its year's holiday calendar is loaded (issue "Calendars
 * never block"): the row follows the workflow's new deadline, and the timeline says why it moved. `occurrence` keys the
 * timeline line, so a retry lands once.
 */
export async function retimeTask(
  em: EntityManager,
  change: { taskId: string; dueAt: Date; provisional: boolean; occurrence: number; reason: string },
  now: Date,
): Promise<void> {
  const [before] = await em.execute<{ due_at: Date }[]>('select due_at from task where id = ?', [change.taskId]);
  const row = await change1(
    em,
    `update task set due_at = ?, due_provisional = ?, version = version + 1
     where id = ? and status not in ('completed', 'cancelled') returning id, case_id, region, version`,
    [change.dueAt, change.provisional, change.taskId],
    change.taskId,
    { allowNone: true },
  );
  if (!row) return;
  await logByWorkflow(em, now, {
    ...row,
    action: `task.retimed.${change.occurrence}`,
    detail: {
      from: before ? new Date(before.due_at).toISOString() : null,
      dueAt: change.dueAt.toISOString(),
      provisional: change.provisional,
      reason: change.reason,
    },
  });
}

export async function cancelTask(em: EntityManager, change: { taskId: string; reason: string }, now: Date): Promise<void> {
  const row = await change1(
    em,
    `update task set status = 'cancelled', completed_at = ?, lease_expires_at = null, version = version + 1
     where id = ? and status not in ('completed', 'cancelled') returning id, case_id, region, version`,
    [now, change.taskId],
    change.taskId,
  );
  await logByWorkflow(em, now, { ...row, action: 'task.cancelled', detail: { reason: change.reason } });
}

// ── Shared ────────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Runs one conditional change. When it matches nothing (a retried activity after the change committed) the row as it
 * is stands in for it, so the timeline and audit lines are written once, by their keys.
 */
async function change1(em: EntityManager, sql: string, params: unknown[], taskId: string): Promise<ChangedRow>;
async function change1(em: EntityManager, sql: string, params: unknown[], taskId: string, options: { allowNone: true }): Promise<ChangedRow | null>;
async function change1(em: EntityManager, sql: string, params: unknown[], taskId: string, options?: { allowNone: true }): Promise<ChangedRow | null> {
  const [row] = await em.execute<ChangedRow[]>(sql, params);
  if (row) return row;
  if (options?.allowNone) return null;
  const [current] = await em.execute<ChangedRow[]>('select id, case_id, region, version from task where id = ?', [taskId]);
  if (!current) throw new Error(`task ${taskId} does not exist`);
  return current;
}

/** A workflow-made change: keyed by task and action (the workflow never repeats an action on a task). */
async function logByWorkflow(
  em: EntityManager,
  at: Date,
  entry: { taskId?: string; id?: string; caseId?: string; case_id?: string; region: string; action: string; actor?: string; detail: Record<string, unknown> },
): Promise<void> {
  const taskId = entry.taskId ?? entry.id!;
  const caseId = entry.caseId ?? entry.case_id!;
  const actor = entry.actor ?? 'system';
  const key = `task:${taskId}:${entry.action}`;
  await appendTimeline(em, { caseId, key, at, actor, action: entry.action, taskId, detail: entry.detail });
  await appendAudit(em, {
    at,
    actorId: actor,
    actorRole: actor === 'system' ? 'system' : 'staff',
    region: entry.region,
    action: entry.action,
    objectType: 'Task',
    objectId: taskId,
    detail: entry.detail,
    key,
  });
}

/** A person-made change: keyed by the version it produced, so a repeated claim/release is its own line. */
async function record(em: EntityManager, row: ChangedRow, actor: TaskActor, at: Date, action: string, detail: Record<string, unknown>): Promise<void> {
  const key = `task:${row.id}:v${row.version}:${action}`;
  await appendTimeline(em, { caseId: row.case_id, key, at, actor: actor.id, action, taskId: row.id, detail });
  await appendAudit(em, {
    at,
    actorId: actor.id,
    actorRole: actor.role,
    region: row.region,
    action,
    objectType: 'Task',
    objectId: row.id,
    requestId: actor.requestId ?? null,
    detail,
    key,
  });
}

/** Says why a conditional update matched nothing, from the task as it is now. */
async function refuseChange(em: EntityManager, taskId: string, change: 'claim' | 'release' | 'reassign'): Promise<never> {
  const task = await findTask(em, taskId);
  if (!task) throw new DomainError('TASK_NOT_FOUND', `No task ${taskId}`);
  if (task.status === 'completed' || task.status === 'cancelled') {
    throw new DomainError('TASK_ALREADY_DECIDED', `task ${taskId} is already ${task.status}`);
  }
  if (change === 'claim' && task.status === 'claimed') {
    throw new DomainError('TASK_ALREADY_CLAIMED', `task ${taskId} is held by ${task.assignee ?? 'someone else'}`);
  }
  if (change === 'claim' && task.status === 'waiting') {
    throw new DomainError('TASK_ALREADY_CLAIMED', 'the case is waiting on the applicant; the task stays with its holder');
  }
  if (change === 'release') throw new DomainError('TASK_NOT_CLAIMED', `task ${taskId} is not claimed by you`);
  throw new DomainError('STALE_VERSION', `task ${taskId} changed meanwhile; reload it`);
}

/** A PostgreSQL array literal: drivers differ in how they bind a JS array, a string binds the same everywhere. */
function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

// ── Payroll line tasks (set-based) ───────────────────────────────────────────────────────────────────────────────

/**
 * Opens one task per payroll line in `lineStatus` that has none yet (待遇拨付: a held line, a line the bank returned
 * failed), in one statement: a payroll holds thousands of lines, never one activity per line. Idempotent: a line that
 * got its task keeps it. The timeline gets one line for the batch of tasks, the audit log one entry.
 */
export async function openPayrollLineTasks(
  em: EntityManager,
  batch: { caseId: string; region: string; lineStatus: 'held' | 'failed'; spec: TaskSpec; dueAt: Date; provisional: boolean; occurrence: number },
  now: Date,
): Promise<number> {
  const [row] = await em.execute<{ n: string }[]>(
    `with lines as (select id, gen_random_uuid() as task_id from payroll_line where payroll_id = ? and ${EXCEPTION_LINE} and status = ? and task_id is null for update),
       tasks as (insert into task (id, case_id, case_type, step, permission, region, status, assignee, prepared_by, accused_staff,
                   earlier_deciders, priority, due_at, due_provisional, sla_unit, sla_days, escalated, created_at, version)
                 select task_id, ?, 'payroll', ?, ?, ?, 'open', null, ?, '{}', '{}', ?, ?, ?, ?, ?, false, ?, 1 from lines returning id),
       linked as (update payroll_line l set task_id = lines.task_id from lines where l.id = lines.id returning l.id)
     select count(*) as n from linked`,
    [
      batch.caseId,
      batch.lineStatus,
      batch.caseId,
      batch.spec.step,
      batch.spec.permission,
      batch.region,
      batch.spec.preparedBy,
      batch.spec.priority,
      batch.dueAt,
      batch.provisional,
      batch.spec.slaUnit,
      batch.spec.slaDays,
      now,
    ],
  );
  const opened = Number(row!.n);
  if (opened > 0) {
    const key = `${batch.caseId}:tasks:${batch.spec.step}:${batch.occurrence}`;
    const detail = { step: batch.spec.step, tasks: opened, dueAt: batch.dueAt.toISOString() };
    await appendTimeline(em, { caseId: batch.caseId, key, at: now, actor: 'system', action: 'task.created', detail });
    await appendAudit(em, {
      at: now,
      actorId: 'system',
      actorRole: 'system',
      region: batch.region,
      action: 'task.created',
      objectType: 'Case',
      objectId: batch.caseId,
      detail,
      key,
    });
  }
  return opened;
}
