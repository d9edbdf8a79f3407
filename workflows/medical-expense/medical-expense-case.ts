import { monthOf } from '../../domain/calendar/local-date.js';
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
import { CaseJournal } from '../case-journal.js';
import { HumanTaskDesk, today } from '../human-task.js';
import { Lifecycle } from '../lifecycle.js';
import { localSteps as acts } from '../local-steps.js';
import { StepCase } from '../step-case.js';
import type { MedicalExpenseInput } from './medical-expense-messages.js';

/**
 * The state and named steps of one 离休 / 二乙 medical expense declaration; workflows/medical-expense.workflow.ts runs
 * them. The view, the decision on a step and the projection's rhythm are those of every step case (workflows/step-case.ts).
 */
export class MedicalExpenseCase extends StepCase<typeof declarationReviewMachine, DeclarationEffect, DeclarationStep> {
  readonly life: Lifecycle<typeof declarationReviewMachine, DeclarationEffect>;
  readonly calendar: CaseCalendar;
  readonly tasks: HumanTaskDesk;
  private readonly journal: CaseJournal;

  constructor(readonly input: MedicalExpenseInput) {
    super(input.caseId, 'declaration');
    this.life = Lifecycle.start(declarationReviewMachine, toDeclarationEffects, { needsSupervisor: false });
    this.calendar = new CaseCalendar(input.calendar);
    this.tasks = new HumanTaskDesk({ caseId: input.caseId, caseType: 'medicalExpense', region: input.region }, this.calendar, acts);
    this.journal = new CaseJournal(input.caseId);
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

  protected async run(effect: DeclarationEffect): Promise<void> {
    const { caseId, declaration, assessment, region } = this.input;
    if (effect.kind === 'release') {
      await acts.releaseMedicalInvoices({ caseId, region });
      this.journal.line(`${caseId}:invoices-released`, 'medicalExpense.invoicesReleased', { invoices: assessment.invoices.length });
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
    this.journal.line(`${caseId}:booked`, 'medicalExpense.booked', { ledger: assessment.ledger, amount: assessment.reimbursable });
    this.life.send({ type: 'BOOKED' });
  }

  protected async project(): Promise<void> {
    const own = this.tasks.deadline('stepDecision');
    await acts.projectCase({
      ...this.journal.take(),
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
