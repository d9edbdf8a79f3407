import * as wf from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { TransferFactsLoaded } from '../../activities/transfer.activities.js';
import type { TimelineLine } from '../../domain/case/case-projection.js';
import { toShanghaiIso } from '../../domain/case/deadline-clock.js';
import type { NoticeRequest } from '../../domain/case/notice-request.js';
import { monthOf } from '../../domain/calendar/local-date.js';
import type { TaskCompletion } from '../../domain/task.js';
import type { ExchangeMessage } from '../../domain/transfer/exchange-message.js';
import { assessTransfer, type CounterpartInformation, type TransferAssessment } from '../../domain/transfer/transfer-assessment.js';
import { TRANSFER_STEPS, transferEventFor } from '../../domain/transfer/transfer-decision.js';
import { type TransferEffect, type TransferStage, toTransferEffects } from '../../domain/transfer/transfer-effects.js';
import { transferLegDefinitions, type TransferLegName } from '../../domain/transfer/transfer-legs.js';
import { type TransferEvent, legOfStatus, transferMachine } from '../../domain/transfer/transfer.machine.js';
import { type TransferLegView, type TransferProgress, transferLegViews } from '../../domain/transfer/transfer-progress.js';
import type { ReconciliationResult } from '../../domain/transfer/transfer-reconciliation.js';
import { CaseCalendar } from '../case-calendar.js';
import { HumanTaskDesk, today } from '../human-task.js';
import { Lifecycle } from '../lifecycle.js';
import type { CaseView } from '../messages.js';
import type { TransferInput } from './transfer-messages.js';
import { transferDeadlines, transferSummary } from './transfer-summary.js';
import { envelopeOf, type ExchangeMessageBody, informationTableOf, lastCoveredMonthOf } from './transfer-platform.js';

/** Roles that file for themselves or their employer; anyone else filing is staff preparing the case. */
const APPLICANT_ROLES = new Set(['citizen', 'employer']);

// The steps are short database writes in the worker's own process: local activities skip the round trip through the
// Temporal server for each (and are still recorded in history, so a replay decides the same). The one call that leaves
// the agency — a message to the national platform's spool — is an ordinary activity.
export const acts = wf.proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  localRetryThreshold: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['DomainRefusal'] },
});
const platform = wf.proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 minutes', nonRetryableErrorTypes: ['DomainRefusal'] },
});

/**
 * The state and the named steps of one inter-region transfer (转移接续); workflows/transfer.workflow.ts is the process
 * that runs them. Each leg is the job of one office: a task for the staff of a region this system serves, or the
 * counterpart agency answering through the national platform. Timeline lines and notices gathered while effects run
 * are written with the next projection, in the same transaction as the change they report.
 */
export class TransferCase {
  readonly life: Lifecycle<typeof transferMachine, TransferEffect>;
  readonly calendar: CaseCalendar;
  /** The desk of the open leg's task (its region is the office's); null while a counterpart or the money is awaited. */
  desk: HumanTaskDesk | null = null;
  decided = 0;
  settled = 0;
  /** Platform messages that arrived and are not handled yet, oldest first. */
  inbox: ExchangeMessage[] = [];
  readonly progress: { -readonly [K in keyof TransferProgress]: TransferProgress[K] } & { escalated: TransferLegName[] };
  assessment: TransferAssessment;
  reconciliation: ReconciliationResult | null = null;
  counterpartReference: string | null;
  /** The counterpart's information table, once it arrived (role new). */
  private counterpart: CounterpartInformation | null = null;
  private requestAttempts = 0;
  private written = 0;
  private readonly lines: TimelineLine[] = [];
  private readonly outbox: NoticeRequest[] = [];

