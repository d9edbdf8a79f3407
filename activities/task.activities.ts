import type { EntityManager } from '@mikro-orm/postgresql';
import type { TaskSpec } from '../domain/task.js';
import * as tasks from '../db/writers/task-store.js';
import type { ActivityDeps } from './deps.js';

export interface OpenTaskInput {
  taskId: string;
  caseId: string;
  caseType: string;
  region: string;
  spec: TaskSpec;
  dueAt: string;
  /** Counted over a year without its holiday calendar (computed again when the year is loaded). */
  provisional?: boolean;
  /** Back to this holder when a case returns from the applicant; otherwise null (the task is available). */
  assignee?: string | null;
}

/**
 * The human-task side effects of the shared task helper (workflows/human-task.ts). Each is idempotent by the task ID
 * the workflow generated; the one module that writes the task table (db/writers/task-store.ts) also writes the
 * timeline and the audit log in the same transaction.
 */
export function createTaskActivities({ orm, clock }: ActivityDeps) {
  const inTransaction = (work: (em: EntityManager, at: Date) => Promise<void>): Promise<void> => orm.em.fork().transactional((em) => work(em, clock.now()));
  return {
    openTask: (input: OpenTaskInput) => inTransaction((em, at) => tasks.openTask(em, { ...input, dueAt: new Date(input.dueAt) }, at)),
    closeTask: (input: { taskId: string; outcome: string; decidedBy: string; comment: string }) => inTransaction((em, at) => tasks.closeTask(em, input, at)),
    escalateTask: (input: { taskId: string }) => inTransaction((em, at) => tasks.escalateTask(em, input.taskId, at)),
    holdTask: (input: { taskId: string; occurrence: number; outcome: string; decidedBy: string; comment: string; pausedWorkingDays: number }) =>
      inTransaction((em, at) => tasks.holdTask(em, input, at)),
    resumeTask: (input: { taskId: string; occurrence: number; dueAt: string; provisional?: boolean }) =>
      inTransaction((em, at) => tasks.resumeTask(em, { ...input, dueAt: new Date(input.dueAt) }, at)),
    retimeTask: (input: { taskId: string; dueAt: string; provisional: boolean; occurrence: number; reason: string }) =>
      inTransaction((em, at) => tasks.retimeTask(em, { ...input, dueAt: new Date(input.dueAt) }, at)),
    cancelTask: (input: { taskId: string; reason: string }) => inTransaction((em, at) => tasks.cancelTask(em, input, at)),
  };
}
