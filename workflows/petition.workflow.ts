import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { isIsoDate } from '../domain/calendar/local-date.js';
import { DomainError } from '../domain/errors.js';
import { assertReviewWindowOpen } from '../domain/petition/petition-clocks.js';
import { petitionStepOf } from '../domain/petition/petition-steps.js';
import type { TaskCompletion } from '../domain/task.js';
import { timeToContinueAsNew } from './continue-as-new.js';
import { today } from './human-task.js';
import { failingOnDomainErrors } from './domain-failures.js';
import { getCaseView, refuse } from './messages.js';
import { PetitionCase } from './petition/petition-case.js';
import { type PetitionInput, ratePetition, recordPetitionDelivery, requestPetitionReview } from './petition/petition-messages.js';
import { handleTaskDecisions } from './task-decisions.js';

export { ratePetition, recordPetitionDelivery, requestPetitionReview, type PetitionInput } from './petition/petition-messages.js';

const acts = wf.proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['DomainRefusal'] },
});

/**
 * 信访 (rules §7, §9, E12): acceptance within 15 days, handling within 60 (+30), then the petitioner's 30-day
 * windows for review by the body above and re-review one level further up. The steps live in
 * workflows/petition/petition-case.ts.
 */
export async function petition(input: PetitionInput): Promise<{ status: string }> {
  return failingOnDomainErrors(() => runPetition(input));
}

async function runPetition(input: PetitionInput): Promise<{ status: string }> {
  const loaded = input.carried ? null : await acts.loadPetitionContext({ caseId: input.caseId, petitionerId: input.petitionerId, matterKey: input.matterKey });
  const c = new PetitionCase(input, loaded, !input.carried && wf.patched('petition-rules-2026-12'));
  c.calendar.listen();
  listen(c);
  if (!input.carried) {
    await c.notify('petition_registered', 0);
    // Art. 36: the same facts and reasons after a concluded re-review are recognised and answered, not handled again.
    if (loaded?.concludedReference) c.life.send({ type: 'DUPLICATE_OF_CONCLUDED', reference: loaded.concludedReference });
  }

  while (!c.life.closed()) {
    await c.runEffects();
    if (c.life.closed()) break;
    const step = petitionStepOf(c.status(), input.sensitive);
    if (step) await decide(c, step);
    else await awaitPetitioner(c);
  }
  if (c.life.hasEffects() || c.settled < c.life.version) await c.runEffects();
  await wf.condition(wf.allHandlersFinished);
  return { status: c.status() };
}

/** A body's decision on the step the status waits on (acceptance, handling, extension, review, re-review). */
async function decide(c: PetitionCase, step: NonNullable<ReturnType<typeof petitionStepOf>>): Promise<void> {
  await c.openStep(step);
  const decision = (await c.tasks!.awaitDecision(undefined, () => c.recount()))!;
  const event = c.eventFor(decision);
  if ('refused' in event) throw wf.ApplicationFailure.nonRetryable(event.refused, 'InvariantViolation');
  await c.applyDecision(decision, event);
}

/** Waiting on the petitioner: a review request, a rating, a delivery record, or the window running out (arts. 35, 36). */
async function awaitPetitioner(c: PetitionCase): Promise<void> {
  const stage = c.status() === 'opinionIssued' ? 'review' : 'rereview';
  const window = c.clockDue(stage === 'review' ? 'reviewRequest' : 'rereviewRequest');
  if (timeToContinueAsNew(c.input.policy.continueAsNewAfterEvents)) {
    await wf.condition(wf.allHandlersFinished);
    await wf.continueAsNew<typeof petition>({ ...c.input, carried: c.carried() });
  }
  const before = c.life.version;
  const calendarSeen = c.calendar.changes;
  const woken = () => c.reviewAsked !== null || c.life.version !== before || c.calendar.changes !== calendarSeen;
  let asked = true;
  if (window) asked = await wf.condition(woken, Math.max(1, window.due.dueAtMs - Date.now()));
  else await wf.condition(woken); // a letter not yet delivered starts no window: wait for its delivery record
  if (c.reviewAsked !== null) {
    c.life.send(c.reviewAsked === 'review' ? { type: 'REQUEST_REVIEW', on: today() } : { type: 'REQUEST_REREVIEW', on: today() });
    c.reviewAsked = null;
  } else if (!asked && window) {
    const { caseId } = c.input;
    await acts.appendTimeline({
      caseId,
      key: `${caseId}:window:${stage}`,
      actor: 'system',
      action: `petition.${stage}WindowClosed`,
      detail: { dueDate: window.due.dueDate },
    });
    c.life.send({ type: 'WINDOW_CLOSED' });
  } else if (c.calendar.changes !== calendarSeen) c.life.version += 1; // show the window counted with the new calendar
}