  private constructor(
    readonly input: TransferInput,
    private readonly facts: TransferFactsLoaded,
  ) {
    const { application, role } = input;
    this.counterpartReference = input.platform.counterpartReference;
    this.progress = { appliedOn: application.appliedOn, letterSentOn: null, sentOn: null, receivedOn: null, completedOn: null, stoppedOn: null, escalated: [] };
    this.calendar = new CaseCalendar(facts.calendar);
    this.assessment = this.assess();
    this.life = Lifecycle.start(transferMachine, toTransferEffects, {
      insurance: application.insurance,
      role,
      temporaryAccount: this.assessment.temporaryAccount?.temporaryAccount ?? false,
    });
  }

  /** Reads the facts of the person and both areas (recorded in history, so a replay decides the same). */
  static async open(input: TransferInput): Promise<TransferCase> {
    const { application: a } = input;
    const facts = await acts.loadTransferContext({
      citizenId: a.citizenId,
      insurance: a.insurance,
      fromPoolingArea: a.fromPoolingArea,
      toPoolingArea: a.toPoolingArea,
    });
    return new TransferCase(input, facts);
  }

  view(): CaseView {
    return {
      caseId: this.input.caseId,
      status: this.life.status(),
      version: this.life.version,
      closed: this.life.closed(),
      openTaskId: this.desk?.openTaskId ?? null,
      allowedEvents: [],
    };
  }

  /** The leg the case is in, by the insurance's own names (completion → load for medical and unemployment). */
  currentLeg(): TransferLegName | null {
    return legOfStatus(this.life.status(), this.input.application.insurance);
  }

  legs(): TransferLegView[] {
    const { application, role, offices, policy } = this.input;
    return transferLegViews({
      calendar: this.calendar.years,
      insurance: application.insurance,
      role,
      status: this.life.status(),
      progress: this.progress,
      offices,
      policy: policy.legs,
      today: today(),
    });
  }

  /** The due instant of a leg's clock, or null before it started. */
  legDueMs(leg: TransferLegName): number | null {
    const view = this.legs().find((l) => l.name === leg);
    if (!view?.dueDate) return null;
    return this.calendar.deadline(view.from!, view.days, 'working').dueAtMs;
  }

  /** Runs what the last transitions asked for, then writes the read model with its timeline lines and notices. */
  async runEffects(): Promise<void> {
    for (let effect = this.life.nextEffect(); effect; effect = this.life.nextEffect()) await this.run(effect);
    await this.project();
    this.settled = this.life.version;
  }

  markDecided(): void {
    this.decided = this.life.version;
  }

  /** A decision taken on the open leg's task: the task closes, the dates move, the lifecycle moves. */
  async applyDecision(decision: TaskCompletion): Promise<void> {
    const leg = this.currentLeg()!;
    const event = transferEventFor(decision, leg);
    if ('refused' in event) throw wf.ApplicationFailure.nonRetryable(event.refused, 'InvariantViolation');
    await this.desk!.close(decision);
    this.desk = null;
    this.send(event);
  }

  /** Moves the lifecycle and keeps the days each leg starts and ends on. */
  send(event: TransferEvent): void {
    const on = today();
    if (event.type === 'ACCEPT') this.progress.letterSentOn = on;
    if (event.type === 'RECEIVED') this.progress.receivedOn = on;
    if (event.type === 'REFUSE') this.progress.stoppedOn = on;
    this.life.send(event);
  }

  /** A newly loaded calendar moves provisional due dates: the read model shows the new ones. */
  async recount(): Promise<void> {
    this.life.version += 1;
    await this.project();
    this.settled = this.life.version;
  }

  /** A leg ran past its due date without its answer: once on the timeline of both offices, and the person is told. */
  async escalate(leg: TransferLegName): Promise<void> {
    if (this.progress.escalated.includes(leg)) return;
    const office = this.input.offices[TRANSFER_STEPS[leg].office];
    const { caseId } = this.input;
    await acts.escalateTransferLeg({
      caseId,
      leg,
      region: office.served ? office.region : office.poolingArea,
      key: `${caseId}:escalated:${leg}`,
      detail: { served: office.served },
    });
    this.progress.escalated.push(leg);
    this.notify('transfer_delayed', { leg });
    this.life.version += 1;
  }

