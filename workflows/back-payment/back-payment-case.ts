import {
  DECLARATION_STEPS,
  declarationEventFor,
  type DeclarationEffect,
  type DeclarationStep,
  toDeclarationEffects,
} from '../../domain/declarations/declaration-review.js';
import { declarationReviewMachine, type DeclarationReviewEvent } from '../../domain/declarations/declaration-review.machine.js';
import { backPaymentSummary } from '../../domain/declarations/back-payment-summary.js';
import type { TaskCompletion } from '../../domain/task.js';
import { CaseCalendar } from '../case-calendar.js';
import { CaseJournal } from '../case-journal.js';
import { HumanTaskDesk, today } from '../human-task.js';
import { Lifecycle } from '../lifecycle.js';
import { localSteps as acts } from '../local-steps.js';
import { StepCase } from '../step-case.js';
import type { BackPaymentInput } from './back-payment-messages.js';

/**
 * The state and named steps of one back-payment (无记录补缴); workflows/back-payment.workflow.ts runs them. The review
 * machine is the declarations' own: review, four-eyes approval and — for 36 months or more without a legal document —
 * a supervisor's approval as well (rules §6.1, §8).
 */
export class BackPaymentCase extends StepCase<typeof declarationReviewMachine, DeclarationEffect, DeclarationStep> {
  readonly life: Lifecycle<typeof declarationReviewMachine, DeclarationEffect>;
  readonly calendar: CaseCalendar;
  readonly tasks: HumanTaskDesk;
  private readonly journal: CaseJournal;

  constructor(readonly input: BackPaymentInput) {
    super(input.caseId, 'back-payment');
    this.life = Lifecycle.start(declarationReviewMachine, toDeclarationEffects, { needsSupervisor: input.assessment.supervision.needsSupervisor });
    this.calendar = new CaseCalendar(input.calendar);
    this.tasks = new HumanTaskDesk({ caseId: input.caseId, caseType: 'backPayment', region: input.region }, this.calendar, acts);
    this.journal = new CaseJournal(input.caseId);
  }

  /** Opens the step's task: the approver never approves what they reviewed, the supervisor neither (four eyes). */
  async openStep(step: DeclarationStep): Promise<void> {
    const ctx = this.life.context;
    const spec = DECLARATION_STEPS[step];
    await this.tasks.open({
      step,
      permission: spec.permission,
      slaDays: spec.slaWorkingDays,
      slaUnit: 'working',
      priority: step === 'supervision' ? 1 : 0,
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
    const { caseId, region, assessment } = this.input;
    if (effect.kind === 'release') {
      await acts.releaseBackPaymentMonths({ caseId, region });
      this.journal.line(`${caseId}:months-released`, 'backPayment.monthsReleased', { months: assessment.months });
      return;
    }
    await acts.billBackPayment({ caseId, decidedBy: this.life.context.decision?.by ?? 'system' });
    this.journal.line(`${caseId}:billed`, 'backPayment.billed', { months: assessment.months, contribution: assessment.totals.contribution });
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
      summary: backPaymentSummary(this.input, this.input.assessment, this.life.context),
    });
  }
}
