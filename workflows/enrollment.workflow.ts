import * as wf from '@temporalio/workflow';
import { initialTransition, transition } from 'xstate';
import type { NoticeRequest } from '../activities/case.activities.js';
import type { Activities } from '../activities/index.js';
import type { CalendarYear } from '../domain/calendar/holiday-calendar.js';
import type { CaseDeadline, TimelineLine } from '../domain/case/case-projection.js';
import { computeDeadline, toShanghaiIso } from '../domain/case/deadline-clock.js';
import type { RegionalParameters } from '../domain/contribution/regional-parameters.js';
import type { EnrollmentApplication, EnrollmentCorrection } from '../domain/enrollment/enrollment-application.js';
import { checkEnrollment } from '../domain/enrollment/enrollment-checks.js';
import { enrollmentEventFor, REVIEW_OUTCOMES } from '../domain/enrollment/enrollment-decision.js';
import { type EnrollmentEffect, toEnrollmentEffects } from '../domain/enrollment/enrollment-effects.js';
import type { EnrollmentPolicy } from '../domain/enrollment/enrollment-policy.js';
import { type EnrollmentEvent, enrollmentMachine } from '../domain/enrollment/enrollment.machine.js';
import type { TaskCompletion } from '../domain/task.js';
import { HolidayCalendar } from '../domain/calendar/holiday-calendar.js';
import { HumanTaskDesk, today } from './human-task.js';
import { type CaseView, completeTask, getCaseView, refuse } from './messages.js';

export interface EnrollmentInput {
  caseId: string;
  reference: string;
  application: EnrollmentApplication;
  submittedBy: { id: string; role: string };
  submittedOn: string;
  policy: EnrollmentPolicy;
}

/** The applicant answers a return for correction (补正材料). */
export const resubmitEnrollment = wf.defineUpdate<CaseView, [{ correction: EnrollmentCorrection; actorId: string }]>('resubmitEnrollment');
/** The applicant withdraws the application while it waits on the agency or on them. */
export const withdrawEnrollment = wf.defineUpdate<CaseView, [{ reason: string; actorId: string }]>('withdrawEnrollment');

/** Roles that file for themselves or their employer; anyone else filing is staff preparing the case. */
const APPLICANT_ROLES = new Set(['citizen', 'employer']);

// Every enrollment step is a short database write in the worker's own process: local activities skip the round trip
// through the Temporal server for each of them (a decision answers in milliseconds), and are still recorded in history
// as markers, so a replay decides the same. Long external calls would use proxyActivities instead.
const acts = wf.proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  localRetryThreshold: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['ParametersNotFound'] },
});

