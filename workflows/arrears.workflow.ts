import * as wf from '@temporalio/workflow';
import { initialTransition, transition } from 'xstate';
import type { Activities } from '../activities/index.js';
import type { ArrearsBalance } from '../activities/arrears.activities.js';
import type { ArrearsCaseStart } from '../activities/arrears-sweep.js';
import { ARREARS_STEPS, arrearsEventFor, hardshipDeferral } from '../domain/arrears/arrears-decision.js';
import { type ArrearsEffect, type ArrearsStep, toArrearsEffects } from '../domain/arrears/arrears-effects.js';
import { type ArrearsContext, type ArrearsEvent, arrearsMachine } from '../domain/arrears/arrears.machine.js';
import type { CalendarYear } from '../domain/calendar/holiday-calendar.js';
import type { CaseDeadline } from '../domain/case/case-projection.js';
import { computeDeadline, endOfDayMs, toShanghaiIso } from '../domain/case/deadline-clock.js';
import { Money } from '../domain/money.js';
import type { TaskCompletion } from '../domain/task.js';
import { HumanTaskDesk, today } from './human-task.js';
import { type CaseView, completeTask, getCaseView, refuse } from './messages.js';

export type ArrearsInput = ArrearsCaseStart & {
  /** Set when the case continues as new: the lifecycle and clocks it had. */
  resume?: { value: string; context: ArrearsContext; orderDue: string | null; transferDue: string | null; version: number };
};

/** Overdue periods joining the employer's open case (issue 3: later periods join it). */
export const arrearsPeriodsJoined = wf.defineSignal<[{ periods: string[] }]>('arrearsPeriodsJoined');
/** A payment was booked for the employer: recompute and settle what is paid. */
export const arrearsPaymentReceived = wf.defineSignal<[{ paymentId: string }]>('arrearsPaymentReceived');
/** The employer (or staff for it) asks for a hardship deferral (domain-rules §4 (b)); a supervisor decides. */
export const requestArrearsDeferral = wf.defineUpdate<CaseView, [{ until: string; reason: string; actorId: string }]>('requestArrearsDeferral');

const acts = wf.proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

// Stages that wait on the clock or a payment, without a task: the only places the case may continue as new.
const WAITING = new Set(['ordered', 'transferDecided', 'guaranteeAgreement', 'courtEnforcement', 'hardshipDeferral']);
// The human step each task-bearing state waits on.
const STEP_OF: Partial<Record<string, ArrearsStep>> = {
  fineProposal: 'proposeFine',
  fineApproval: 'approveFine',
  accountInquiry: 'bankInquiry',
  enforcementDecision: 'enforcement',
  deferralReview: 'deferralReview',
};
// A long wait still wakes up now and then so the case page shows the late fee as it grows.
const REFRESH_MS = 30 * 86_400_000;

