import type { ArrearsBalance } from '../../domain/arrears/arrears-case.js';
import { arrearsEventFor } from '../../domain/arrears/arrears-decision.js';
import { type ArrearsEffect, type ArrearsStep, toArrearsEffects } from '../../domain/arrears/arrears-effects.js';
import { type ArrearsEvent, arrearsMachine } from '../../domain/arrears/arrears.machine.js';
import type { CalendarYear } from '../../domain/calendar/holiday-calendar.js';
import type { CaseDeadline } from '../../domain/case/case-projection.js';
import { endOfDayMs, toShanghaiIso } from '../../domain/case/deadline-clock.js';
import { Money } from '../../domain/money.js';
import type { TaskCompletion } from '../../domain/task.js';
import { CaseCalendar } from '../case-calendar.js';
import { HumanTaskDesk, today } from '../human-task.js';
import { Lifecycle } from '../lifecycle.js';
import type { CaseView } from '../messages.js';
import { followUpDone } from '../task-decisions.js';
import { acts } from './arrears-activities.js';
import type { ArrearsInput } from './arrears-messages.js';
import { runArrearsEffect } from './arrears-steps.js';

// The human step each task-bearing state waits on.
const STEP_OF: Partial<Record<string, ArrearsStep>> = {
  fineProposal: 'proposeFine',
  fineApproval: 'approveFine',
  accountInquiry: 'bankInquiry',
  enforcementDecision: 'enforcement',
  deferralReview: 'deferralReview',
};

/**
 * The state and the named steps of one arrears recovery case (欠费追缴); workflows/arrears.workflow.ts is the process
 * that runs them, arrears-steps.ts the steps its lifecycle's effects ask for. `rules2026` is chosen once per case and
 * carried across continue-as-new: the fine is a multiple of the periods whose order to pay has run out (not of periods
 * that joined later), a loaded calendar moves the order's deadline, and decisions are answered once applied.
 */
export class ArrearsCase {
  readonly life: Lifecycle<typeof arrearsMachine, ArrearsEffect>;
  readonly calendar: CaseCalendar;
  readonly tasks: HumanTaskDesk;
  readonly rules2026: boolean;
  settled = 0;
  decided = 0;
  orderDue: string | null;
  orderIssuedOn: string | null;
  orderedPeriods: string[];
  /** When the proceeds of a compulsory transfer decision are expected by; set on entering that stage. */
  transferDue: string | null;
  paymentSeen = false;
  joined: string[] = [];
  deferralAsked: { until: string; reason: string; actorId: string } | null = null;
  decision: TaskCompletion | null = null;
  balance: ArrearsBalance | null = null;

  constructor(
    readonly input: ArrearsInput,
    calendar: readonly CalendarYear[],
    rules2026: boolean,
  ) {
    const { resume } = input;
    this.rules2026 = resume ? (resume.rules2026 ?? false) : rules2026;
    this.life = resume
      ? Lifecycle.resume(arrearsMachine, toArrearsEffects, resume)
      : Lifecycle.start(arrearsMachine, toArrearsEffects, { employer: input.employer, periods: input.periods });
    this.orderDue = resume?.orderDue ?? null;
    this.transferDue = resume?.transferDue ?? null;
    this.orderIssuedOn = resume?.orderIssuedOn ?? null;
    this.orderedPeriods = resume?.orderedPeriods ?? [];
    this.calendar = new CaseCalendar(calendar);
    this.tasks = new HumanTaskDesk({ caseId: input.caseId, caseType: 'arrears', region: input.region }, this.calendar, acts);
  }

  /** Moves the lifecycle; leaving a stage forgets the transfer proceeds' deadline of the stage left. */
  send(event: ArrearsEvent): void {
    const before = this.life.status();
    this.life.send(event);
    if (this.life.status() !== before) this.transferDue = null;
  }

  view(): CaseView {
    return {
      caseId: this.input.caseId,
      status: this.life.status(),
      version: this.life.version,
      closed: this.life.closed(),
      openTaskId: this.tasks.openTaskId,
      allowedEvents: this.allowedEvents(),
      settled: followUpDone(this),
    };
  }

  allowedEvents(): string[] {
    const probe = { kind: 'hardship' as const, from: '', until: '', reason: '', instalments: 1 };
    return (['DEFERRAL_REQUESTED', 'PAID_IN_FULL'] as const).filter((type) => this.life.can({ type, deferral: probe }));
  }

  currentStep(): ArrearsStep | null {
    return STEP_OF[this.life.status()] ?? null;
  }

  /** What a fine is a multiple of (社会保险法 art. 86): the principal the expired order to pay covered. */
  fineBase(): Money {
    if (!this.rules2026) return Money.of(this.balance?.principal ?? '0.00');
    const ordered = new Set(this.orderedPeriods);
    return Money.sum((this.balance?.periods ?? []).filter((p) => ordered.has(p.period)).map((p) => Money.of(p.principal)));
  }

  eventFor(completion: TaskCompletion, step: ArrearsStep) {
    return arrearsEventFor(completion, { step, arrears: this.fineBase(), today: today(), policy: this.input.policy });
  }

  async refreshBalance(): Promise<ArrearsBalance> {
    const { caseId, employer, policy } = this.input;
    this.balance = await acts.arrearsBalance({ caseId, employer, periods: this.life.context.periods, asOf: today(), lateFee: policy.lateFee });
    return this.balance;
  }

  /** Runs what the last transitions asked for, then the balance and the read model. */
  async runEffects(): Promise<void> {
    for (let effect = this.life.nextEffect(); effect; effect = this.life.nextEffect()) await runArrearsEffect(this, effect);
    await this.refreshBalance();
    await this.project();
    this.settled = this.life.version;
  }

  /** A new calendar: the order's deadline (and the proceeds' one) counted again from the day they started. */
  recountDeadlines(): void {
    const { policy } = this.input;
    if (this.rules2026 && this.orderIssuedOn) this.orderDue = this.calendar.deadline(this.orderIssuedOn, policy.orderToPayDays, policy.orderToPayUnit).dueDate;
  }

  private deadlines(): CaseDeadline[] {
    const { policy } = this.input;
    const list: CaseDeadline[] = [];
    if (this.orderDue && this.life.matches('ordered')) {
      list.push({ name: 'orderToPay', dueDate: this.orderDue, dueAt: toShanghaiIso(endOfDayMs(this.orderDue)), unit: policy.orderToPayUnit });
    }
    const deferral = this.life.context.deferral;
    if (deferral) {
      const name = deferral.kind === 'hardship' ? 'hardshipDeferral' : 'deferredPaymentAgreement';
      list.push({ name, dueDate: deferral.until, dueAt: toShanghaiIso(endOfDayMs(deferral.until)), unit: 'calendar' });
    }
    const task = this.tasks.deadline(this.currentStep() ?? 'task');
    if (task) list.push(task);
    return list;
  }

  private project(): Promise<void> {
    const ctx = this.life.context;
    return acts.projectCase({
      caseId: this.input.caseId,
      status: this.life.status(),
      version: this.life.version,
      closed: this.life.closed(),
      deadlines: this.deadlines(),
      allowedEvents: this.allowedEvents(),
      summary: {
        employerCreditCode: this.input.employer,
        periods: ctx.periods,
        orders: ctx.orders,
        fine: ctx.fine,
        fineProposal: ctx.fineProposal,
        deferral: ctx.deferral,
        balance: this.balance,
      },
    });
  }
}
