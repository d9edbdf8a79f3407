import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { DeadlineUnit } from '../domain/calendar/holiday-calendar.js';
import { shanghaiDateOf } from '../domain/calendar/local-date.js';
import type { CaseDeadline } from '../domain/case/case-projection.js';
import { toShanghaiIso, workingDaysLeft } from '../domain/case/deadline-clock.js';
import type { TaskCompletion, TaskSpec } from '../domain/task.js';
import type { CaseCalendar } from './case-calendar.js';
import { validateTaskDecision } from './task-validation.js';

type TaskActivities = Pick<Activities, 'openTask' | 'closeTask' | 'escalateTask' | 'holdTask' | 'resumeTask' | 'cancelTask' | 'retimeTask'>;

interface ActiveTask {
  taskId: string;
  spec: TaskSpec;
  /** What the SLA is counted from, so it can be counted again when the calendar changes. */
  countFrom: string;
  days: number;
  unit: DeadlineUnit;
  dueDate: string;
  dueAtMs: number;
  provisional: boolean;
  escalated: boolean;
  held: boolean;
  /** Working days left on the SLA while the clock is paused. */
  pausedWorkingDays: number | null;
  holds: number;
  retimes: number;
  lastDecision: TaskCompletion | null;
}

/**
 * The shared human-task helper (docs/architecture.md "Tasks: the human part"): opens one task at a time, waits for the decision that arrives
 * through the `completeTask` Update, escalates on SLA breach, pauses the clock while the applicant is asked for
 * corrections and resumes it with the time that was left, and counts the due date again when a year's holiday
 * calendar is loaded. Workflow code: workflow clock only, effects through activities.
 */
export class HumanTaskDesk {
  private active: ActiveTask | null = null;
  private decision: TaskCompletion | null = null;
  /** The task the last decision was applied to and the state it left it in (the decision Update answers with it). */
  lastApplied: { taskId: string; taskStatus: 'completed' | 'waiting' } | null = null;

  constructor(
    private readonly caseRef: { caseId: string; caseType: string; region: string },
    private readonly calendar: CaseCalendar,
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
    const { dueDate, dueAtMs, provisional, unit } = this.active;
    return { name, dueDate, dueAt: toShanghaiIso(dueAtMs), unit, ...(provisional ? { provisional: true } : {}) };
  }

  async open(spec: TaskSpec): Promise<string> {
    const taskId = wf.uuid4(); // generated here, so a retried activity upserts the same row
    const countFrom = today();
    const due = this.calendar.deadline(countFrom, spec.slaDays, spec.slaUnit);
    // The task is the desk's before its row is written: someone may claim the row and decide the moment it commits,
    // before the workflow has seen the activity finish, and that decision must find the task open.
    this.active = {
      taskId,
      spec,
      countFrom,
      days: spec.slaDays,
      unit: spec.slaUnit,
      dueDate: due.dueDate,
      dueAtMs: due.dueAtMs,
      provisional: due.provisional,
      escalated: false,
      held: false,
      pausedWorkingDays: null,
      holds: 0,
      retimes: 0,
      lastDecision: null,
    };
    this.decision = null;
    await this.acts.openTask({ ...this.caseRef, taskId, spec, dueAt: new Date(due.dueAtMs).toISOString(), provisional: due.provisional });
    return taskId;
  }

  /** Refuses before anything reaches history, by the desk's rules (workflows/task-validation.ts). */
  validate(completion: TaskCompletion): void {
    validateTaskDecision(this.active, this.decision !== null, completion);
  }

  accept(completion: TaskCompletion): void {
    this.decision = completion;
  }

  /**
   * Waits for the decision. On SLA breach the task is escalated once and the wait goes on; a newly loaded calendar
   * moves the due date first (and `afterRecount` lets the case show its own deadlines again); `interrupted` lets the
   * case stop waiting (e.g. the applicant withdrew): null is returned.
   */
  async awaitDecision(interrupted: () => boolean = () => false, afterRecount?: () => Promise<void>): Promise<TaskCompletion | null> {
    const active = this.active;
    if (!active) throw wf.ApplicationFailure.nonRetryable('no open task to wait on', 'InvariantViolation');
    const seen = () => this.calendar.changes;
    let calendarSeen = seen();
    const ready = () => this.decision !== null || interrupted() || seen() !== calendarSeen;
    while (this.decision === null && !interrupted()) {
      if (seen() !== calendarSeen) {
        calendarSeen = seen();
        await this.recount(active);
        await afterRecount?.();
      } else if (active.escalated) {
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
    this.lastApplied = { taskId: active.taskId, taskStatus: 'completed' };
    this.active = null;
  }

  /** Waiting on the applicant: the clock stops with the working days that were left (never less than one). */
  async hold(): Promise<void> {
    const active = this.requireActive();
    const decision = active.lastDecision;
    const left = Math.max(1, workingDaysLeft(this.calendar.years, today(), active.dueDate));
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
    this.lastApplied = { taskId: active.taskId, taskStatus: 'waiting' };
  }

  async resume(): Promise<void> {
    const active = this.requireActive();
    const left = active.pausedWorkingDays ?? active.spec.slaDays;
    const countFrom = today();
    const due = this.calendar.deadline(countFrom, left, 'working');
    await this.acts.resumeTask({ taskId: active.taskId, occurrence: active.holds, dueAt: new Date(due.dueAtMs).toISOString(), provisional: due.provisional });
    Object.assign(active, {
      held: false,
      pausedWorkingDays: null,
      countFrom,
      days: left,
      unit: 'working',
      dueDate: due.dueDate,
      dueAtMs: due.dueAtMs,
      provisional: due.provisional,
    });
  }

  async cancel(reason: string): Promise<void> {
    if (!this.active) return;
    await this.acts.cancelTask({ taskId: this.active.taskId, reason });
    this.active = null;
  }

  /** Counts the SLA again with the calendar now loaded; the task row follows (with a timeline line) when it moved. */
  private async recount(active: ActiveTask): Promise<void> {
    if (active.held) return;
    const due = this.calendar.deadline(active.countFrom, active.days, active.unit);
    if (due.dueDate === active.dueDate && due.provisional === active.provisional) return;
    active.retimes += 1;
    await this.acts.retimeTask({
      taskId: active.taskId,
      dueAt: new Date(due.dueAtMs).toISOString(),
      provisional: due.provisional,
      occurrence: active.retimes,
      reason: 'holiday calendar loaded',
    });
    Object.assign(active, { dueDate: due.dueDate, dueAtMs: due.dueAtMs, provisional: due.provisional });
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
