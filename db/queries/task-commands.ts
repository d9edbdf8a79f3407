import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../domain/errors.js';
import { Task } from '../entities/index.js';
import { appendAudit, appendTimeline } from '../writers/case-log.js';
import { findTask, type TaskView } from './task.query.js';

export interface TaskActor {
  id: string;
  role: string;
  requestId?: string | null;
}

/** How long a claim holds before the task returns to the pool by itself (the lease sweeper releases it). */
export const CLAIM_LEASE_MS = 8 * 3_600_000;

interface ChangedRow {
  id: string;
  case_id: string;
  region: string;
  version: number;
}

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
      [actor.id, new Date(now.getTime() + CLAIM_LEASE_MS), taskId, now],
    );
    if (!row) {
      const current = await findTask(tx, taskId);
      if (current?.status === 'claimed' && current.assignee === actor.id) return current; // a retried claim
      return refuseChange(tx, taskId, actor, 'claim');
    }
    await record(tx, row, actor, now, 'task.claimed', {});
    return (await findTask(tx, taskId))!;
  });
}

/** Gives a claimed task back to the pool. The holder releases their own; a supervisor releases any. */
export async function releaseTask(em: EntityManager, taskId: string, actor: TaskActor, now: Date, anyHolder: boolean): Promise<TaskView> {
  return em.transactional(async (tx) => {
    const [row] = await tx.execute<ChangedRow[]>(
      `update task set status = 'open', assignee = null, lease_expires_at = null, version = version + 1
       where id = ? and status = 'claimed' and (assignee = ? or ?)
       returning id, case_id, region, version`,
      [taskId, actor.id, anyHolder],
    );
    if (!row) return refuseChange(tx, taskId, actor, 'release');
    await record(tx, row, actor, now, 'task.released', {});
    return (await findTask(tx, taskId))!;
  });
}

/** A supervisor moves a task to another person; the due date and the paused clock stay as they are. */
export async function reassignTask(
  em: EntityManager,
  taskId: string,
  to: string,
  reason: string,
  actor: TaskActor,
  now: Date,
): Promise<TaskView> {
  return em.transactional(async (tx) => {
    const [row] = await tx.execute<ChangedRow[]>(
      `update task set assignee = ?, status = case when status = 'waiting' then 'waiting' else 'claimed' end,
         lease_expires_at = case when status = 'waiting' then null else ?::timestamptz end, version = version + 1
       where id = ? and status in ('open', 'claimed', 'waiting')
       returning id, case_id, region, version`,
      [to, new Date(now.getTime() + CLAIM_LEASE_MS), taskId],
    );
    if (!row) return refuseChange(tx, taskId, actor, 'reassign');
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
    for (const row of rows) {
      await record(tx, row, { id: 'system', role: 'system' }, now, 'task.lease_expired', { holder: row.assignee });
    }
    return rows.length;
  });
}

async function record(
  em: EntityManager,
  row: ChangedRow,
  actor: TaskActor,
  at: Date,
  action: string,
  detail: Record<string, unknown>,
): Promise<void> {
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
async function refuseChange(em: EntityManager, taskId: string, actor: TaskActor, change: 'claim' | 'release' | 'reassign'): Promise<never> {
  const task = await em.findOne(Task, { id: taskId }, { refresh: true });
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
