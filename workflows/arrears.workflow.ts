import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { hardshipDeferral } from '../domain/arrears/arrears-decision.js';
import { endOfDayMs } from '../domain/case/deadline-clock.js';
import type { TaskCompletion } from '../domain/task.js';
import { acts } from './arrears/arrears-activities.js';
import { ArrearsCase } from './arrears/arrears-case.js';
import { arrearsPaymentReceived, arrearsPeriodsJoined, type ArrearsInput, requestArrearsDeferral } from './arrears/arrears-messages.js';
import { timeToContinueAsNew } from './continue-as-new.js';
import { today } from './human-task.js';
import { failingOnDomainErrors } from './domain-failures.js';
import { getCaseView, refuse } from './messages.js';
import { handleTaskDecisions } from './task-decisions.js';

export { arrearsPaymentReceived, arrearsPeriodsJoined, requestArrearsDeferral, type ArrearsInput } from './arrears/arrears-messages.js';

// Stages that wait on the clock or a payment, without a task: the only places the case may continue as new.
const WAITING = new Set(['ordered', 'transferDecided', 'guaranteeAgreement', 'courtEnforcement', 'hardshipDeferral']);
// A long wait still wakes up now and then so the case page shows the late fee as it grows.
const REFRESH_MS = 30 * 86_400_000;

/** 欠费追缴: order to pay, fine (four eyes), enforcement ladder, deferrals; settles on payment (社会保险法 arts. 63, 86). */
export async function arrears(input: ArrearsInput): Promise<{ status: string }> {
  return failingOnDomainErrors(() => runArrears(input));
}

async function runArrears(input: ArrearsInput): Promise<{ status: string }> {
  const calendar = await acts.loadArrearsCalendar();
  const c = new ArrearsCase(input, calendar, !input.resume && wf.patched('arrears-rules-2026-12'));
  c.calendar.listen();
  listen(c);

  while (!c.life.closed()) {
    await c.runEffects();
    if (c.life.closed()) break;
    if (WAITING.has(c.life.status()) && timeToContinueAsNew(input.policy.continueAsNewAfterEvents)) {
      await wf.condition(wf.allHandlersFinished);
      const { orderDue, transferDue, orderIssuedOn, orderedPeriods, rules2026 } = c;
      const resume = {
        value: c.life.status(),
        context: c.life.context,
        orderDue,
        transferDue,
        version: c.life.version,
        orderIssuedOn,
        orderedPeriods,
        rules2026,
      };
      await wf.continueAsNew<typeof arrears>({ ...input, resume });
    }
    if (c.currentStep()) await decide(c);
    else await waitForTheEmployer(c);
  }
  if (c.life.hasEffects() || c.settled < c.life.version) await c.runEffects();
  await wf.condition(wf.allHandlersFinished);
  return { status: c.life.status() };
}

/** A staff decision on the stage's step (fine, bank inquiry, enforcement, deferral); a payment may come first. */
async function decide(c: ArrearsCase): Promise<void> {
  const step = c.currentStep()!;
  c.decision = await c.tasks.awaitDecision(() => c.paymentSeen || c.joined.length > 0 || c.deferralAsked !== null);
  if (c.decision === null) {
    await absorb(c);
    return;
  }
  const event = c.eventFor(c.decision, step);
  if ('refused' in event) throw wf.ApplicationFailure.nonRetryable(event.refused, 'InvariantViolation');
  if (c.rules2026) await c.tasks.close(c.decision); // applied now: the closeTask effect then finds nothing open
  c.send(event);
  c.decided = c.life.version;
}

