import * as wf from '@temporalio/workflow';
import type { TransferFactsLoaded } from '../../activities/transfer.activities.js';
import type { TaskCompletion } from '../../domain/task.js';
import type { CounterpartInformation, TransferAssessment } from '../../domain/transfer/transfer-assessment.js';
import { transferEventFor } from '../../domain/transfer/transfer-decision.js';
import { type TransferEffect, toTransferEffects } from '../../domain/transfer/transfer-effects.js';
import type { TransferLegName } from '../../domain/transfer/transfer-legs.js';
import { type TransferEvent, legOfStatus, transferMachine } from '../../domain/transfer/transfer.machine.js';
import type { TransferProgress } from '../../domain/transfer/transfer-progress.js';
import type { ReconciliationResult } from '../../domain/transfer/transfer-reconciliation.js';
import type { ExchangeMessage } from '../../domain/transfer/exchange-message.js';
import { CaseCalendar } from '../case-calendar.js';
import { CaseJournal } from '../case-journal.js';
import { type HumanTaskDesk, today } from '../human-task.js';
import { Lifecycle } from '../lifecycle.js';
import { localSteps as acts } from '../local-steps.js';
import type { CaseView } from '../messages.js';
import { followUpDone } from '../task-decisions.js';
import { assessNow } from './transfer-assess.js';
import { runTransferEffect } from './transfer-leg-steps.js';
import type { TransferInput } from './transfer-messages.js';
import { transferReadModel } from './transfer-summary.js';

/**
 * The state of one inter-region transfer (转移接续) and the steps the process takes on it; workflows/transfer.workflow.ts
 * runs them. Each leg is the job of one office: a task for the staff of a region this system serves, or the
 * counterpart agency answering through the national platform. The lifecycle's effects are in transfer-leg-steps.ts, the
 * steps taken while a leg waits on the counterpart or the money in transfer-waiting-steps.ts, the legs' clocks in
 * transfer-leg-clock.ts, the assessment in transfer-assess.ts,
 * the platform's messages in transfer-inbox.ts (in) and transfer-platform-messages.ts (out), the read model in
 * transfer-summary.ts. Timeline lines and notices are written with the next projection (workflows/case-journal.ts).
 */
export class TransferCase {
  readonly life: Lifecycle<typeof transferMachine, TransferEffect>;
  readonly calendar: CaseCalendar;
  readonly journal: CaseJournal;
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
  counterpart: CounterpartInformation | null = null;
  requestAttempts = 0;
  /** Lines and notices written so far: the last part of their keys. */
  private written = 0;

  private constructor(
    readonly input: TransferInput,
    readonly facts: TransferFactsLoaded,
  ) {
    const { application, role } = input;
    this.counterpartReference = input.platform.counterpartReference;
    this.progress = { appliedOn: application.appliedOn, letterSentOn: null, sentOn: null, receivedOn: null, completedOn: null, stoppedOn: null, escalated: [] };
    this.calendar = new CaseCalendar(facts.calendar);
    this.journal = new CaseJournal(input.caseId);
    this.assessment = assessNow(this);
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
    const { life } = this;
    return {
      caseId: this.input.caseId,
      status: life.status(),
      version: life.version,
      closed: life.closed(),
      openTaskId: this.desk?.openTaskId ?? null,
      allowedEvents: [],
      settled: followUpDone(this),
    };
  }

  /** The leg the case is in, by the insurance's own names (completion → load for medical and unemployment). */
  currentLeg(): TransferLegName | null {
    return legOfStatus(this.life.status(), this.input.application.insurance);
  }

  /** Runs what the last transitions asked for, then writes the read model with its timeline lines and notices. */
  async runEffects(): Promise<void> {
    for (let effect = this.life.nextEffect(); effect; effect = this.life.nextEffect()) await runTransferEffect(this, effect);
    await this.project();
    this.settled = this.life.version;
  }

  markDecided(): void {
    this.decided = this.life.version;
  }

  /** A decision taken on the open leg's task: the task closes, the dates move, the lifecycle moves. */
  async applyDecision(decision: TaskCompletion): Promise<void> {
    const event = transferEventFor(decision, this.currentLeg()!);
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

  /** A system line on the timeline, keyed by its order among the case's lines and notices. */
  line(action: string, detail: Record<string, unknown>): void {
    this.written += 1;
    this.journal.line(`${this.input.caseId}:${action}:${this.written}`, action, detail);
  }

  /** A notice to the person: where the transfer stands, and why it stopped if it was refused. */
  notify(notice: string, extra: Record<string, unknown> = {}): void {
    const { caseId, application: a, reference } = this.input;
    const refusal = this.life.context.refusal;
    this.journal.notice(`${caseId}:${notice}:${(this.written += 1)}`, a.citizenId, notice, {
      reference,
      status: this.life.status(),
      insurance: a.insurance,
      fromRegion: a.fromRegion,
      toRegion: a.toRegion,
      ...extra,
      ...(refusal ? { reason: refusal.reason } : {}),
    });
  }

  private async project(): Promise<void> {
    await acts.projectCase({ ...this.journal.take(), ...transferReadModel(this) });
  }
}
