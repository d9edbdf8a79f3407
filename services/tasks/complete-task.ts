import type { TaskView } from '../../db/queries/task.query.js';
import { DomainError } from '../../domain/errors.js';
import { CHASE_CASE_TYPE } from '../../domain/payroll/missed-instalments.js';
import type { CaseView } from '../../workflows/index.js';
import type { CommandContext } from '../command-context.js';
import { checkSelfDealing } from '../supervision/self-dealing-control.js';
import { authorizedTask } from './task-access.js';

export interface Decision {
  outcome: string;
  comment: string;
  data: Record<string, unknown>;
}

/**
 * 办结: the holder's decision on a task (docs/architecture.md "Tasks: the human part"). CASL checks the row (holder, step permission, four eyes,
 * accused staff); the case workflow's validator checks the case (the task still open, the outcome possible now, a
 * reason where one is needed) before anything reaches history, and answers once the decision is applied. The task's
 * new state comes from the workflow; the same request retried carries the same update ID and is applied once. Once
 * applied, the self-dealing control looks at who decided (docs/supervision.md).
 */
export async function completeTask(ctx: CommandContext, taskId: string, decision: Decision): Promise<{ task: TaskView; case: CaseView }> {
  const task = await authorizedTask(ctx, taskId, 'complete');
  if (task.caseType === CHASE_CASE_TYPE) {
    // A recovery is no workflow case: its chase is decided on the recovery, which closes this task (docs/payroll.md).
    throw new DomainError(
      'NOT_ALLOWED_NOW',
      `task ${task.taskId} chases a missed instalment: decide it on the recovery (POST /v1/overpayment-recoveries/{id}/chase or …/instalment-plan)`,
      {
        path: 'taskId',
      },
    );
  }
  if (task.status !== 'claimed') {
    throw new DomainError(task.status === 'open' ? 'TASK_NOT_CLAIMED' : 'TASK_ALREADY_DECIDED', `task ${task.taskId} is ${task.status}; claim it first`);
  }
  const view = await ctx.workflows.completeTask(
    task.caseId,
    { taskId: task.taskId, ...decision, actorId: ctx.actor.id, actorRole: ctx.actor.role },
    task.version,
  );
  const applied = view.lastDecision;
  if (applied?.taskId !== task.taskId) throw new Error(`case ${task.caseId} answered the decision on ${task.taskId} without applying it`);
  await checkSelfDealing(ctx, task);
  return { task: { ...task, status: applied.taskStatus, version: task.version + 1 }, case: view };
}
