import { taskSubjectOf, findTask, type TaskView } from '../../db/queries/task.query.js';
import { DomainError } from '../../domain/errors.js';
import type { Action } from '../../policies/abilities.js';
import { authorize, may } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/**
 * A task the caller may read — otherwise the same TASK_NOT_FOUND an unknown task gets, so task IDs cannot be probed.
 * The task row carries everything its visibility depends on (region, the accused staff of a whistle-blowing petition),
 * so the CASL check on the row is the whole rule (policies/task-prohibitions.ts).
 */
export async function visibleTask(ctx: CommandContext, taskId: string): Promise<TaskView> {
  const task = await findTask(ctx.em, taskId);
  if (!task || !may(ctx, 'read', 'Task', taskSubjectOf(task))) throw new DomainError('TASK_NOT_FOUND', `No task ${taskId}`);
  return task;
}

/** A visible task on which the caller may do `action`; the refusal is typed (FOUR_EYES, NOT_TASK_HOLDER, FORBIDDEN…). */
export async function authorizedTask(ctx: CommandContext, taskId: string, action: Action): Promise<TaskView> {
  const task = await visibleTask(ctx, taskId);
  authorize(ctx, action, 'Task', taskSubjectOf(task));
  return task;
}
