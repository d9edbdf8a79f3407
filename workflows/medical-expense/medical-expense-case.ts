import * as wf from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { monthOf } from '../../domain/calendar/local-date.js';
import type { TimelineLine } from '../../domain/case/case-projection.js';
import {
  DECLARATION_STEPS,
  declarationEventFor,
  type DeclarationEffect,
  type DeclarationStep,
  toDeclarationEffects,
} from '../../domain/declarations/declaration-review.js';
import { declarationReviewMachine, type DeclarationReviewEvent } from '../../domain/declarations/declaration-review.machine.js';
import { medicalExpenseSummary } from '../../domain/declarations/medical-expense-summary.js';
import type { TaskCompletion } from '../../domain/task.js';
import { CaseCalendar } from '../case-calendar.js';
import { HumanTaskDesk, today } from '../human-task.js';
import { Lifecycle } from '../lifecycle.js';
import { type CaseView, refuse } from '../messages.js';
import type { MedicalExpenseInput } from './medical-expense-messages.js';

// Short database writes in the worker's own process, recorded in history as markers (as benefit claims do).
const acts = wf.proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  localRetryThreshold: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['DomainRefusal'] },
});

/**
 * The state and named steps of one 离休 / 二乙 medical expense declaration; workflows/medical-expense.workflow.ts runs
 * them. Timeline lines gathered while effects run are written with the next projection (the outbox pattern).
 */
export class MedicalExpenseCase {
  readonly life: Lifecycle<typeof declarationReviewMachine, DeclarationEffect>;
  readonly calendar: CaseCalendar;
  readonly tasks: HumanTaskDesk;
  step: DeclarationStep | null = null;
  decided = 0;
  settled = 0;
  private readonly lines: TimelineLine[] = [];

  constructor(readonly input: MedicalExpenseInput) {
    this.life = Lifecycle.start(declarationReviewMachine, toDeclarationEffects, { needsSupervisor: false });
    this.calendar = new CaseCalendar(input.calendar);
    this.tasks = new HumanTaskDesk({ caseId: input.caseId, caseType: 'medicalExpense', region: input.region }, this.calendar, acts);
  }

  status(): string {
    return this.life.status();
  }

  view(): CaseView {
    return {
      caseId: this.input.caseId,
      status: this.status(),
      version: this.life.version,
      closed: this.life.closed(),
      openTaskId: this.tasks.openTaskId,
      allowedEvents: [],
    };
  }

  async runEffects(): Promise<void> {
    for (let effect = this.life.nextEffect(); effect; effect = this.life.nextEffect()) await this.run(effect);
    await this.project();
    this.settled = this.life.version;
  }

  async recount(): Promise<void> {
    this.life.version += 1;
    await this.project();
    this.settled = this.life.version;
  }

  /** Opens the step's task: the reviewer never approves what they reviewed, the supervisor neither (four eyes). */
  async openStep(step: DeclarationStep): Promise<void> {
    const ctx = this.life.context;
    const spec = DECLARATION_STEPS[step];
    await this.tasks.open({
      step,
      permission: spec.permission,
      slaDays: spec.slaWorkingDays,
      slaUnit: 'working',
      priority: 0,
      preparedBy: step === 'review' ? null : ctx.reviewedBy,
      earlierDeciders: step === 'supervision' && ctx.approvedBy ? [ctx.approvedBy] : [],
      outcomes: spec.outcomes,
    });
    this.step = step;
    await this.recount();
  }

  eventFor(step: DeclarationStep, completion: TaskCompletion): DeclarationReviewEvent | { refused: string } {
    return declarationEventFor(step, completion, today());
  }

  validate(completion: TaskCompletion): void {
    const step = this.step;
    if (!step) throw refuse('TASK_ALREADY_DECIDED', `task ${completion.taskId} is not open for a decision`);
    const event = this.eventFor(step, completion);
    if ('refused' in event) throw refuse('OUTCOME_NOT_ALLOWED', event.refused);
    if (!this.life.can(event)) throw refuse('OUTCOME_NOT_ALLOWED', `"${completion.outcome}" is not possible while the declaration is ${this.status()}`);
  }

  async applyDecision(decision: TaskCompletion, event: DeclarationReviewEvent): Promise<void> {
    await this.tasks.close(decision);
    this.step = null;
    this.life.send(event);
    this.decided = this.life.version;
  }

  private async run(effect: DeclarationEffect): Promise<void> {
    const { caseId, declaration, assessment, region } = this.input;
    if (effect.kind === 'release') {
      await acts.releaseMedicalInvoices({ caseId, region });
      this.lines.push({
        caseId,
        key: `${caseId}:invoices-released`,
        actor: 'system',
        action: 'medicalExpense.invoicesReleased',
        detail: { invoices: assessment.invoices.length },
      });
      return;
    }
    const decision = this.life.context.decision;
    await acts.bookMedicalExpense({
      caseId,
      reference: this.input.reference,
      region,
      citizenId: declaration.citizenId,
      category: assessment.ledger,
      amount: assessment.reimbursable,
      decidedBy: decision?.by ?? 'system',
      decidedMonth: monthOf(decision?.on ?? today()),
    });
    this.lines.push({
      caseId,
      key: `${caseId}:booked`,
      actor: 'system',
      action: 'medicalExpense.booked',
      detail: { ledger: assessment.ledger, amount: assessment.reimbursable },
    });
    this.life.send({ type: 'BOOKED' });
  }

  private async project(): Promise<void> {
    const own = this.tasks.deadline('stepDecision');
    await acts.projectCase({
      timeline: this.lines.splice(0),
      notices: [],
      caseId: this.input.caseId,
      status: this.status(),
      version: this.life.version,
      closed: this.life.closed(),
      deadlines: own ? [own] : [],
      allowedEvents: [],
      summary: { ...medicalExpenseSummary(this.input.declaration, this.input.assessment, this.life.context), attachmentIds: this.input.attachmentIds },
    });
  }
}