/** The case view, the decision Update, and the petitioner's and staff's Updates. */
function listen(c: PetitionCase): void {
  wf.setHandler(getCaseView, () => c.view());
  handleTaskDecisions({
    desk: () => (c.spec ? c.tasks : null),
    validateStep: (completion: TaskCompletion) => {
      const event = c.eventFor(completion);
      if ('refused' in event) throw refuse('OUTCOME_NOT_ALLOWED', event.refused);
      if (event.type === 'FORWARD' && c.regions !== null && !c.regions.includes(event.toRegion)) {
        throw refuse('OUTCOME_NOT_ALLOWED', `region ${event.toRegion} is not served by this system: forward to a body that is`);
      }
      if (!c.life.can(event)) throw refuse('OUTCOME_NOT_ALLOWED', `"${completion.outcome}" is not possible while the petition is ${c.status()}`);
    },
    version: () => c.life.version,
    // Cases started before the 2026-12 rules answered once the follow-up effects were written.
    appliedVersion: () => (c.rules2026 ? c.decided : c.settled),
    view: () => c.view(),
  });
  wf.setHandler(
    requestPetitionReview,
    async ({ stage }) => {
      c.reviewAsked = stage;
      const before = c.life.version;
      await wf.condition(() => c.settled > before);
      return c.view();
    },
    {
      validator: ({ stage }: { stage: 'review' | 'rereview'; actorId: string }) => {
        const expected = stage === 'review' ? 'opinionIssued' : 'reviewed';
        if (c.status() !== expected || c.reviewAsked !== null)
          throw refuse('NOT_ALLOWED_NOW', `the petition is ${c.status()}: no ${stage} can be requested now`);
        const received = c.opinionReceivedOn(stage);
        try {
          if (received) assertReviewWindowOpen(c.calendar.years, c.input.policy, stage, received, today());
        } catch (error) {
          if (error instanceof DomainError) throw refuse('REVIEW_WINDOW_CLOSED', error.message);
          throw error;
        }
        if (c.reviewBody(stage) === null) throw refuse('NOT_ALLOWED_NOW', `there is no body above to ${stage} it`);
      },
    },
  );
  wf.setHandler(
    ratePetition,
    async ({ score, comment }) => {
      c.life.send({ type: 'RATE', score, comment });
      await c.runEffects();
      return c.view();
    },
    {
      validator: ({ score }: { score: number; comment: string; actorId: string }) => {
        if (!Number.isInteger(score) || score < 1 || score > 5) throw refuse('OUTCOME_NOT_ALLOWED', 'a rating is a whole number from 1 to 5');
        if (!c.life.can({ type: 'RATE', score, comment: '' })) throw refuse('NOT_ALLOWED_NOW', 'there is no reply to rate, or it was rated already');
      },
    },
  );
  wf.setHandler(
    recordPetitionDelivery,
    async ({ document, receivedOn }) => {
      c.life.send({ type: 'DELIVERED', document, on: receivedOn });
      await c.runEffects();
      return c.view();
    },
    {
      validator: ({ document, receivedOn }: { document: 'opinion' | 'review'; receivedOn: string; actorId: string }) => {
        const ctx = c.life.context;
        const issuedOn = (document === 'opinion' ? ctx.opinion : ctx.review)?.issuedOn;
        if (!c.rules2026 || !c.life.can({ type: 'DELIVERED', document, on: receivedOn }) || !issuedOn) {
          throw refuse('NOT_ALLOWED_NOW', `the petition is ${c.status()}: there is no ${document} awaiting its delivery record`);
        }
        if (!isIsoDate(receivedOn) || receivedOn < issuedOn || receivedOn > today()) {
          throw refuse('INVALID_DATE', `receivedOn must be a date from ${issuedOn} (issued) to ${today()} (today)`);
        }
      },
    },
  );
}
