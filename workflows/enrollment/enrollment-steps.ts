import * as wf from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { checkEnrollment, CURRENT_ENROLLMENT_RULES, FIRST_ENROLLMENT_RULES } from '../../domain/enrollment/enrollment-checks.js';
import { REVIEW_OUTCOMES } from '../../domain/enrollment/enrollment-decision.js';
import type { EnrollmentEffect } from '../../domain/enrollment/enrollment-effects.js';
import { benefitReemployed } from '../benefit-claim/benefit-claim-messages.js';
import { today } from '../human-task.js';
import type { EnrollmentCase } from './enrollment-case.js';

/** Roles that file for themselves or their employer; anyone else filing is staff preparing the case. */
const APPLICANT_ROLES = new Set(['citizen', 'employer']);

// Every enrollment step is a short database write in the worker's own process: local activities skip the round trip
// through the Temporal server for each of them (a decision answers in milliseconds), and are still recorded in history
// as markers, so a replay decides the same. Missing regional parameters are final too (the case is refused).
export const acts = wf.proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  localRetryThreshold: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['ParametersNotFound', 'DomainRefusal'] },
});

/**
 * The steps an enrollment's lifecycle asks for (domain/enrollment/enrollment-effects.ts): the checks, the review task
 * opened, held while the applicant corrects, cancelled, the insurance records opened, the notices.
 */
export async function runEnrollmentEffect(c: EnrollmentCase, effect: EnrollmentEffect): Promise<void> {
  switch (effect.kind) {
    case 'notify':
      return notify(c, effect.notice);
    case 'runChecks':
      return runChecks(c);
    case 'requestReview':
      return requestReview(c);
    case 'holdReview':
      if (!c.tasks.heldTaskId) await c.tasks.hold(); // a return already held the task when it was applied
      c.correctionFrom = today();
      return;
    case 'cancelReview':
      return c.tasks.cancel(c.life.context.reason ?? 'case closed');
    case 'openRecords':
      return openRecords(c);
  }
}

async function runChecks(c: EnrollmentCase): Promise<void> {
  if (!c.life.matches('checking')) return; // already refused before the checks could run
  const { caseId, application, policy, submittedOn } = { ...c.input, application: c.life.context.application };
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
    calendar: new HolidayCalendar(c.calendar.years, { unloadedYears: provisional ? 'weekendsOnly' : 'refuse' }),
    submittedOn,
  });
  c.journal.line(`${caseId}:checks:${c.life.version}`, outcome.refusals.length ? 'checks.failed' : 'checks.passed', {
    refusals: outcome.refusals,
    reviewReasons: outcome.reviewReasons,
    lateDays: outcome.lateDays,
  });
  c.life.send(
    outcome.refusals.length
      ? { type: 'CHECKS_FAILED', refusals: outcome.refusals, lateDays: outcome.lateDays }
      : { type: 'CHECKS_PASSED', reviewReasons: outcome.reviewReasons, lateDays: outcome.lateDays },
  );
}

async function requestReview(c: EnrollmentCase): Promise<void> {
  if (c.tasks.heldTaskId) return c.tasks.resume();
  const { policy, submittedBy } = c.input;
  await c.tasks.open({
    step: 'review',
    permission: 'review',
    slaDays: policy.reviewWorkingDays,
    slaUnit: 'working',
    priority: c.life.context.lateDays ? 1 : 0,
    // Four eyes (docs/architecture.md "Tasks: the human part"): staff who registered the hire at the counter may not also review it.
    preparedBy: APPLICANT_ROLES.has(submittedBy.role) ? null : submittedBy.id,
    outcomes: REVIEW_OUTCOMES,
  });
}

async function openRecords(c: EnrollmentCase): Promise<void> {
  const { context } = c.life;
  const result = await acts.openInsuranceRecords({
    caseId: c.input.caseId,
    application: context.application,
    parameters: c.parameters!,
    decidedBy: context.decidedBy ?? 'system',
  });
  // Re-employment stops the person's unemployment benefit (社会保险法 art. 51): each open claim hears of the hire.
  // Cases started before this rule never signalled, and a replay of their history must not either.
  if (result.opened && (result.unemploymentClaims?.length ?? 0) > 0 && wf.patched('benefit-stop-on-reemployment')) {
    const { application } = context;
    for (const claimId of result.unemploymentClaims!) {
      await wf
        .getExternalWorkflowHandle(claimId)
        .signal(benefitReemployed, { date: application.hireDate, employerCreditCode: application.employerCreditCode, enrollmentCaseId: c.input.caseId })
        .catch(() => undefined); // a claim that finished meanwhile has nothing left to stop
    }
  }
  c.life.send(result.opened ? { type: 'RECORDS_OPENED' } : { type: 'RECORDS_REFUSED', refusal: result.refusal });
}

/** The notice goes to the employer that registered the hire, or to the person who registered themselves. */
function notify(c: EnrollmentCase, notice: string): void {
  const { caseId, application, reference } = c.input;
  const { reason, refusals } = c.life.context;
  const recipientKind = application.employerCreditCode ? 'employer' : 'citizen';
  const payload = { reference, status: c.life.status(), reason, refusals };
  c.journal.notice(`${caseId}:${notice}:${c.life.version}`, application.employerCreditCode ?? application.person.citizenId, notice, payload, recipientKind);
}
