import { listWorklist, type TaskView, type Worklist } from '../../db/queries/task.query.js';
import type { Action } from '../../policies/abilities.js';
import { accessibleFilter } from '../../policies/sql-scope.js';
import type { CommandContext } from '../command-context.js';
import { visibleTask } from './task-access.js';

export interface WorklistRequest {
  view: Worklist;
  caseType?: string;
  step?: string;
  limit: number;
  after?: { escalated: boolean; dueAt: string; id: string };
}

/**
 * A worklist page (待办 / 我的任务 / 团队 / 逾期), most urgent first, filtered in SQL by the same CASL rules the task
 * routes check each object with: `available` lists what the caller may claim, the others what they may read.
 */
export async function readWorklist(ctx: CommandContext, request: WorklistRequest): Promise<{ items: TaskView[]; more: boolean; last: TaskView | null }> {
  const action: Action = request.view === 'available' ? 'claim' : 'read';
  const page = await listWorklist(ctx.em, {
    view: request.view,
    scope: accessibleFilter(ctx.ability, action, 'Task'),
    actorId: ctx.actor.id,
    caseType: request.caseType,
    step: request.step,
    limit: request.limit,
    now: ctx.clock.now(),
    after: request.after,
  });
  return { items: page.items, more: page.more, last: page.items.at(-1) ?? null };
}

/** One task the caller may read (404 otherwise, like an unknown one). */
export const readTask = (ctx: CommandContext, taskId: string): Promise<TaskView> => visibleTask(ctx, taskId);