  /** Asks the counterpart again once its leg is overdue: the request (role new) or the transfer-out (role old). */
  async chaseCounterpart(): Promise<void> {
    if (this.input.role === 'new') await this.sendRequest();
    else if (this.input.role === 'old') await this.sendTransferOut();
    this.life.version += 1;
  }

  /** Looks for the money the old office paid out (both offices served here). */
  async collectFunds(): Promise<boolean> {
    const { caseId, reference, application: a } = this.input;
    const result = await acts.collectTransferFunds({
      caseId,
      reference,
      insurance: a.insurance,
      poolingArea: a.toPoolingArea,
      calculated: this.assessment.amounts ?? zeroAmounts(),
    });
    if (!result.arrived) return false;
    this.reconciliation = result.reconciliation;
    this.line('transfer.funds.received', { reconciled: result.reconciliation?.balanced ?? null });
    this.send({ type: 'RECEIVED' });
    return true;
  }

  /** Handles what the platform brought, oldest first; anything that does not fit the case now is noted and ignored. */
  async absorbMessages(): Promise<void> {
    for (let message = this.inbox.shift(); message; message = this.inbox.shift()) {
      const { caseId } = this.input;
      this.lines.push({
        caseId,
        key: `${caseId}:message:${message.messageId}`,
        actor: 'counterpart',
        action: 'transfer.message.received',
        detail: { type: message.type, messageId: message.messageId },
      });
      if (!(await this.handle(message))) {
        this.lines.push({
          caseId,
          key: `${caseId}:ignored:${message.messageId}`,
          actor: 'system',
          action: 'transfer.message.ignored',
          detail: { type: message.type, status: this.life.status() },
        });
      }
      this.life.version += 1;
    }
  }

  private async handle(message: ExchangeMessage): Promise<boolean> {
    const { role, application: a, caseId, reference } = this.input;
    if (message.transferId !== this.input.platform.transferId || message.insurance !== a.insurance) return false;
    this.counterpartReference ??= message.from.reference;
    const status = this.life.status();
    if (message.type === 'TRANSFER_OUT' && role === 'new' && status === 'transferOut') {
      const receipt = await acts.bookTransferReceipt({
        caseId,
        reference,
        insurance: a.insurance,
        fromPoolingArea: a.fromPoolingArea,
        toPoolingArea: a.toPoolingArea,
        messageId: message.messageId,
        amounts: message.amounts,
      });
      this.reconciliation = receipt.reconciliation;
      this.progress.sentOn = message.sentAt.slice(0, 10);
      this.counterpart = { amounts: message.amounts, years: message.years, months: message.months, lastCoveredMonth: message.lastCoveredMonth };
      this.assessment = this.assess();
      this.send({ type: 'RECEIVED' });
      return true;
    }
    if (message.type === 'TRANSFER_REFUSED' && (status === 'transferOut' || (role === 'new' && status === 'acceptanceLetter'))) {
      if (this.desk) await this.desk.cancel(`refused by the counterpart: ${message.reason}`);
      this.desk = null;
      this.send({ type: 'REFUSE', office: role === 'new' ? 'old' : 'new', by: 'counterpart', reason: message.reason });
      return true;
    }
    if (message.type === 'TRANSFER_COMPLETED' && role === 'old' && status === 'completion') {
      this.send({ type: 'COMPLETE', by: 'counterpart' });
      return true;
    }
    return false;
  }

  private async run(effect: TransferEffect): Promise<void> {
    switch (effect.kind) {
      case 'notify':
        return this.notify(effect.notice);
      case 'openLeg':
        return this.openLeg(effect.leg);
      case 'payOut':
        return this.payOut();
      case 'collectFunds':
        return; // the process waits in inTransit and looks for the money (workflows/transfer.workflow.ts)
      case 'completeRelationship':
        return this.completeRelationship();
      case 'openTemporaryAccount':
        return this.openTemporaryAccount();
      case 'closeLegs':
        return this.closeLegs();
    }
  }

