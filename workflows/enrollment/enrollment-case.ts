import * as wf from '@temporalio/workflow';
import type { CalendarYear } from '../../domain/calendar/holiday-calendar.js';
import type { RegionalParameters } from '../../domain/contribution/regional-parameters.js';
import type { EnrollmentCorrection } from '../../domain/enrollment/enrollment-application.js';
import { toEnrollmentEffects } from '../../domain/enrollment/enrollment-effects.js';
import { type EnrollmentEvent, enrollmentMachine } from '../../domain/enrollment/enrollment.machine.js';
import { CaseCalendar } from '../case-calendar.js';
import { CaseJournal } from '../case-journal.js';
import { HumanTaskDesk } from '../human-task.js';
import { Lifecycle } from '../lifecycle.js';
import type { CaseView } from '../messages.js';
import { followUpDone } from '../task-decisions.js';
import type { EnrollmentInput } from './enrollment-messages.js';
import { acts, runEnrollmentEffect } from './enrollment-steps.js';
import { enrollmentReadModel } from './enrollment-summary.js';

const EVENTS = ['APPROVE', 'REJECT', 'RETURN', 'RESUBMIT', 'WITHDRAW'] as const;

/**
 * The state of one enrollment case (参保登记); workflows/enrollment.workflow.ts is the process that runs it. The
 * lifecycle's effects are in enrollment-steps.ts, the read model in enrollment-summary.ts. Timeline lines and notices
 * are written with the next projection, in the same transaction as the status change they report (case-journal.ts).
 */
export class EnrollmentCase {
  readonly life;
  readonly calendar: CaseCalendar;
  readonly tasks: HumanTaskDesk;
  /** Version right after the last decision was applied: the decision Update answers then (workflows/task-decisions.ts). */
  decided = 0;
  /** Version after the last message was fully handled: the applicant's Updates answer then. */
  settled = 0;
  resubmission: EnrollmentCorrection | null = null;
  withdrawal: string | null = null;
  /** The day the last return started the correction period. */
  correctionFrom = null as string | null;
  /** Timeline lines and notices, written with the next projection. */
  readonly journal: CaseJournal;

  private constructor(
    readonly input: EnrollmentInput,
    readonly parameters: RegionalParameters | null,
    calendarYears: readonly CalendarYear[],
  ) {
    this.life = Lifecycle.start(enrollmentMachine, toEnrollmentEffects, { application: input.application, submittedBy: input.submittedBy.id });
    this.calendar = new CaseCalendar(calendarYears);
    this.tasks = new HumanTaskDesk({ caseId: input.caseId, caseType: 'enrollment', region: input.application.region }, this.calendar, acts);
    this.journal = new CaseJournal(input.caseId);
  }

  /** Reads the dated parameters and the calendar (recorded in history); without parameters the case is refused. */
  static async open(input: EnrollmentInput): Promise<EnrollmentCase> {
    try {
      const context = await acts.loadEnrollmentContext({ region: input.application.region, date: input.application.hireDate });
      return new EnrollmentCase(input, context.parameters, context.calendar);
    } catch (error) {
      // A local activity's final failure arrives as the ApplicationFailure itself; a remote one wrapped in ActivityFailure.
      const failure = error instanceof wf.ActivityFailure ? error.cause : error;
      if (!(failure instanceof wf.ApplicationFailure) || failure.type !== 'ParametersNotFound') throw error;
      const refused = new EnrollmentCase(input, null, []);
      refused.life.send({ type: 'CHECKS_FAILED', lateDays: null, refusals: [{ code: 'NO_PARAMETERS', message: failure.message }] });
      return refused;
    }
  }

  view(): CaseView {
    const { caseId } = this.input;
    return {
      caseId,
      status: this.life.status(),
      version: this.life.version,
      closed: this.life.closed(),
      openTaskId: this.tasks.openTaskId,
      allowedEvents: this.allowedEvents(),
      settled: followUpDone(this),
    };
  }

  allowedEvents(): string[] {
    return EVENTS.filter((type) => this.life.can({ type } as EnrollmentEvent));
  }

  /** Runs what the last transitions asked for, then writes the read model with its timeline lines and notices. */
  async runEffects(): Promise<void> {
    for (let effect = this.life.nextEffect(); effect; effect = this.life.nextEffect()) await runEnrollmentEffect(this, effect);
    await this.project();
    this.settled = this.life.version;
  }

  /** A decision was applied: the task row closed or held, the lifecycle moved. */
  markDecided(): void {
    this.decided = this.life.version;
  }

  /** The applicant resubmitted: the case goes back through the checks. */
  acceptResubmission(correction: EnrollmentCorrection): void {
    const { caseId } = this.input;
    this.journal.line(`${caseId}:resubmitted:${this.life.version}`, 'case.resubmitted', { comment: correction.comment }, this.input.submittedBy.id);
    this.life.send({ type: 'RESUBMIT', correction });
  }

  /** The correction period, counted from the return (calendar days with the §9 rollover); null when none runs. */
  correctionDue(): { dueDate: string; dueAtMs: number; provisional: boolean } | null {
    if (this.correctionFrom === null || !this.life.matches('awaitingCorrection')) return null;
    return this.calendar.deadline(this.correctionFrom, this.input.policy.correctionDays, 'calendar');
  }

  /** A newly loaded calendar moves provisional deadlines: the read model shows the new ones (a new version). */
  async recount(): Promise<void> {
    this.life.version += 1;
    await this.project();
    this.settled = this.life.version;
  }

  private async project(): Promise<void> {
    await acts.projectCase({ ...this.journal.take(), ...enrollmentReadModel(this) });
  }
}
