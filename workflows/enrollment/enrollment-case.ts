import * as wf from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { type CalendarYear, HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import type { CaseDeadline, TimelineLine } from '../../domain/case/case-projection.js';
import { toShanghaiIso } from '../../domain/case/deadline-clock.js';
import type { NoticeRequest } from '../../domain/case/notice-request.js';
import type { RegionalParameters } from '../../domain/contribution/regional-parameters.js';
import type { EnrollmentCorrection } from '../../domain/enrollment/enrollment-application.js';
import { checkEnrollment, CURRENT_ENROLLMENT_RULES, FIRST_ENROLLMENT_RULES } from '../../domain/enrollment/enrollment-checks.js';
import { REVIEW_OUTCOMES } from '../../domain/enrollment/enrollment-decision.js';
import { type EnrollmentEffect, toEnrollmentEffects } from '../../domain/enrollment/enrollment-effects.js';
import { type EnrollmentEvent, enrollmentMachine } from '../../domain/enrollment/enrollment.machine.js';
import { benefitReemployed } from '../benefit-claim/benefit-claim-messages.js';
import { CaseCalendar } from '../case-calendar.js';
import { HumanTaskDesk, today } from '../human-task.js';
import { Lifecycle } from '../lifecycle.js';
import type { CaseView } from '../messages.js';
import type { EnrollmentInput } from './enrollment-messages.js';

/** Roles that file for themselves or their employer; anyone else filing is staff preparing the case. */
const APPLICANT_ROLES = new Set(['citizen', 'employer']);
const EVENTS = ['APPROVE', 'REJECT', 'RETURN', 'RESUBMIT', 'WITHDRAW'] as const;

// Every enrollment step is a short database write in the worker's own process: local activities skip the round trip
// through the Temporal server for each of them (a decision answers in milliseconds), and are still recorded in history
// as markers, so a replay decides the same. Long external calls would use proxyActivities instead.
const acts = wf.proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  localRetryThreshold: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['ParametersNotFound', 'DomainRefusal'] },
});

