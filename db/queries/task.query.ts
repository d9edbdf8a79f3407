import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { TaskPermission, TaskStatus } from '../../policies/subjects.js';
import { CaseRecord, Task } from '../entities/index.js';
import type { ITask } from '../entities/task.entity.js';

/** What the API and CASL see of a task: a whitelisted DTO, never the entity. */
export interface TaskView {
  taskId: string;
  caseId: string;
  caseReference: string | null;
  caseType: string;
  step: string;
  permission: TaskPermission;
  region: string;
  status: TaskStatus;
  assignee: string | null;
  leaseExpiresAt: string | null;
  preparedBy: string | null;
  accusedStaff: string[];
  earlierDeciders: string[];
  priority: number;
  dueAt: string;
  dueProvisional: boolean;
  slaUnit: 'working' | 'calendar';
  escalated: boolean;
  createdAt: string;
  completedAt: string | null;
  outcome: string | null;
  decidedBy: string | null;
  version: number;
}

export function toTaskView(task: ITask, caseReference: string | null = null): TaskView {
  return {
    taskId: task.id,
    caseId: task.caseId,
    caseReference,
    caseType: task.caseType,
    step: task.step,
    permission: task.permission as TaskPermission,
    region: task.region,
    status: task.status,
    assignee: task.assignee ?? null,
    leaseExpiresAt: task.leaseExpiresAt?.toISOString() ?? null,
    preparedBy: task.preparedBy ?? null,
    accusedStaff: task.accusedStaff ?? [],
    earlierDeciders: task.earlierDeciders ?? [],
    priority: task.priority,
    dueAt: task.dueAt.toISOString(),
    dueProvisional: task.dueProvisional,
    slaUnit: task.slaUnit,
    escalated: task.escalated,
    createdAt: task.createdAt.toISOString(),
    completedAt: task.completedAt?.toISOString() ?? null,
    outcome: task.outcome ?? null,
    decidedBy: task.decidedBy ?? null,
    version: task.version,
  };
}

/** The CASL subject of a task (field names are the entity's, see policies/subjects.ts). */
export function taskSubjectOf(view: TaskView) {
  return {
    id: view.taskId,
    caseId: view.caseId,
    caseType: view.caseType,
    region: view.region,
    step: view.step,
    permission: view.permission,
    status: view.status,
    assignee: view.assignee,
    preparedBy: view.preparedBy,
    accusedStaff: view.accusedStaff,
    earlierDeciders: view.earlierDeciders,
    escalated: view.escalated,
  };
}

export async function findTask(em: EntityManager, taskId: string): Promise<TaskView | null> {
  const task = await em.findOne(Task, { id: taskId }, { refresh: true });
  if (!task) return null;
  const record = await em.findOne(CaseRecord, { id: task.caseId }, { fields: ['reference'] });
  return toTaskView(task, record?.reference ?? null);
}

export type Worklist = 'available' | 'mine' | 'team' | 'overdue';

export interface WorklistQuery {
  view: Worklist;
  /** The caller's scope for the view, from policies/sql-scope.ts; null = nothing visible. */
  scope: Record<string, unknown> | null;
  actorId: string;
  caseType?: string;
  step?: string;
  limit: number;
  /** Keyset after (escalated, dueAt, id) of the last row of the previous page. */
  after?: { escalated: boolean; dueAt: string; id: string };
  now: Date;
}

const ACTIVE: TaskStatus[] = ['open', 'claimed', 'waiting'];

/**
 * A worklist page, most urgent first (escalated, then the nearest due date), filtered in SQL by the same CASL rules
 * the API checks objects with, and paged by keyset so page 500 costs what page 1 does.
 */
export async function listWorklist(em: EntityManager, q: WorklistQuery): Promise<{ items: TaskView[]; more: boolean }> {
  if (q.scope === null) return { items: [], more: false };
  const where: FilterQuery<ITask>[] = [q.scope];
  switch (q.view) {
    case 'available':
      where.push({ status: 'open' });
      break;
    case 'mine':
      where.push({ assignee: q.actorId, status: { $in: ['claimed', 'waiting'] } });
      break;
    case 'team':
      where.push({ status: { $in: ACTIVE } });
      break;
    case 'overdue':
      where.push({ status: { $in: ['open', 'claimed'] }, $or: [{ escalated: true }, { dueAt: { $lt: q.now } }] });
      break;
  }
  if (q.caseType) where.push({ caseType: q.caseType });
  if (q.step) where.push({ step: q.step });
  if (q.after) {
    const { escalated, dueAt, id } = q.after;
    const due = new Date(dueAt);
    where.push({
      $or: [{ escalated: { $lt: escalated } }, { escalated, dueAt: { $gt: due } }, { escalated, dueAt: due, id: { $gt: id } }],
    });
  }
  const rows = await em.find(
    Task,
    { $and: where },
    {
      orderBy: [{ escalated: 'desc' }, { dueAt: 'asc' }, { id: 'asc' }],
      limit: q.limit + 1,
    },
  );
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  const references = await caseReferences(
    em,
    page.map((row) => row.caseId),
  );
  return { items: page.map((row) => toTaskView(row, references.get(row.caseId) ?? null)), more };
}

async function caseReferences(em: EntityManager, caseIds: string[]): Promise<Map<string, string>> {
  if (caseIds.length === 0) return new Map();
  const rows = await em.find(CaseRecord, { id: { $in: [...new Set(caseIds)] } }, { fields: ['id', 'reference'] });
  return new Map(rows.map((row) => [row.id, row.reference]));
}