/** A stage without a task: wait for a payment, a new period, a deferral request or the stage's deadline. */
async function waitForTheEmployer(c: ArrearsCase): Promise<void> {
  const { policy } = c.input;
  if (c.life.matches('transferDecided') && c.transferDue === null) {
    c.transferDue = c.calendar.deadline(today(), policy.stepWorkingDays, 'working').dueDate;
  }
  // Court enforcement has no deadline of ours: it waits for the proceeds, waking monthly.
  const deferralEnd = c.life.matches('guaranteeAgreement') || c.life.matches('hardshipDeferral') ? (c.life.context.deferral?.until ?? null) : null;
  const until = c.life.matches('ordered') ? c.orderDue : c.life.matches('transferDecided') ? c.transferDue : deferralEnd;
  const calendarSeen = c.calendar.changes;
  const ms = until ? Math.max(1, endOfDayMs(until) - Date.now()) : REFRESH_MS;
  const woke = await wf.condition(
    () => c.paymentSeen || c.joined.length > 0 || c.deferralAsked !== null || c.calendar.changes !== calendarSeen,
    Math.min(ms, REFRESH_MS),
  );
  const elapsed = !woke && until !== null && Date.now() >= endOfDayMs(until);
  if (c.calendar.changes !== calendarSeen) c.recountDeadlines();
  if (await absorb(c)) return;
  if (!elapsed) {
    c.life.version += 1; // nothing happened: a new version so the case page shows the late fee as of today
    return;
  }
  // The period ran out unpaid: one last look at the ledger (a payment may have been booked on the last day).
  if ((await c.refreshBalance()).settled) c.send({ type: 'PAID_IN_FULL' });
  else if (c.life.matches('ordered')) c.send({ type: 'ORDER_EXPIRED' });
  else if (c.life.matches('hardshipDeferral')) c.send({ type: 'DEFERRAL_ENDED' });
  else c.send({ type: 'STEP_EXPIRED' });
}

/** Handles what woke the case; true when it changed state. */
async function absorb(c: ArrearsCase): Promise<boolean> {
  if (c.joined.length > 0) {
    c.send({ type: 'PERIODS_JOINED', periods: c.joined });
    c.joined = [];
  }
  if (c.paymentSeen) {
    c.paymentSeen = false;
    if ((await c.refreshBalance()).settled) {
      c.send({ type: 'PAID_IN_FULL' });
      return true;
    }
  }
  if (c.deferralAsked !== null) {
    const checked = hardshipDeferral(c.deferralAsked, today(), c.input.policy);
    c.deferralAsked = null;
    if (!('refused' in checked)) {
      c.send({ type: 'DEFERRAL_REQUESTED', deferral: checked.deferral });
      return true;
    }
  }
  return false;
}

function listen(c: ArrearsCase): void {
  wf.setHandler(getCaseView, () => c.view());
  wf.setHandler(arrearsPeriodsJoined, ({ periods }) => void (c.joined = [...c.joined, ...periods]));
  wf.setHandler(arrearsPaymentReceived, () => void (c.paymentSeen = true));
  handleTaskDecisions({
    desk: () => c.tasks,
    validateStep: (completion: TaskCompletion) => {
      const step = c.currentStep();
      if (!step) throw refuse('NOT_ALLOWED_NOW', `the case is ${c.life.status()}: no decision is due`);
      const event = c.eventFor(completion, step);
      if ('refused' in event) throw refuse('OUTCOME_NOT_ALLOWED', event.refused);
      if (!c.life.can(event)) throw refuse('OUTCOME_NOT_ALLOWED', `"${completion.outcome}" is not possible while the case is ${c.life.status()}`);
    },
    version: () => c.life.version,
    // Cases started before the 2026-12 rules answered once the follow-up effects were written.
    appliedVersion: () => (c.rules2026 ? c.decided : c.settled),
    view: () => c.view(),
  });
  wf.setHandler(
    requestArrearsDeferral,
    async (request: { until: string; reason: string; actorId: string }) => {
      c.deferralAsked = request;
      const before = c.life.version;
      await wf.condition(() => c.settled > before);
      return c.view();
    },
    {
      validator: (request: { until: string; reason: string; actorId: string }) => {
        const checked = hardshipDeferral(request, today(), c.input.policy);
        if ('refused' in checked) throw refuse('OUTCOME_NOT_ALLOWED', checked.refused);
        if (c.deferralAsked !== null || !c.life.can({ type: 'DEFERRAL_REQUESTED', deferral: checked.deferral })) {
          throw refuse('NOT_ALLOWED_NOW', `the case is ${c.life.status()}: a deferral cannot be asked for now`);
        }
      },
    },
  );
}

const sweepActs = wf.proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  retry: { maximumAttempts: 5, nonRetryableErrorTypes: ['DomainRefusal'] },
});

/**
 * The daily overdue sweep (run by the `arrears-sweep` Temporal schedule the worker ensures): opens provisional bills
 * for employers that did not declare, then starts or joins one arrears case per employer with unpaid overdue bills.
 * A schedule rather than a loop in the worker: Temporal keeps the timetable, skips overlaps and shows every run.
 */
export async function arrearsSweep(): Promise<{ cases: number; periods: number }> {
  return sweepActs.sweepOverdueBills({ asOf: today() });
}
