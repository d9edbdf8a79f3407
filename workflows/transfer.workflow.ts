import * as wf from '@temporalio/workflow';
import { transferEventFor } from '../domain/transfer/transfer-decision.js';
import type { TransferLegName } from '../domain/transfer/transfer-legs.js';
import type { TaskCompletion } from '../domain/task.js';
import { failingOnDomainErrors } from './domain-failures.js';
import { getCaseView, refuse } from './messages.js';
import { answerBeforeFollowUp, handleTaskDecisions } from './task-decisions.js';
import { TransferCase } from './transfer/transfer-case.js';
import { absorbMessages } from './transfer/transfer-inbox.js';
import { legDueMs } from './transfer/transfer-leg-clock.js';
import { chaseCounterpart, collectFunds, escalateLeg } from './transfer/transfer-waiting-steps.js';
import { type TransferInput, transferMessageArrived } from './transfer/transfer-messages.js';

export { transferMessageArrived, type TransferInput } from './transfer/transfer-messages.js';

/**
 * 转移接续 (rules §6, §9): a saga with a clock on every leg. Pension — the new office accepts and sends the
 * letter of acceptance within 15 working days, the old office sends the information table and the money within 15 of
 * receiving it, the new office completes within 15 of receiving them (国办发〔2009〕66号 art. 8); medical and
 * unemployment — the old office transfers out within 10, the new office loads within 5 (医保办发〔2021〕43号). A refusal
 * moves nothing; money that does not arrive escalates the leg and is looked for again, never booked twice; the old
 * relationship ends in the same transaction in which the new one takes over. The state and steps live in
 * workflows/transfer/ (transfer-case.ts and the modules it names).
 */
export async function transfer(input: TransferInput): Promise<{ status: string }> {
  return failingOnDomainErrors(() => runTransfer(input));
}

async function runTransfer(input: TransferInput): Promise<{ status: string }> {
  const c = await TransferCase.open(input);
  c.calendar.listen();
  listen(c);

  while (!c.life.closed()) {
    await c.runEffects();
    if (c.life.closed()) break;
    if (c.desk?.openTaskId) await decide(c);
    else if (c.life.matches('inTransit')) await awaitFunds(c);
    else await awaitCounterpart(c);
  }
  if (c.life.hasEffects() || c.settled < c.life.version) await c.runEffects();
  await wf.condition(wf.allHandlersFinished);
  return { status: c.life.status() };
}

/** A leg one of this system's offices runs: its staff decide on the task; a counterpart's message may come first. */
async function decide(c: TransferCase): Promise<void> {
  const decision = await c.desk!.awaitDecision(
    () => c.inbox.length > 0,
    () => c.recount(),
  );
  if (decision === null) return absorbMessages(c);
  await c.applyDecision(decision);
  c.markDecided();
  await answerBeforeFollowUp();
}

/** Both offices are served here: the new office looks for the money until it is there, escalating once it is late. */
async function awaitFunds(c: TransferCase): Promise<void> {
  if (await collectFunds(c)) return;
  await waitOnLeg(c, 'transferOut', () => false, true);
}

/** The counterpart runs the leg: wait for its message; once the leg is overdue, escalate and ask again. */
async function awaitCounterpart(c: TransferCase): Promise<void> {
  const leg = c.currentLeg();
  if (leg === null) throw wf.ApplicationFailure.nonRetryable(`transfer stuck in ${c.life.status()}`, 'InvariantViolation');
  if (await waitOnLeg(c, leg, () => c.inbox.length > 0, false)) await absorbMessages(c);
  else if (c.progress.escalated.includes(leg)) await chaseCounterpart(c);
}

/**
 * Waits on a leg without a task until `ready`, the leg's due date (then it is escalated once) or, once overdue or
 * when `retryBeforeDue`, the retry interval. True when `ready` woke it; a newly loaded calendar recounts and returns.
 */
async function waitOnLeg(c: TransferCase, leg: TransferLegName, ready: () => boolean, retryBeforeDue: boolean): Promise<boolean> {
  const retryMs = c.input.policy.saga.retryEveryHours * 3_600_000;
  const dueMs = legDueMs(c, leg);
  const overdue = c.progress.escalated.includes(leg);
  let waitMs = overdue || dueMs === null ? retryMs : Math.max(1, dueMs - Date.now());
  if (retryBeforeDue) waitMs = Math.min(waitMs, retryMs);
  const calendarSeen = c.calendar.changes;
  const woke = await wf.condition(() => ready() || c.calendar.changes !== calendarSeen, waitMs);
  if (c.calendar.changes !== calendarSeen) {
    await c.recount();
    return ready();
  }
  if (woke) return true;
  if (!overdue && dueMs !== null && Date.now() >= dueMs) await escalateLeg(c, leg);
  return false;
}

/** The case view, the decision Update on the open leg's task, and the platform's messages. */
function listen(c: TransferCase): void {
  wf.setHandler(getCaseView, () => c.view());
  wf.setHandler(transferMessageArrived, ({ message }) => void c.inbox.push(message));
  handleTaskDecisions({
    desk: () => c.desk,
    validateStep: (completion: TaskCompletion) => {
      const leg = c.currentLeg();
      if (!leg) throw refuse('NOT_ALLOWED_NOW', `the transfer is ${c.life.status()}: no decision is due`);
      const event = transferEventFor(completion, leg);
      if ('refused' in event) throw refuse('OUTCOME_NOT_ALLOWED', event.refused);
      if (!c.life.can(event)) throw refuse('OUTCOME_NOT_ALLOWED', `"${completion.outcome}" is not possible while the transfer is ${c.life.status()}`);
    },
    version: () => c.life.version,
    appliedVersion: () => c.decided,
    view: () => c.view(),
  });
}
