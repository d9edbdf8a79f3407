import * as wf from '@temporalio/workflow';
import { enrollmentEventFor } from '../domain/enrollment/enrollment-decision.js';
import type { EnrollmentCorrection } from '../domain/enrollment/enrollment-application.js';
import type { TaskCompletion } from '../domain/task.js';
import { EnrollmentCase } from './enrollment/enrollment-case.js';
import { type EnrollmentInput, resubmitEnrollment, withdrawEnrollment } from './enrollment/enrollment-messages.js';
import { failingOnDomainErrors } from './domain-failures.js';
import { getCaseView, refuse } from './messages.js';
import { answerBeforeFollowUp, handleTaskDecisions } from './task-decisions.js';

export { resubmitEnrollment, withdrawEnrollment, type EnrollmentInput } from './enrollment/enrollment-messages.js';

/**
 * 参保登记 (rules §2, §3.2, §5.2): the automatic checks; review by a caseworker when the registration is late,
 * sampled or in doubt, with returns for correction and the applicant's resubmission or withdrawal; records opened on
 * approval. The steps live in workflows/enrollment/enrollment-case.ts.
 */
export async function enrollment(input: EnrollmentInput): Promise<{ status: string }> {
  return failingOnDomainErrors(() => runEnrollment(input));
}

async function runEnrollment(input: EnrollmentInput): Promise<{ status: string }> {
  const c = await EnrollmentCase.open(input);
  c.calendar.listen();
  listenToApplicant(c);

  while (!c.life.closed()) {
    await c.runEffects();
    if (c.life.closed()) break;
    if (c.life.matches('underReview')) await review(c);
    else if (c.life.matches('awaitingCorrection')) await awaitCorrection(c);
    else throw wf.ApplicationFailure.nonRetryable(`enrollment stuck in ${c.life.status()}`, 'InvariantViolation');
  }
  if (c.life.hasEffects() || c.settled < c.life.version) await c.runEffects();
  await wf.condition(wf.allHandlersFinished);
  return { status: c.life.status() };
}

/** The caseworker's review: approve, reject or return for correction; the applicant may withdraw meanwhile. */
async function review(c: EnrollmentCase): Promise<void> {
  const decision = await c.tasks.awaitDecision(
    () => c.withdrawal !== null,
    () => c.recount(),
  );
  if (decision === null) {
    c.life.send({ type: 'WITHDRAW', reason: c.withdrawal ?? 'withdrawn by the applicant' });
    return;
  }
  const event = enrollmentEventFor(decision);
  if ('refused' in event) throw wf.ApplicationFailure.nonRetryable(event.refused, 'InvariantViolation');
  if (event.type === 'RETURN') await c.tasks.hold();
  else await c.tasks.close(decision);
  c.life.send(event);
  c.markDecided();
  await answerBeforeFollowUp();
}

/** Waiting on the applicant's correction until the period runs out (then the case is withdrawn). */
async function awaitCorrection(c: EnrollmentCase): Promise<void> {
  const calendarSeen = c.calendar.changes;
  const dueAtMs = c.correctionDue()?.dueAtMs ?? Date.now();
  const answered = await wf.condition(
    () => c.resubmission !== null || c.withdrawal !== null || c.calendar.changes !== calendarSeen,
    Math.max(1, dueAtMs - Date.now()),
  );
  if (!answered) c.life.send({ type: 'CORRECTION_EXPIRED' });
  else if (c.withdrawal !== null) c.life.send({ type: 'WITHDRAW', reason: c.withdrawal });
  else if (c.resubmission !== null) {
    c.acceptResubmission(c.resubmission);
    c.resubmission = null;
  } else c.life.version += 1; // a loaded calendar moved the correction deadline: show it, then wait again
}

/** The case view, the decision Update and the applicant's own Updates. */
function listenToApplicant(c: EnrollmentCase): void {
  wf.setHandler(getCaseView, () => c.view());
  handleTaskDecisions({
    desk: () => c.tasks,
    validateStep: (completion: TaskCompletion) => {
      const event = enrollmentEventFor(completion);
      if ('refused' in event) throw refuse('OUTCOME_NOT_ALLOWED', event.refused);
      if (!c.life.can(event)) throw refuse('OUTCOME_NOT_ALLOWED', `"${completion.outcome}" is not possible while the case is ${c.life.status()}`);
    },
    version: () => c.life.version,
    appliedVersion: () => c.decided,
    view: () => c.view(),
  });
  const settledAfter = async () => {
    const before = c.life.version;
    await wf.condition(() => c.settled > before);
    return c.view();
  };
  wf.setHandler(
    resubmitEnrollment,
    async ({ correction }: { correction: EnrollmentCorrection; actorId: string }) => {
      c.resubmission = correction;
      return settledAfter();
    },
    {
      validator: (_request: { correction: EnrollmentCorrection; actorId: string }) => {
        if (!c.life.matches('awaitingCorrection') || c.resubmission !== null) {
          throw refuse('NOT_ALLOWED_NOW', `the case is ${c.life.status()}: there is nothing to correct`);
        }
      },
    },
  );
  wf.setHandler(
    withdrawEnrollment,
    async ({ reason }: { reason: string; actorId: string }) => {
      c.withdrawal = reason;
      return settledAfter();
    },
    {
      validator: (_request: { reason: string; actorId: string }) => {
        if (!c.life.can({ type: 'WITHDRAW', reason: '' }) || c.withdrawal !== null) {
          throw refuse('NOT_ALLOWED_NOW', `the case is ${c.life.status()}: it can no longer be withdrawn`);
        }
      },
    },
  );
}
