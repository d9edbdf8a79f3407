import * as wf from '@temporalio/workflow';
import type { TaskCompletion } from '../domain/task.js';
import type { HumanTaskDesk } from './human-task.js';
import { type CaseView, completeTask, refuse } from './messages.js';

/**
 * The `completeTask` Update, registered the same way by every case type (docs/architecture.md "Tasks: the human part"):
 * - the validator runs the desk's rules (open task, four eyes, accused staff, outcome, reason) and then the step's own,
 *   so a refused decision never reaches history;
 * - the handler hands the decision to the desk and answers once the workflow has applied it — the task row closed or
 *   put on hold and the lifecycle moved. What follows (records, notices, the read model) runs on without keeping the
 *   caseworker waiting.
 *
 * `appliedVersion()` is the case version right after the last decision was applied; cases started before this rule
 * answered after their follow-up effects instead, and pass that version (see `wf.patched` in their workflow).
 * The case view says with `settled` whether the follow-up of the last decision has run (`followUpDone`).
 */
export function handleTaskDecisions(options: {
  desk: () => HumanTaskDesk | null;
  validateStep: (completion: TaskCompletion) => void;
  version: () => number;
  appliedVersion: () => number;
  view: () => CaseView;
}): void {
  wf.setHandler(
    completeTask,
    async (completion) => {
      const desk = options.desk()!; // the desk of this step: a case may open the next step's desk meanwhile
      desk.accept(completion);
      const before = options.version();
      await wf.condition(() => options.appliedVersion() > before);
      return { ...options.view(), lastDecision: desk.lastApplied };
    },
    {
      validator: (completion: TaskCompletion) => {
        const desk = options.desk();
        if (!desk) throw refuse('TASK_ALREADY_DECIDED', `task ${completion.taskId} is not open for a decision`);
        desk.validate(completion);
        options.validateStep(completion);
      },
    },
  );
}

/**
 * Lets the answer to the decision just applied leave before the case's follow-up. An Update's answer travels with the
 * completion of the workflow task that applied it, and a local activity keeps its workflow task open until it
 * finishes: without a new workflow task, the caseworker would wait for the records, the read model and the notices
 * the decision leads to (docs/performance.md "Task decisions"). A 1 ms timer ends the workflow task here; the
 * follow-up runs in the next one, and the case view says `settled: false` until it has. Cases that recorded their
 * decisions before this change go on without the timer, so their histories replay alike.
 */
export async function answerBeforeFollowUp(): Promise<void> {
  if (wf.patched('decision-answered-before-follow-up')) await wf.sleep(1);
}

/**
 * The case view's `settled`: the follow-up of the last decision has run — its effects and the read model written
 * (`settled`, the version the read model last took, has reached `decided`, the version right after the decision) —
 * so the next task, if any, is open, and the case waits for someone or something again.
 */
export function followUpDone(c: { decided: number; settled: number }): boolean {
  return c.settled >= c.decided;
}
