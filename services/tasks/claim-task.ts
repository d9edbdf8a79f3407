import type { TaskView } from '../../db/queries/task.query.js';
import { taskSubjectOf } from '../../db/queries/task.query.js';
import { claimTask as claim } from '../../db/writers/task-store.js';
import { authorize } from '../authorization.js';
import { auditActor, type CommandContext } from '../command-context.js';
import { visibleTask } from './task-access.js';

/**
 * 领取: takes an open task for oneself (docs/architecture.md "Tasks: the human part"). The CASL check looks at the task as if it were open — who
 * holds it now is for the conditional UPDATE to decide atomically (of two simultaneous claims exactly one wins, the
 * other gets TASK_ALREADY_CLAIMED), so a stale read never decides a race. A repeated claim by the holder is a no-op.
 */
export async function claimTask(ctx: CommandContext, taskId: string): Promise<TaskView> {
  const task = await visibleTask(ctx, taskId);
  const asIfOpen = task.status === 'open' ? task : { ...task, status: 'open' as const, assignee: null };
  authorize(ctx, 'claim', 'Task', taskSubjectOf(asIfOpen));
  return claim(ctx.em, task.taskId, auditActor(ctx), ctx.clock.now());
}