  private async openLeg(stage: TransferStage): Promise<void> {
    const { application: a, submittedBy, policy } = this.input;
    const leg: TransferLegName = stage === 'completion' && a.insurance !== 'pension' ? 'load' : stage;
    const step = TRANSFER_STEPS[leg];
    const office = this.input.offices[step.office];
    this.line('transfer.leg.opened', { leg, office: step.office, region: office.served ? office.region : office.poolingArea, served: office.served });
    if (!office.served) {
      // The counterpart runs this leg: the request goes out with the leg (role new), the transfer-out went with the pay-out.
      if (leg === 'transferOut') await this.sendRequest();
      return;
    }
    const days = transferLegDefinitions(a.insurance, policy.legs).find((d) => d.name === leg)!.days;
    this.desk = new HumanTaskDesk({ caseId: this.input.caseId, caseType: 'transfer', region: office.region }, this.calendar, acts);
    await this.desk.open({
      step: leg,
      permission: step.permission,
      slaDays: days,
      slaUnit: 'working',
      priority: this.progress.escalated.length > 0 ? 1 : 0,
      // Four eyes (docs/architecture.md "Tasks: the human part"): staff who filed the application at the counter do not also accept it.
      preparedBy: leg === 'acceptanceLetter' && !APPLICANT_ROLES.has(submittedBy.role) ? submittedBy.id : null,
      outcomes: step.outcomes,
    });
  }

  private async payOut(): Promise<void> {
    const { caseId, reference, application: a, role } = this.input;
    const amounts = this.assessment.amounts ?? zeroAmounts();
    await acts.bookTransferOut({
      caseId,
      reference,
      insurance: a.insurance,
      poolingArea: a.fromPoolingArea,
      amounts,
      sentBy: this.life.context.sentBy ?? 'system',
    });
    this.progress.sentOn = today();
    this.line('transfer.paidOut', { ...amounts, poolingArea: a.fromPoolingArea });
    if (role === 'old') await this.sendTransferOut();
  }

  private async completeRelationship(): Promise<void> {
    const { caseId, application: a, role } = this.input;
    const takeOverMonth = monthOf(today());
    const result = await acts.completeTransferRelationship({
      caseId,
      citizenId: a.citizenId,
      insurance: a.insurance,
      endIn: role === 'new' ? null : a.fromPoolingArea,
      takeOverIn: role === 'old' ? null : { poolingArea: a.toPoolingArea, region: a.toRegion },
      takeOverMonth,
      decidedBy: this.life.context.completedBy ?? 'system',
    });
    this.progress.completedOn = today();
    // Continuity and carried-over months count from the record the new place now holds.
    if (result.newRecord) this.assessment = this.assess([{ insurance: a.insurance, startMonth: result.newRecord.startMonth }]);
    this.line('transfer.handedOver', { takeOverMonth, movedRecords: result.movedRecords, endedRecords: result.endedRecords, newRecord: result.newRecord });
    if (role === 'new') await this.sendMessage({ type: 'TRANSFER_COMPLETED', completedOn: today() });
  }

  private async openTemporaryAccount(): Promise<void> {
    const { caseId, application: a } = this.input;
    await acts.openTemporaryAccount({
      caseId,
      citizenId: a.citizenId,
      region: a.toRegion,
      poolingArea: a.toPoolingArea,
      keptInPoolingArea: a.fromPoolingArea,
      openedOn: today(),
      decidedBy: this.life.context.acceptedBy ?? 'system',
    });
    this.progress.stoppedOn = today();
  }

