import { taskSubjectOf, type TaskView } from '../../db/queries/task.query.js';
import { releaseTask as release } from '../../db/writers/task-store.js';
import { may } from '../authorization.js';
import { auditActor, type CommandContext } from '../command-context.js';
import { authorizedTask } from './task-access.js';

/** 放回: gives a claimed task back to the pool — the holder their own, a supervisor (who may reassign it) any. */
export async function releaseTask(ctx: CommandContext, taskId: string): Promise<TaskView> {
  const task = await authorizedTask(ctx, taskId, 'release');
  const anyHolder = may(ctx, 'reassign', 'Task', taskSubjectOf(task));
  return release(ctx.em, task.taskId, auditActor(ctx), ctx.clock.now(), anyHolder);
}
