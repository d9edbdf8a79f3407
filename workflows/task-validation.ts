import { OUTCOMES_NEEDING_REASON, type TaskCompletion, type TaskSpec } from '../domain/task.js';
import { taskProhibitionFor } from '../policies/task-prohibitions.js';
import { refuse } from './messages.js';

/**
 * The desk's rules for a decision, checked before anything reaches history (workflows/human-task.ts): the task is the
 * open one and not decided yet, the person is not one the task prohibits (four eyes, the staff member a petition
 * accuses — policies/task-prohibitions.ts, the same rule CASL applies), the step takes the outcome, a refusal gives a
 * reason. Pure: throws the typed refusal.
 */
export function validateTaskDecision(open: { taskId: string; spec: TaskSpec; held: boolean } | null, pending: boolean, completion: TaskCompletion): void {
  if (!open || open.held || open.taskId !== completion.taskId || pending) {
    throw refuse('TASK_ALREADY_DECIDED', `task ${completion.taskId} is not open for a decision`);
  }
  const prohibited = taskProhibitionFor(open.spec, completion.actorId);
  if (prohibited) throw refuse(prohibited.code, prohibited.reason);
  if (!open.spec.outcomes.includes(completion.outcome)) {
    throw refuse('OUTCOME_NOT_ALLOWED', `step ${open.spec.step} takes ${open.spec.outcomes.join(', ')}, not "${completion.outcome}"`);
  }
  if (OUTCOMES_NEEDING_REASON.has(completion.outcome) && completion.comment.trim() === '') {
    throw refuse('OUTCOME_NOT_ALLOWED', `"${completion.outcome}" needs a reason in comment`);
  }
}
