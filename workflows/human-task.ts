import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { CalendarYear } from '../domain/calendar/holiday-calendar.js';
import { shanghaiDateOf } from '../domain/calendar/local-date.js';
import type { CaseDeadline } from '../domain/case/case-projection.js';
import { computeDeadline, toShanghaiIso, workingDaysLeft } from '../domain/case/deadline-clock.js';
import { OUTCOMES_NEEDING_REASON, type TaskCompletion, type TaskSpec } from '../domain/task.js';
import { refuse } from './messages.js';

type TaskActivities = Pick<Activities, 'openTask' | 'closeTask' | 'escalateTask' | 'holdTask' | 'resumeTask' | 'cancelTask'>;

interface ActiveTask {
  taskId: string;
  spec: TaskSpec;
  dueDate: string;
  dueAtMs: number;
  provisional: boolean;
  escalated: boolean;
  held: boolean;
  /** Working days left on the SLA while the clock is paused. */
  pausedWorkingDays: number | null;
  holds: number;
  lastDecision: TaskCompletion | null;
}

/**
 * The shared human-task helper (design.md "Tasks"): opens one task at a time, waits for the decision that arrives
 * through the `completeTask` Update, escalates on SLA breach, pauses the clock while the applicant is asked for
 * corrections and resumes it with the time that was left. Workflow code: workflow clock only, effects through
 * activities.
 */
export class HumanTaskDesk {
  private active: ActiveTask | null = null;
  private decision: TaskCompletion | null = null;

  constructor(
    private readonly caseRef: { caseId: string; caseType: string; region: string },
    private readonly calendar: readonly CalendarYear[],
    private readonly acts: TaskActivities,
  ) {}

  get openTaskId(): string | null {
    return this.active && !this.active.held ? this.active.taskId : null;
  }

  get heldTaskId(): string | null {
    return this.active?.held ? this.active.taskId : null;
  }

  /** The SLA deadline of the open task, for the case page; none while the clock is paused. */
  deadline(name: string): CaseDeadline | null {
    if (!this.active || this.active.held) return null;
    return {
      name,
      dueDate: this.active.dueDate,
      dueAt: toShanghaiIso(this.active.dueAtMs),
      unit: this.active.spec.slaUnit,
      ...(this.active.provisional ? { provisional: true } : {}),
    };
  }

  async open(spec: TaskSpec): Promise<string> {
    const taskId = wf.uuid4(); // generated here, so a retried activity upserts the same row
    const due = computeDeadline(this.calendar, today(), spec.slaDays, spec.slaUnit);
    await this.acts.openTask({ ...this.caseRef, taskId, spec, dueAt: new Date(due.dueAtMs).toISOString() });
    this.active = {
      taskId,
      spec,
      dueDate: due.dueDate,
      dueAtMs: due.dueAtMs,
      provisional: due.provisional,
      escalated: false,
      held: false,
      pausedWorkingDays: null,
      holds: 0,
      lastDecision: null,
    };
    this.decision = null;
    return taskId;
  }

  /** Refuses before anything reaches history: wrong or closed task, four eyes, an outcome the step does not take. */
  validate(completion: TaskCompletion): void {
    const active = this.active;
    if (!active || active.held || active.taskId !== completion.taskId || this.decision !== null) {
      throw refuse('TaskAlreadyDecided', `task ${completion.taskId} is not open for a decision`);
    }
    if (active.spec.preparedBy !== null && completion.actorId === active.spec.preparedBy) {
      throw refuse('FourEyes', 'four-eyes: you prepared this decision');
    }
    if (!active.spec.outcomes.includes(completion.outcome)) {
      throw refuse('OutcomeNotAllowed', `step ${active.spec.step} takes ${active.spec.outcomes.join(', ')}, not "${completion.outcome}"`);
    }
    if (OUTCOMES_NEEDING_REASON.has(completion.outcome) && completion.comment.trim() === '') {
      throw refuse('OutcomeNotAllowed', `"${completion.outcome}" needs a reason in comment`);
    }
  }

  accept(completion: TaskCompletion): void {
    this.decision = completion;
  }

  /**
   * Waits for the decision. On SLA breach the task is escalated once and the wait goes on; `interrupted` lets the
   * case stop waiting (e.g. the applicant withdrew), in which case null is returned.
   */
  async awaitDecision(interrupted: () => boolean = () => false): Promise<TaskCompletion | null> {
    const active = this.active;
    if (!active) throw wf.ApplicationFailure.nonRetryable('no open task to wait on', 'InvariantViolation');
    const ready = () => this.decision !== null || interrupted();
    while (!ready()) {
      if (active.escalated) {
        await wf.condition(ready);
      } else if (!(await wf.condition(ready, Math.max(1, active.dueAtMs - Date.now())))) {
        await this.acts.escalateTask({ taskId: active.taskId });
        active.escalated = true;
      }
    }
    const decision = this.decision;
    this.decision = null;
    if (decision) active.lastDecision = decision;
    return decision;
  }

  async close(completion: TaskCompletion): Promise<void> {
    const active = this.requireActive();
    await this.acts.closeTask({ taskId: active.taskId, outcome: completion.outcome, decidedBy: completion.actorId, comment: completion.comment });
    this.active = null;
  }

  /** Waiting on the applicant: the clock stops with the working days that were left (never less than one). */
  async hold(): Promise<void> {
    const active = this.requireActive();
    const decision = active.lastDecision;
    const left = Math.max(1, workingDaysLeft(this.calendar, today(), active.dueDate));
    active.holds += 1;
    await this.acts.holdTask({
      taskId: active.taskId,
      occurrence: active.holds,
      outcome: decision?.outcome ?? 'return',
      decidedBy: decision?.actorId ?? 'system',
      comment: decision?.comment ?? '',
      pausedWorkingDays: left,
    });
    active.held = true;
    active.pausedWorkingDays = left;
  }

  async resume(): Promise<void> {
    const active = this.requireActive();
    const left = active.pausedWorkingDays ?? active.spec.slaDays;
    const due = computeDeadline(this.calendar, today(), left, 'working');
    await this.acts.resumeTask({ taskId: active.taskId, occurrence: active.holds, dueAt: new Date(due.dueAtMs).toISOString() });
    Object.assign(active, { held: false, pausedWorkingDays: null, dueDate: due.dueDate, dueAtMs: due.dueAtMs, provisional: due.provisional });
  }

  async cancel(reason: string): Promise<void> {
    if (!this.active) return;
    await this.acts.cancelTask({ taskId: this.active.taskId, reason });
    this.active = null;
  }

  private requireActive(): ActiveTask {
    if (!this.active) throw wf.ApplicationFailure.nonRetryable('no active task', 'InvariantViolation');
    return this.active;
  }
}

/** Today in Asia/Shanghai by the workflow clock (deterministic on replay). */
export function today(): string {
  return shanghaiDateOf(Date.now());
}
