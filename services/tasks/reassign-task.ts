import type { TaskView } from '../../db/queries/task.query.js';
import { reassignTask as reassign } from '../../db/writers/task-store.js';
import { DomainError, type DomainErrorCode } from '../../domain/errors.js';
import { auditActor, type CommandContext } from '../command-context.js';
import { authorizedTask } from './task-access.js';

/** 转派: a supervisor moves a task to another person; its due date (and a paused clock) stay as they are. */
export async function reassignTask(ctx: CommandContext, taskId: string, to: { assignee: string; reason: string }): Promise<TaskView> {
  const task = await authorizedTask(ctx, taskId, 'reassign');
  return reassign(ctx.em, task.taskId, to.assignee, to.reason, auditActor(ctx), ctx.clock.now());
}

export interface ReassignResult {
  taskId: string;
  ok: boolean;
  error?: { code: DomainErrorCode; detail: string };
}

/** 批量转派: each task on its own (one refusal does not stop the others), with a result per task in the order given. */
export async function reassignTasks(ctx: CommandContext, taskIds: readonly string[], to: { assignee: string; reason: string }): Promise<ReassignResult[]> {
  const results: ReassignResult[] = [];
  for (const taskId of taskIds) {
    try {
      await reassignTask(ctx, taskId, to);
      results.push({ taskId, ok: true });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ taskId, ok: false, error: { code: error.code, detail: error.message } });
    }
  }
  return results;
}
