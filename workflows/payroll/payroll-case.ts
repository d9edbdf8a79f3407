import * as wf from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { CalendarYear } from '../../domain/calendar/holiday-calendar.js';
import {
  FAILED_OUTCOMES,
  HOLD_OUTCOMES,
  LINE_OUTCOMES_NEEDING_REASON,
  approvalTaskSpec,
  lineTaskSpec,
  type LineTaskStep,
} from '../../domain/payroll/payroll-tasks.js';
import { payrollMachine } from '../../domain/payroll/payroll.machine.js';
import type { TaskCompletion } from '../../domain/task.js';
import { taskProhibitionFor } from '../../policies/task-prohibitions.js';
import { CaseCalendar } from '../case-calendar.js';
import { HumanTaskDesk, today } from '../human-task.js';
import { Lifecycle } from '../lifecycle.js';
import { type CaseView, refuse } from '../messages.js';
import type { PayrollInput } from './payroll-messages.js';

// Gathering a chunk reads and writes thousands of rows: a remote activity with a generous timeout, retried on failure.
const acts = wf.proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['DomainRefusal'] },
});

const LINE_OUTCOMES: ReadonlySet<string> = new Set([...HOLD_OUTCOMES, ...FAILED_OUTCOMES]);

/**
 * The state and the named steps of one monthly payroll (待遇拨付); workflows/payroll.workflow.ts is the process that
 * runs them. The batch approval is one task on the shared desk; the held and failed lines are many tasks opened
 * set-based, decided one by one through the same `completeTask` Update, and written by an activity that says no when a
 * task is not this payroll's.
 */
export class PayrollCase {
  readonly life = Lifecycle.start(payrollMachine, () => [] as never[], undefined);
  readonly calendar: CaseCalendar;
  readonly tasks: HumanTaskDesk;
  /** Case version right after the last approval decision was applied (the Update answers then). */
  decided = 0;
  lines = 0;
  held = 0;
  sent = 0;
  sentTotal = '0.00';
  /** Line tasks opened and not yet decided. */
  openLineTasks = 0;
  /** Sent lines still without the bank's outcome. */
  outstanding = 0;
  private readonly decidedLineTasks = new Set<string>();
  private taskBatches = 0;
  /** Bank returns not yet acted on (signals). */
  readonly returns: { fingerprint: string; outstanding: number; failed: number }[] = [];

  constructor(
    readonly input: PayrollInput,
    calendarYears: readonly CalendarYear[],
  ) {
    this.calendar = new CaseCalendar(calendarYears);
    this.tasks = new HumanTaskDesk({ caseId: input.caseId, caseType: 'payroll', region: input.region }, this.calendar, acts);
  }

  status(): string {
    return this.life.status();
  }

  view(): CaseView {
    return {
      caseId: this.input.caseId,
      status: this.status(),
      version: this.life.version,
      closed: this.life.closed(),
      openTaskId: this.tasks.openTaskId,
      allowedEvents: [],
    };
  }

  /** Writes the read model: status, the approval deadline, and the counts the payroll page shows. */
  async project(): Promise<void> {
    const deadline = this.tasks.deadline('payrollApproval');
    await acts.projectCase({
      caseId: this.input.caseId,
      status: this.status(),
      version: this.life.version,
      closed: this.life.closed(),
      deadlines: deadline ? [deadline] : [],
      allowedEvents: [],
      summary: {
        region: this.input.region,
        period: this.input.period,
        lines: this.lines,
        held: this.held,
        sent: this.sent,
        sentTotal: this.sentTotal,
        openLineTasks: this.openLineTasks,
        outstanding: this.outstanding,
        approvedBy: this.life.context.approvedBy,
      },
    });
  }

  /** One task per line in `lineStatus` without one (held after gathering, failed after a bank return). */
  async openLineTaskBatch(step: LineTaskStep, lineStatus: 'held' | 'failed'): Promise<void> {
    const due = this.calendar.deadline(today(), lineTaskSpec(step, this.input.startedBy).slaDays, 'working');
    this.taskBatches += 1;
    const { opened } = await acts.openPayrollLineTasks({
      caseId: this.input.caseId,
      region: this.input.region,
      lineStatus,
      spec: lineTaskSpec(step, this.input.startedBy),
      dueAt: new Date(due.dueAtMs).toISOString(),
      provisional: due.provisional,
      occurrence: this.taskBatches,
    });
    this.openLineTasks += opened;
  }

  async openApproval(): Promise<void> {
    await this.tasks.open(approvalTaskSpec(this.input.startedBy));
  }

  isApprovalTask(taskId: string): boolean {
    return this.tasks.openTaskId === taskId;
  }

  /** The validator of a line decision: before anything reaches history. The activity checks the row itself. */
  validateLineDecision(completion: TaskCompletion): void {
    if (this.life.closed() || this.decidedLineTasks.has(completion.taskId)) {
      throw refuse('TASK_ALREADY_DECIDED', `task ${completion.taskId} is not open for a decision`);
    }
    const prohibited = taskProhibitionFor({ preparedBy: this.input.startedBy }, completion.actorId);
    if (prohibited) throw refuse(prohibited.code, prohibited.reason);
    if (!LINE_OUTCOMES.has(completion.outcome)) {
      throw refuse('OUTCOME_NOT_ALLOWED', `a payroll line takes ${[...LINE_OUTCOMES].join(', ')}, not "${completion.outcome}"`);
    }
    if (LINE_OUTCOMES_NEEDING_REASON.has(completion.outcome) && completion.comment.trim() === '') {
      throw refuse('OUTCOME_NOT_ALLOWED', `"${completion.outcome}" needs a reason in comment`);
    }
  }

  /** Applies a line decision through its activity; a refusal by the row fails the Update with its code. */
  async decideLine(completion: TaskCompletion): Promise<CaseView> {
    this.decidedLineTasks.add(completion.taskId);
    const result = await acts.decidePayrollLine({
      caseId: this.input.caseId,
      region: this.input.region,
      period: this.input.period,
      completion,
      batchApproved: this.life.context.approvedBy !== null,
    });
    if ('refused' in result) {
      this.decidedLineTasks.delete(completion.taskId);
      throw refuse(result.refused.code, result.refused.reason);
    }
    this.openLineTasks -= 1;
    return { ...this.view(), lastDecision: { taskId: completion.taskId, taskStatus: 'completed' } };
  }

  /** Everything sent has its outcome and every line task is decided. */
  settled(): boolean {
    return this.life.matches('paying') && this.outstanding === 0 && this.openLineTasks === 0 && this.returns.length === 0;
  }
}