/** 参保登记: automatic checks, review when needed, records opened on approval (domain-rules §2, §3.2, §5.2). */
export async function enrollment(input: EnrollmentInput): Promise<{ status: string }> {
  const { caseId, application } = input;
  let [snapshot, actions] = initialTransition(enrollmentMachine, { application, submittedBy: input.submittedBy.id });
  const pending: EnrollmentEffect[] = toEnrollmentEffects(actions);
  let version = 1;
  // Assigned inside effects; typed through `as` so TypeScript does not narrow it to null across awaits.
  let correctionDue = null as { dueDate: string; dueAtMs: number } | null;
  let resubmission: EnrollmentCorrection | null = null;
  let withdrawal: string | null = null;
  let settled = 0; // version after the last message was fully handled: the Update handlers wait for it
  let decided = 0; // version right after the last task decision was applied

  const send = (event: EnrollmentEvent): void => {
    [snapshot, actions] = transition(enrollmentMachine, snapshot, event);
    pending.push(...toEnrollmentEffects(actions));
    version += 1;
  };
  const status = (): string => String(snapshot.value);
  const closed = (): boolean => snapshot.status === 'done';
  const allowedEvents = (): string[] =>
    (['APPROVE', 'REJECT', 'RETURN', 'RESUBMIT', 'WITHDRAW'] as const).filter((type) => snapshot.can({ type } as EnrollmentEvent));

  let context: { parameters: RegionalParameters; calendar: CalendarYear[] } | null = null;
  try {
    context = await acts.loadEnrollmentContext({ region: application.region, date: application.hireDate });
  } catch (error) {
    // A local activity's final failure arrives as the ApplicationFailure itself; a remote one wrapped in ActivityFailure.
    const failure = error instanceof wf.ActivityFailure ? error.cause : error;
    if (!(failure instanceof wf.ApplicationFailure) || failure.type !== 'ParametersNotFound') throw error;
    // No dated parameters for the hire date: nothing can be calculated, so the case is refused with the reason.
    send({ type: 'CHECKS_FAILED', lateDays: null, refusals: [{ code: 'NO_PARAMETERS', message: failure.message }] });
  }
  const calendarYears = context?.calendar ?? [];
  const tasks = new HumanTaskDesk({ caseId, caseType: 'enrollment', region: application.region }, calendarYears, acts);
  const view = (): CaseView => ({ caseId, status: status(), version, closed: closed(), openTaskId: tasks.openTaskId, allowedEvents: allowedEvents() });

  wf.setHandler(getCaseView, view);
  wf.setHandler(
    completeTask,
    async (completion) => {
      tasks.accept(completion);
      const before = version;
      // Answer once the decision is applied: the task row is closed (or put on hold) and the lifecycle has moved.
      // What follows from it (records, notices, the read model) runs on without keeping the caseworker waiting.
      await wf.condition(() => decided > before);
      return view();
    },
    {
      validator: (completion: TaskCompletion) => {
        tasks.validate(completion);
        const event = enrollmentEventFor(completion);
        if ('refused' in event) throw refuse('OutcomeNotAllowed', event.refused);
        if (!snapshot.can(event)) throw refuse('OutcomeNotAllowed', `"${completion.outcome}" is not possible while the case is ${status()}`);
      },
    },
  );
  wf.setHandler(
    resubmitEnrollment,
    async ({ correction }) => {
      resubmission = correction;
      const before = version;
      await wf.condition(() => settled > before);
      return view();
    },
    {
      validator: (_request: { correction: EnrollmentCorrection; actorId: string }) => {
        if (!snapshot.matches('awaitingCorrection') || resubmission !== null) {
          throw refuse('NotAllowedNow', `the case is ${status()}: there is nothing to correct`);
        }
      },
    },
  );
  wf.setHandler(
    withdrawEnrollment,
    async ({ reason }) => {
      withdrawal = reason;
      const before = version;
      await wf.condition(() => settled > before);
      return view();
    },
    {
      validator: (_request: { reason: string; actorId: string }) => {
        if (!snapshot.can({ type: 'WITHDRAW', reason: '' }) || withdrawal !== null) {
          throw refuse('NotAllowedNow', `the case is ${status()}: it can no longer be withdrawn`);
        }
      },
    },
  );

  const deadlines = (): CaseDeadline[] => {
    const list: CaseDeadline[] = [];
    const registration = computeDeadline(calendarYears, application.hireDate, input.policy.registrationDays, 'calendar');
    list.push({ name: 'registration', dueDate: registration.dueDate, dueAt: toShanghaiIso(registration.dueAtMs), unit: 'calendar' });
    const review = tasks.deadline('agencyReview');
    if (review) list.push(review);
    if (correctionDue && snapshot.matches('awaitingCorrection')) {
      list.push({ name: 'correction', dueDate: correctionDue.dueDate, dueAt: toShanghaiIso(correctionDue.dueAtMs), unit: 'calendar' });
    }
    return list;
  };

  // Timeline lines and notices gathered while effects run; they are written with the next projection, in the same
  // transaction as the status change they report (the outbox pattern), and in one local activity instead of three.
  const lines: TimelineLine[] = [];
  const outbox: NoticeRequest[] = [];

  const project = async () => {
    const ctx = snapshot.context;
    await acts.projectCase({
      timeline: lines.splice(0),
      notices: outbox.splice(0),
      caseId,
      status: status(),
      version,
      closed: closed(),
      deadlines: deadlines(),
      allowedEvents: allowedEvents(),
      summary: {
        personName: ctx.application.person.name,
        employerCreditCode: ctx.application.employerCreditCode,
        hireDate: ctx.application.hireDate,
        insuranceTypes: ctx.application.insuranceTypes,
        monthlyWage: ctx.application.monthlyWage,
        lateDays: ctx.lateDays,
        reviewReasons: ctx.reviewReasons,
        refusals: ctx.refusals,
        reason: ctx.reason,
        decidedBy: ctx.decidedBy,
        returns: ctx.returns,
      },
    });
  };

  const notify = (notice: string) =>
    outbox.push({
      caseId,
      key: `${caseId}:${notice}:${version}`,
      recipientKind: application.employerCreditCode ? 'employer' : 'citizen',
      recipientId: application.employerCreditCode ?? application.person.citizenId,
      kind: notice,
      payload: { reference: input.reference, status: status(), reason: snapshot.context.reason, refusals: snapshot.context.refusals },
    });

  async function runEffects(): Promise<void> {
    for (let effect = pending.shift(); effect; effect = pending.shift()) {
      switch (effect.kind) {
        case 'notify':
          notify(effect.notice);
          break;
        case 'runChecks': {
          if (!snapshot.matches('checking')) break; // already refused before the checks could run
          const facts = await acts.gatherEnrollmentFacts({ caseId, citizenId: application.person.citizenId, employerCreditCode: application.employerCreditCode });
          const outcome = checkEnrollment({
            caseId,
            application: snapshot.context.application,
            facts,
            policy: input.policy,
            // Cases started before provisional counting refused an unloaded year (and the checks counted plain days).
            calendar: new HolidayCalendar(calendarYears, { unloadedYears: wf.patched('calendar-provisional') ? 'weekendsOnly' : 'refuse' }),
            submittedOn: input.submittedOn,
          });
          lines.push({
            caseId,
            key: `${caseId}:checks:${version}`,
            actor: 'system',
            action: outcome.refusals.length ? 'checks.failed' : 'checks.passed',
            detail: { refusals: outcome.refusals, reviewReasons: outcome.reviewReasons, lateDays: outcome.lateDays },
          });
          send(
            outcome.refusals.length
              ? { type: 'CHECKS_FAILED', refusals: outcome.refusals, lateDays: outcome.lateDays }
              : { type: 'CHECKS_PASSED', reviewReasons: outcome.reviewReasons, lateDays: outcome.lateDays },
          );
          break;
        }
        case 'requestReview':
          if (tasks.heldTaskId) await tasks.resume();
          else {
            await tasks.open({
              step: 'review',
              permission: 'review',
              slaDays: input.policy.reviewWorkingDays,
              slaUnit: 'working',
              priority: snapshot.context.lateDays ? 1 : 0,
              // Four eyes (design.md "Tasks"): staff who registered the hire at the counter may not also review it.
              preparedBy: APPLICANT_ROLES.has(input.submittedBy.role) ? null : input.submittedBy.id,
              outcomes: REVIEW_OUTCOMES,
            });
          }
          break;
        case 'holdReview': {
          if (!tasks.heldTaskId) await tasks.hold(); // a return already held the task when the decision was applied
          const due = computeDeadline(calendarYears, today(), input.policy.correctionDays, 'calendar');
          correctionDue = { dueDate: due.dueDate, dueAtMs: due.dueAtMs };
          break;
        }
        case 'cancelReview':
          await tasks.cancel(snapshot.context.reason ?? 'case closed');
          break;
        case 'openRecords': {
          const result = await acts.openInsuranceRecords({
            caseId,
            application: snapshot.context.application,
            parameters: context!.parameters,
            decidedBy: snapshot.context.decidedBy ?? 'system',
          });
          send(result.opened ? { type: 'RECORDS_OPENED' } : { type: 'RECORDS_REFUSED', refusal: result.refusal });
          break;
        }
      }
    }
    await project();
    settled = version;
  }

  while (!closed()) {
    await runEffects();
    if (closed()) break;
    if (snapshot.matches('underReview')) {
      const decision = await tasks.awaitDecision(() => withdrawal !== null);
      if (decision === null) {
        send({ type: 'WITHDRAW', reason: withdrawal ?? 'withdrawn by the applicant' });
        continue;
      }
      const event = enrollmentEventFor(decision);
      if ('refused' in event) throw wf.ApplicationFailure.nonRetryable(event.refused, 'InvariantViolation');
      if (event.type === 'RETURN') await tasks.hold();
      else await tasks.close(decision);
      send(event);
      decided = version;
    } else if (snapshot.matches('awaitingCorrection')) {
      const answered = await wf.condition(
        () => resubmission !== null || withdrawal !== null,
        Math.max(1, (correctionDue?.dueAtMs ?? Date.now()) - Date.now()),
      );
      if (!answered) send({ type: 'CORRECTION_EXPIRED' });
      else if (withdrawal !== null) send({ type: 'WITHDRAW', reason: withdrawal });
      else {
        lines.push({ caseId, key: `${caseId}:resubmitted:${version}`, actor: input.submittedBy.id, action: 'case.resubmitted', detail: { comment: resubmission!.comment } });
        send({ type: 'RESUBMIT', correction: resubmission! });
        resubmission = null;
      }
    } else {
      throw wf.ApplicationFailure.nonRetryable(`enrollment stuck in ${status()}`, 'InvariantViolation');
    }
  }
  if (pending.length > 0 || settled < version) await runEffects();
  await wf.condition(wf.allHandlersFinished);
  return { status: status() };
}
