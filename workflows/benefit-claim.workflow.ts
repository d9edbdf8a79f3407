import * as wf from '@temporalio/workflow';
import { reassessmentRequestCheck } from '../domain/benefit/work-injury-clocks.js';
import { benefitStepOf } from '../domain/benefit/benefit-claim-decision.js';
import { addDays, monthOf } from '../domain/calendar/local-date.js';
import { endOfDayMs } from '../domain/case/deadline-clock.js';
import { monthPlus } from '../domain/benefit/entitlement.js';
import { amountsOf, lastPaidMonth, stopFor } from './benefit-claim/benefit-claim-amounts.js';
import { BenefitClaimCase } from './benefit-claim/benefit-claim-case.js';
import { type BenefitClaimInput, benefitReemployed, requestReassessment } from './benefit-claim/benefit-claim-messages.js';
import { failingOnDomainErrors } from './domain-failures.js';
import { today } from './human-task.js';
import { refuse } from './messages.js';
import { decideStep, listenToSteps } from './step-case.js';

export { benefitReemployed, requestReassessment, type BenefitClaimInput } from './benefit-claim/benefit-claim-messages.js';

/**
 * 待遇审批 (rules §5, §8, §9): one workflow type for every claim type — the approval tiers, entitlements and
 * clocks are shared, and only the checks, the amounts and a work injury's recognition and assessment differ (they are
 * domain rules and extra statuses, not another process). The checks on the insurance history; for a work injury,
 * recognition (its clock suspended while a judicial conclusion is awaited), the disability assessment and the 15-day
 * window for a re-assessment; then a caseworker prepares, a reviewer approves and above the configured amounts a
 * supervisor approves as well; the entitlements are recorded, and an unemployment benefit runs until its period ends
 * or re-employment stops it. The steps live in workflows/benefit-claim/benefit-claim-case.ts.
 */
export async function benefitClaim(input: BenefitClaimInput): Promise<{ status: string }> {
  return failingOnDomainErrors(() => runBenefitClaim(input));
}

async function runBenefitClaim(input: BenefitClaimInput): Promise<{ status: string }> {
  const c = await BenefitClaimCase.open(input);
  c.calendar.listen();
  listen(c);

  while (!c.life.closed()) {
    await c.runEffects();
    if (c.life.closed()) break;
    const step = benefitStepOf(c.status());
    if (step) await decideStep(c, step);
    else if (c.life.matches('assessed')) await awaitReassessmentRequest(c);
    else if (c.life.matches('paying')) await awaitPeriodEnd(c);
    else throw wf.ApplicationFailure.nonRetryable(`benefit claim stuck in ${c.status()}`, 'InvariantViolation');
  }
  if (c.life.hasEffects() || c.settled < c.life.version) await c.runEffects();
  await wf.condition(wf.allHandlersFinished);
  return { status: c.status() };
}

/** The 15 days after the assessment conclusion (art. 26): a re-assessment request, or the grade becomes final. */
async function awaitReassessmentRequest(c: BenefitClaimCase): Promise<void> {
  const due = c.clockDue('reassessmentRequest');
  const calendarSeen = c.calendar.changes;
  const woke = await wf.condition(
    () => c.reassessmentAsked !== null || c.calendar.changes !== calendarSeen,
    Math.max(1, (due?.dueAtMs ?? Date.now()) - Date.now()),
  );
  if (c.reassessmentAsked !== null) {
    c.life.send({ type: 'REASSESSMENT_REQUESTED', by: c.reassessmentAsked.by, on: c.reassessmentAsked.on });
    c.reassessmentAsked = null;
  } else if (!woke) {
    const grade = c.life.context.disability?.grade ?? null;
    const concludedMonth = monthOf(c.life.context.disability?.concludedOn ?? today());
    c.life.send({ type: 'REASSESSMENT_WINDOW_CLOSED', assessment: grade === null ? null : amountsOf(c, {}, { grade, concludedMonth }) });
  } else c.life.version += 1; // a loaded calendar moved the window: show it, then wait again
}

/** An unemployment benefit being paid: until the end of its last month, unless re-employment stops it first. */
async function awaitPeriodEnd(c: BenefitClaimCase): Promise<void> {
  const last = lastPaidMonth(c) ?? monthOf(today());
  const endMs = endOfDayMs(addDays(`${monthPlus(last, 1)}-01`, -1));
  const calendarSeen = c.calendar.changes;
  const woke = await wf.condition(() => c.reemployedSignal !== null || c.calendar.changes !== calendarSeen, Math.max(1, endMs - Date.now()));
  const signal = c.reemployedSignal;
  if (signal !== null) {
    c.life.send({ type: 'REEMPLOYED', date: signal.date, employerCreditCode: signal.employerCreditCode, stop: stopFor(c, signal.date) });
    c.reemployedSignal = null;
  } else if (!woke) c.life.send({ type: 'PERIOD_ENDED' });
  else c.life.version += 1;
}

/** The case view, the decision Update, the re-assessment request and the re-employment signal. */
function listen(c: BenefitClaimCase): void {
  listenToSteps(c);
  wf.setHandler(
    requestReassessment,
    async ({ actorId }) => {
      c.reassessmentAsked = { by: actorId, on: today() };
      const before = c.life.version;
      await wf.condition(() => c.settled > before);
      return c.view();
    },
    {
      validator: (_request: { actorId: string }) => {
        const disability = c.life.context.disability;
        const concludedOn = disability?.concludedOn;
        if (!concludedOn || disability.reassessmentRequestedOn !== null || c.reassessmentAsked !== null) {
          throw refuse('NOT_ALLOWED_NOW', `the claim is ${c.status()}: there is no assessment conclusion to contest now`);
        }
        // After the 15 days the case has moved on: the answer names the last day (art. 26), whatever the status now.
        const check = reassessmentRequestCheck(c.calendar.years, { conclusionReceivedOn: concludedOn, requestedOn: today() }, c.input.policy.workInjuryClocks);
        if (!check.inTime || !c.life.matches('assessed')) {
          throw refuse(
            'REASSESSMENT_OUT_OF_TIME',
            check.refusals.map((r) => r.reason).join('; ') || `a re-assessment had to be requested by ${check.deadline.dueDate}`,
          );
        }
      },
    },
  );
  wf.setHandler(benefitReemployed, (signal) => {
    if (c.life.closed() || c.input.application.type !== 'unemployment') return;
    c.noteReemployment(signal);
    if (c.life.matches('paying')) c.reemployedSignal = { date: signal.date, employerCreditCode: signal.employerCreditCode };
    else c.life.send({ type: 'REEMPLOYED', date: signal.date, employerCreditCode: signal.employerCreditCode, stop: null });
  });
}