/**
 * The state and the named steps of one enrollment case (参保登记); workflows/enrollment.workflow.ts is the process
 * that runs them. Timeline lines and notices gathered while effects run are written with the next projection, in the
 * same transaction as the status change they report (the outbox pattern).
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
  private correctionFrom = null as string | null;
  private readonly lines: TimelineLine[] = [];
  private readonly outbox: NoticeRequest[] = [];

  private constructor(
    readonly input: EnrollmentInput,
    private readonly parameters: RegionalParameters | null,
    calendarYears: readonly CalendarYear[],
  ) {
    this.life = Lifecycle.start(enrollmentMachine, toEnrollmentEffects, { application: input.application, submittedBy: input.submittedBy.id });
    this.calendar = new CaseCalendar(calendarYears);
    this.tasks = new HumanTaskDesk({ caseId: input.caseId, caseType: 'enrollment', region: input.application.region }, this.calendar, acts);
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
    };
  }

  allowedEvents(): string[] {
    return EVENTS.filter((type) => this.life.can({ type } as EnrollmentEvent));
  }

  /** Runs what the last transitions asked for, then writes the read model with its timeline lines and notices. */
  async runEffects(): Promise<void> {
    for (let effect = this.life.nextEffect(); effect; effect = this.life.nextEffect()) await this.run(effect);
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
    this.lines.push({
      caseId,
      key: `${caseId}:resubmitted:${this.life.version}`,
      actor: this.input.submittedBy.id,
      action: 'case.resubmitted',
      detail: { comment: correction.comment },
    });
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

  private async run(effect: EnrollmentEffect): Promise<void> {
    switch (effect.kind) {
      case 'notify':
        return this.notify(effect.notice);
      case 'runChecks':
        return this.runChecks();
      case 'requestReview':
        return this.requestReview();
      case 'holdReview':
        if (!this.tasks.heldTaskId) await this.tasks.hold(); // a return already held the task when it was applied
        this.correctionFrom = today();
        return;
      case 'cancelReview':
        return this.tasks.cancel(this.life.context.reason ?? 'case closed');
      case 'openRecords':
        return this.openRecords();
    }
  }

  private async runChecks(): Promise<void> {
    if (!this.life.matches('checking')) return; // already refused before the checks could run
    const { caseId, application, policy, submittedOn } = { ...this.input, application: this.life.context.application };
    // Cases started before provisional counting refused an unloaded year; before the 2026-12 rules they knew neither
    // pooling areas, the switch from flexible work nor extended contributions (domain/enrollment/enrollment-checks.ts).
    const provisional = wf.patched('calendar-provisional');
    const rules = wf.patched('enrollment-rules-2026-12') ? CURRENT_ENROLLMENT_RULES : FIRST_ENROLLMENT_RULES;
    const facts = await acts.gatherEnrollmentFacts({
      caseId,
      citizenId: application.person.citizenId,
      employerCreditCode: application.employerCreditCode,
      region: application.region,
    });
    const outcome = checkEnrollment({
      caseId,
      application,
      facts,
      policy,
      rules,
      calendar: new HolidayCalendar(this.calendar.years, { unloadedYears: provisional ? 'weekendsOnly' : 'refuse' }),
      submittedOn,
    });
    this.lines.push({
      caseId,
      key: `${caseId}:checks:${this.life.version}`,
      actor: 'system',
      action: outcome.refusals.length ? 'checks.failed' : 'checks.passed',
      detail: { refusals: outcome.refusals, reviewReasons: outcome.reviewReasons, lateDays: outcome.lateDays },
    });
    this.life.send(
      outcome.refusals.length
        ? { type: 'CHECKS_FAILED', refusals: outcome.refusals, lateDays: outcome.lateDays }
        : { type: 'CHECKS_PASSED', reviewReasons: outcome.reviewReasons, lateDays: outcome.lateDays },
    );
  }

  private async requestReview(): Promise<void> {
    if (this.tasks.heldTaskId) return this.tasks.resume();
    const { policy, submittedBy } = this.input;
    await this.tasks.open({
      step: 'review',
      permission: 'review',
      slaDays: policy.reviewWorkingDays,
      slaUnit: 'working',
      priority: this.life.context.lateDays ? 1 : 0,
      // Four eyes (docs/architecture.md "Tasks: the human part"): staff who registered the hire at the counter may not also review it.
      preparedBy: APPLICANT_ROLES.has(submittedBy.role) ? null : submittedBy.id,
      outcomes: REVIEW_OUTCOMES,
    });
  }

  private async openRecords(): Promise<void> {
    const { context } = this.life;
    const result = await acts.openInsuranceRecords({
      caseId: this.input.caseId,
      application: context.application,
      parameters: this.parameters!,
      decidedBy: context.decidedBy ?? 'system',
    });
    // Re-employment stops the person's unemployment benefit (社会保险法 art. 51): each open claim hears of the hire.
    // Cases started before this rule never signalled, and a replay of their history must not either.
    if (result.opened && (result.unemploymentClaims?.length ?? 0) > 0 && wf.patched('benefit-stop-on-reemployment')) {
      const { application } = context;
      for (const claimId of result.unemploymentClaims!) {
        await wf
          .getExternalWorkflowHandle(claimId)
          .signal(benefitReemployed, { date: application.hireDate, employerCreditCode: application.employerCreditCode, enrollmentCaseId: this.input.caseId })
          .catch(() => undefined); // a claim that finished meanwhile has nothing left to stop
      }
    }
    this.life.send(result.opened ? { type: 'RECORDS_OPENED' } : { type: 'RECORDS_REFUSED', refusal: result.refusal });
  }

  private notify(notice: string): void {
    const { caseId, application, reference } = this.input;
    const { reason, refusals } = this.life.context;
    this.outbox.push({
      caseId,
      key: `${caseId}:${notice}:${this.life.version}`,
      recipientKind: application.employerCreditCode ? 'employer' : 'citizen',
      recipientId: application.employerCreditCode ?? application.person.citizenId,
      kind: notice,
      payload: { reference, status: this.life.status(), reason, refusals },
    });
  }

  private deadlines(): CaseDeadline[] {
    const { application, policy } = this.input;
    const flag = (provisional: boolean) => (provisional ? { provisional: true } : {});
    const registration = this.calendar.deadline(application.hireDate, policy.registrationDays, 'calendar');
    const list: CaseDeadline[] = [
      { name: 'registration', dueDate: registration.dueDate, dueAt: toShanghaiIso(registration.dueAtMs), unit: 'calendar', ...flag(registration.provisional) },
    ];
    const review = this.tasks.deadline('agencyReview');
    if (review) list.push(review);
    const correction = this.correctionDue();
    if (correction)
      list.push({
        name: 'correction',
        dueDate: correction.dueDate,
        dueAt: toShanghaiIso(correction.dueAtMs),
        unit: 'calendar',
        ...flag(correction.provisional),
      });
    return list;
  }

  private async project(): Promise<void> {
    const ctx = this.life.context;
    const { application } = ctx;
    await acts.projectCase({
      timeline: this.lines.splice(0),
      notices: this.outbox.splice(0),
      caseId: this.input.caseId,
      status: this.life.status(),
      version: this.life.version,
      closed: this.life.closed(),
      deadlines: this.deadlines(),
      allowedEvents: this.allowedEvents(),
      summary: {
        personName: application.person.name,
        employerCreditCode: application.employerCreditCode,
        hireDate: application.hireDate,
        insuranceTypes: application.insuranceTypes,
        monthlyWage: application.monthlyWage,
        lateDays: ctx.lateDays,
        reviewReasons: ctx.reviewReasons,
        refusals: ctx.refusals,
        reason: ctx.reason,
        decidedBy: ctx.decidedBy,
        returns: ctx.returns,
      },
    });
  }
}