  private async closeLegs(): Promise<void> {
    if (this.desk) await this.desk.cancel('transfer refused');
    this.desk = null;
    const refusal = this.life.context.refusal;
    // Our office refused what the counterpart asked for: it is told why, in writing. (As the new office we refuse
    // before any request went out, so there is nobody to tell.)
    if (refusal !== null && refusal.by !== 'counterpart' && this.input.role === 'old')
      await this.sendMessage({ type: 'TRANSFER_REFUSED', reason: refusal.reason });
  }

  private async sendRequest(): Promise<void> {
    this.requestAttempts += 1;
    await this.sendMessage({
      type: 'TRANSFER_REQUEST',
      appliedOn: this.progress.appliedOn,
      acceptedOn: this.progress.letterSentOn,
      attempt: this.requestAttempts,
    });
  }

  /** The information table and the money, as paid out; a re-send keeps the payment ID, so the money is booked once. */
  private async sendTransferOut(): Promise<void> {
    const through = monthOf(today());
    await this.sendMessage({
      type: 'TRANSFER_OUT',
      amounts: this.assessment.amounts ?? zeroAmounts(),
      paymentId: `${this.input.caseId}:out`,
      years: informationTableOf(this.facts.oldPeriods, through),
      months: this.assessment.months ?? 0,
      lastCoveredMonth: lastCoveredMonthOf(this.facts.oldPeriods, through),
    });
  }

  private async sendMessage(body: ExchangeMessageBody): Promise<void> {
    const message = {
      ...envelopeOf(this.input, this.counterpartReference),
      ...body,
      messageId: wf.uuid4(),
      sentAt: toShanghaiIso(Date.now()),
    } as ExchangeMessage;
    await platform.sendTransferMessage({ caseId: this.input.caseId, message });
    this.line('transfer.message.sent', { type: message.type, messageId: message.messageId });
  }

  private assess(newAreaRecords = this.facts.newAreaRecords): TransferAssessment {
    const { application, role, policy } = this.input;
    return assessTransfer({
      application,
      role,
      policy,
      throughMonth: monthOf(today()),
      hukouRegion: this.facts.person?.hukouRegion ?? null,
      oldPeriods: role === 'new' ? null : this.facts.oldPeriods,
      counterpart: this.counterpart,
      pensionSpans: this.facts.pensionSpans,
      newAreaRecords,
    });
  }

  private line(action: string, detail: Record<string, unknown>): void {
    const { caseId } = this.input;
    this.written += 1;
    this.lines.push({ caseId, key: `${caseId}:${action}:${this.written}`, actor: 'system', action, detail });
  }

  private notify(notice: string, extra: Record<string, unknown> = {}): void {
    const { caseId, application: a, reference } = this.input;
    this.outbox.push({
      caseId,
      key: `${caseId}:${notice}:${(this.written += 1)}`,
      recipientKind: 'citizen',
      recipientId: a.citizenId,
      kind: notice,
      payload: {
        reference,
        status: this.life.status(),
        insurance: a.insurance,
        fromRegion: a.fromRegion,
        toRegion: a.toRegion,
        ...extra,
        ...(this.life.context.refusal ? { reason: this.life.context.refusal.reason } : {}),
      },
    });
  }

  private async project(): Promise<void> {
    const legs = this.legs();
    const leg = this.currentLeg();
    await acts.projectCase({
      timeline: this.lines.splice(0),
      notices: this.outbox.splice(0),
      caseId: this.input.caseId,
      status: this.life.status(),
      version: this.life.version,
      closed: this.life.closed(),
      deadlines: transferDeadlines(
        this.calendar.years,
        this.input,
        legs.find((l) => l.name === leg),
        this.progress,
        this.life.closed(),
      ),
      allowedEvents: [],
      summary: transferSummary({
        input: this.input,
        context: this.life.context,
        assessment: this.assessment,
        reconciliation: this.reconciliation,
        progress: this.progress,
        legs,
        counterpartReference: this.counterpartReference,
      }),
    });
  }
}

const zeroAmounts = () => ({ pooledFund: '0.00', personalAccount: '0.00' });