/** 欠费追缴: order to pay, fine (four eyes), enforcement ladder, deferrals; settles on payment (社会保险法 arts. 63, 86). */
export async function arrears(input: ArrearsInput): Promise<{ status: string }> {
  const { caseId, employer, policy } = input;
  let [snapshot, actions] = input.resume
    ? [arrearsMachine.resolveState({ value: input.resume.value, context: input.resume.context }), []]
    : initialTransition(arrearsMachine, { employer, periods: input.periods });
  const pending: ArrearsEffect[] = toArrearsEffects(actions);
  let version = input.resume?.version ?? 1;
  let settled = 0;
  let orderDue: string | null = input.resume?.orderDue ?? null;
  // When the proceeds of a compulsory transfer decision are expected by; set on entering that stage.
  let transferDue: string | null = input.resume?.transferDue ?? null;
  let paymentSeen = false;
  let joined: string[] = [];
  let deferralAsked: { until: string; reason: string; actorId: string } | null = null;
  let decision: TaskCompletion | null = null;
  let balance: ArrearsBalance | null = null;

  const send = (event: ArrearsEvent): void => {
    const before = String(snapshot.value);
    [snapshot, actions] = transition(arrearsMachine, snapshot, event);
    if (String(snapshot.value) !== before) transferDue = null;
    pending.push(...toArrearsEffects(actions));
    version += 1;
  };
  const status = (): string => String(snapshot.value);
  const closed = (): boolean => snapshot.status === 'done';
  const allowedEvents = (): string[] =>
    (['DEFERRAL_REQUESTED', 'PAID_IN_FULL'] as const).filter((type) => snapshot.can({ type, deferral: { kind: 'hardship', from: '', until: '', reason: '', instalments: 1 } }));

  const calendar: CalendarYear[] = await acts.loadArrearsCalendar();
  const tasks = new HumanTaskDesk({ caseId, caseType: 'arrears', region: input.region }, calendar, acts);
  const view = (): CaseView => ({ caseId, status: status(), version, closed: closed(), openTaskId: tasks.openTaskId, allowedEvents: allowedEvents() });
  const currentStep = (): ArrearsStep | null => STEP_OF[status()] ?? null;
  const arrearsAmount = (): Money => Money.of(balance?.principal ?? '0.00');

  wf.setHandler(getCaseView, view);
  wf.setHandler(arrearsPeriodsJoined, ({ periods }) => {
    joined = [...joined, ...periods];
  });
  wf.setHandler(arrearsPaymentReceived, () => {
    paymentSeen = true;
  });
  wf.setHandler(
    completeTask,
    async (completion: TaskCompletion) => {
      tasks.accept(completion);
      const before = version;
      await wf.condition(() => settled > before);
      return view();
    },
    {
      validator: (completion: TaskCompletion) => {
        tasks.validate(completion);
        const step = currentStep();
        if (!step) throw refuse('NotAllowedNow', `the case is ${status()}: no decision is due`);
        const event = arrearsEventFor(completion, { step, arrears: arrearsAmount(), today: today(), policy });
        if ('refused' in event) throw refuse('OutcomeNotAllowed', event.refused);
        if (!snapshot.can(event)) throw refuse('OutcomeNotAllowed', `"${completion.outcome}" is not possible while the case is ${status()}`);
      },
    },
  );
  wf.setHandler(
    requestArrearsDeferral,
    async (request: { until: string; reason: string; actorId: string }) => {
      deferralAsked = request;
      const before = version;
      await wf.condition(() => settled > before);
      return view();
    },
    {
      validator: (request: { until: string; reason: string; actorId: string }) => {
        const checked = hardshipDeferral(request, today(), policy);
        if ('refused' in checked) throw refuse('OutcomeNotAllowed', checked.refused);
        if (deferralAsked !== null || !snapshot.can({ type: 'DEFERRAL_REQUESTED', deferral: checked.deferral })) {
          throw refuse('NotAllowedNow', `the case is ${status()}: a deferral cannot be asked for now`);
        }
      },
    },
  );

  const refreshBalance = async () => {
    balance = await acts.arrearsBalance({ caseId, employer, periods: snapshot.context.periods, asOf: today(), lateFee: policy.lateFee });
    return balance;
  };

  const deadlines = (): CaseDeadline[] => {
    const list: CaseDeadline[] = [];
    if (orderDue && snapshot.matches('ordered')) list.push({ name: 'orderToPay', dueDate: orderDue, dueAt: toShanghaiIso(endOfDayMs(orderDue)), unit: policy.orderToPayUnit });
    const deferral = snapshot.context.deferral;
    if (deferral) list.push({ name: deferral.kind === 'hardship' ? 'hardshipDeferral' : 'deferredPaymentAgreement', dueDate: deferral.until, dueAt: toShanghaiIso(endOfDayMs(deferral.until)), unit: 'calendar' });
    const task = tasks.deadline(currentStep() ?? 'task');
    if (task) list.push(task);
    return list;
  };

  const project = () =>
    acts.projectCase({
      caseId,
      status: status(),
      version,
      closed: closed(),
      deadlines: deadlines(),
      allowedEvents: allowedEvents(),
      summary: {
        employerCreditCode: employer,
        periods: snapshot.context.periods,
        orders: snapshot.context.orders,
        fine: snapshot.context.fine,
        fineProposal: snapshot.context.fineProposal,
        deferral: snapshot.context.deferral,
        balance,
      },
    });

  const notify = (notice: string) =>
    acts.sendNotice({
      caseId,
      key: `${caseId}:${notice}:${version}`,
      recipientKind: 'employer',
      recipientId: employer,
      kind: notice,
      payload: { reference: input.reference, status: status(), orderDue, balance, fine: snapshot.context.fine, deferral: snapshot.context.deferral },
    });

  async function runEffects(): Promise<void> {
    for (let effect = pending.shift(); effect; effect = pending.shift()) {
      switch (effect.kind) {
        case 'notify':
          await notify(effect.notice);
          break;
        case 'issueOrder': {
          await refreshBalance();
          orderDue = computeDeadline(calendar, today(), policy.orderToPayDays, policy.orderToPayUnit).dueDate;
          await acts.appendTimeline({ caseId, key: `${caseId}:order:${snapshot.context.orders}`, actor: 'system', action: 'arrears.order', detail: { orderDue, principal: balance?.principal, lateFee: balance?.lateFee } });
          break;
        }
        case 'openTask': {
          const spec = ARREARS_STEPS[effect.step];
          await tasks.open({
            step: effect.step,
            permission: spec.permission,
            slaDays: policy.stepWorkingDays,
            slaUnit: 'working',
            priority: 1,
            // Four eyes (issue 3): whoever proposed the fine may not approve it.
            preparedBy: effect.step === 'approveFine' ? (snapshot.context.fineProposal?.proposedBy ?? null) : null,
            outcomes: spec.outcomes,
          });
          break;
        }
        case 'closeTask':
          if (decision && tasks.openTaskId) await tasks.close(decision);
          break;
        case 'cancelTask':
          await tasks.cancel(closed() ? 'arrears settled' : 'superseded by a deferral request');
          break;
        case 'recordFine': {
          const proposal = snapshot.context.fineProposal;
          if (proposal) {
            await acts.recordFine({ caseId, employer, amount: proposal.amount, multiple: proposal.multiple, approvedBy: snapshot.context.lastDecisionBy ?? 'system', key: `${caseId}:fine:${version}`, on: today() });
          }
          break;
        }
        case 'recordDeferral': {
          const d = snapshot.context.deferral;
          if (d) await acts.recordFeeWaiver({ caseId, employer, from: d.from, until: d.until, reason: `${d.kind}: ${d.reason}`, approvedBy: decision?.actorId ?? 'system', key: `${caseId}:waiver:${version}` });
          break;
        }
      }
    }
    await refreshBalance();
    await project();
    settled = version;
  }

  /** Waits for a payment, a new period, a deferral request or `untilDate` (24:00); true when the date passed. */
  const waitUntil = async (untilDate: string | null, more: () => boolean = () => false): Promise<boolean> => {
    const ms = untilDate ? Math.max(1, endOfDayMs(untilDate) - Date.now()) : REFRESH_MS;
    const woke = await wf.condition(() => paymentSeen || joined.length > 0 || deferralAsked !== null || more(), Math.min(ms, REFRESH_MS));
    return !woke && untilDate !== null && Date.now() >= endOfDayMs(untilDate);
  };

  /** Handles what woke the case; true when it changed state. */
  const absorb = async (): Promise<boolean> => {
    if (joined.length > 0) {
      send({ type: 'PERIODS_JOINED', periods: joined });
      joined = [];
    }
    if (paymentSeen) {
      paymentSeen = false;
      const b = await refreshBalance();
      if (b.settled) {
        send({ type: 'PAID_IN_FULL' });
        return true;
      }
    }
    if (deferralAsked !== null) {
      const checked = hardshipDeferral(deferralAsked, today(), policy);
      deferralAsked = null;
      if (!('refused' in checked)) {
        send({ type: 'DEFERRAL_REQUESTED', deferral: checked.deferral });
        return true;
      }
    }
    return false;
  };

  while (!closed()) {
    await runEffects();
    if (closed()) break;
    if (WAITING.has(status()) && wf.workflowInfo().continueAsNewSuggested) {
      await wf.condition(wf.allHandlersFinished);
      await wf.continueAsNew<typeof arrears>({ ...input, resume: { value: status(), context: snapshot.context, orderDue, transferDue, version } });
    }
    const step = currentStep();
    if (step) {
      decision = await tasks.awaitDecision(() => paymentSeen || joined.length > 0 || deferralAsked !== null);
      if (decision === null) {
        await absorb();
        continue;
      }
      const event = arrearsEventFor(decision, { step, arrears: arrearsAmount(), today: today(), policy });
      if ('refused' in event) throw wf.ApplicationFailure.nonRetryable(event.refused, 'InvariantViolation');
      send(event);
      continue;
    }
    if (snapshot.matches('transferDecided') && transferDue === null) {
      transferDue = computeDeadline(calendar, today(), policy.stepWorkingDays, 'working').dueDate;
    }
    // Court enforcement has no deadline of ours: it waits for the proceeds, waking monthly.
    const deferralEnd = snapshot.matches('guaranteeAgreement') || snapshot.matches('hardshipDeferral') ? (snapshot.context.deferral?.until ?? null) : null;
    const elapsed = await waitUntil(snapshot.matches('ordered') ? orderDue : snapshot.matches('transferDecided') ? transferDue : deferralEnd);
    if (await absorb()) continue;
    if (!elapsed) {
      // Nothing happened: a new version so the case page shows the late fee as of today.
      version += 1;
      continue;
    }
    // The period ran out unpaid: one last look at the ledger (a payment may have been booked on the last day).
    if ((await refreshBalance()).settled) send({ type: 'PAID_IN_FULL' });
    else if (snapshot.matches('ordered')) send({ type: 'ORDER_EXPIRED' });
    else if (snapshot.matches('hardshipDeferral')) send({ type: 'DEFERRAL_ENDED' });
    else send({ type: 'STEP_EXPIRED' });
  }
  if (pending.length > 0 || settled < version) await runEffects();
  await wf.condition(wf.allHandlersFinished);
  return { status: status() };
}

const sweepActs = wf.proxyActivities<Activities>({ startToCloseTimeout: '10 minutes', retry: { maximumAttempts: 5 } });

/**
 * The daily overdue sweep (run by the `arrears-sweep` Temporal schedule the worker ensures): opens provisional bills
 * for employers that did not declare, then starts or joins one arrears case per employer with unpaid overdue bills.
 * A schedule rather than a loop in the worker: Temporal keeps the timetable, skips overlaps and shows every run.
 */
export async function arrearsSweep(): Promise<{ cases: number; periods: number }> {
  return sweepActs.sweepOverdueBills({ asOf: today() });
}
