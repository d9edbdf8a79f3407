import { decisionAmountsOf } from '../../domain/benefit/entitlement.js';
import { type ApprovalTier, mayActAt, requiredTiers } from '../../domain/benefit/approval-tiers.js';
import { benefitClaimClocks, type BenefitClock, benefitStepSla, STEP_CLOCK } from '../../domain/benefit/benefit-claim-clocks.js';
import { BENEFIT_STEPS, benefitEventFor, type BenefitStep, tierOfStep } from '../../domain/benefit/benefit-claim-decision.js';
import { type BenefitClaimEffect, toBenefitClaimEffects } from '../../domain/benefit/benefit-claim-effects.js';
import { benefitClaimSummary, type DecisionLetter } from '../../domain/benefit/benefit-claim-summary.js';
import { type BenefitClaimEvent, benefitClaimMachine } from '../../domain/benefit/benefit-claim.machine.js';
import type { BenefitClaimFacts } from '../../domain/benefit/claim-checks.js';
import type { CalendarYear } from '../../domain/calendar/holiday-calendar.js';
import { monthOf } from '../../domain/calendar/local-date.js';
import type { TaskCompletion } from '../../domain/task.js';
import { CaseCalendar } from '../case-calendar.js';
import { CaseJournal } from '../case-journal.js';
import { HumanTaskDesk, today } from '../human-task.js';
import { Lifecycle } from '../lifecycle.js';
import { localSteps as acts } from '../local-steps.js';
import { refuse } from '../messages.js';
import { StepCase } from '../step-case.js';
import { amountsOf } from './benefit-claim-amounts.js';
import { benefitClaimDeadlines } from './benefit-claim-deadlines.js';
import type { BenefitClaimInput } from './benefit-claim-messages.js';
import { runBenefitClaimEffect } from './benefit-claim-steps.js';

/**
 * The state and the named steps of one benefit claim (待遇审批); workflows/benefit-claim.workflow.ts is the process
 * that runs them. What every step case shares is in workflows/step-case.ts; the effects' steps are in
 * benefit-claim-steps.ts, the amounts and an unemployment stop in benefit-claim-amounts.ts, the deadlines the case
 * shows in benefit-claim-deadlines.ts.
 */
export class BenefitClaimCase extends StepCase<typeof benefitClaimMachine, BenefitClaimEffect, BenefitStep> {
  readonly life: Lifecycle<typeof benefitClaimMachine, BenefitClaimEffect>;
  readonly calendar: CaseCalendar;
  readonly tasks: HumanTaskDesk;
  /** Timeline lines and notices, written with the next projection. */
  readonly journal: CaseJournal;
  reassessmentAsked: { by: string; on: string } | null = null;
  reemployedSignal: { date: string; employerCreditCode: string | null } | null = null;
  /** The letter of the last notice, shown on the case. */
  letter: DecisionLetter | null = null;

  private constructor(
    readonly input: BenefitClaimInput,
    readonly facts: BenefitClaimFacts,
    calendarYears: readonly CalendarYear[],
  ) {
    super(input.caseId, 'claim');
    this.life = Lifecycle.start(benefitClaimMachine, toBenefitClaimEffects, { application: input.application, filedOn: input.filedOn });
    this.calendar = new CaseCalendar(calendarYears);
    this.tasks = new HumanTaskDesk({ caseId: input.caseId, caseType: 'benefit', region: input.application.region }, this.calendar, acts);
    this.journal = new CaseJournal(input.caseId);
  }

  /** Reads the calendar and the facts of the claim (recorded in history). */
  static async open(input: BenefitClaimInput): Promise<BenefitClaimCase> {
    const loaded = await acts.gatherBenefitClaimFacts({ caseId: input.caseId, application: input.application });
    return new BenefitClaimCase(input, loaded.facts, loaded.calendar);
  }

  override allowedEvents(): string[] {
    return this.life.matches('assessed') && this.reassessmentAsked === null ? ['REQUEST_REASSESSMENT'] : [];
  }

  clockDue(clock: BenefitClock) {
    return benefitClaimClocks(this.calendar.years, this.life.context, this.status(), this.input.policy).find((c) => c.clock === clock)?.due ?? null;
  }

  /** Opens the task of the step the status waits on, its SLA the statutory clock that runs (or the configured one). */
  async openStep(step: BenefitStep): Promise<void> {
    const { policy } = this.input;
    const ctx = this.life.context;
    const clock = STEP_CLOCK[step];
    const due = clock ? this.clockDue(clock) : null;
    const sla = benefitStepSla(this.calendar.years, step, due, today(), policy);
    // The preparer is kept off the later tiers by `preparedBy` (four eyes), the reviewer off the supervisor's by
    // `earlierDeciders` (graded approval): the refusal names which rule it is.
    const preparedBy = step === 'review' || step === 'approval' ? (ctx.proposal?.preparedBy ?? null) : null;
    const earlier = step === 'approval' ? [ctx.reviewedBy] : [];
    await this.tasks.open({
      step,
      permission: BENEFIT_STEPS[step].permission,
      slaDays: sla.days,
      slaUnit: sla.unit,
      priority: 0,
      // Graded approval (社会保险经办条例 arts. 36–38): the preparer and the reviewer never act at a later tier.
      preparedBy,
      earlierDeciders: earlier.filter((id): id is string => id !== null),
      outcomes: BENEFIT_STEPS[step].outcomes,
    });
    this.step = step;
    // A step without a statutory clock shows its own SLA as the claim's deadline: the read model takes it now.
    if (!due) await this.recount();
  }

  eventFor(step: BenefitStep, completion: TaskCompletion): BenefitClaimEvent | { refused: string } {
    const { policy } = this.input;
    return benefitEventFor(step, completion, {
      today: today(),
      context: this.life.context,
      amountsFor: (entries) => amountsOf(this, entries),
      amountsForGrade: (grade) => amountsOf(this, {}, { grade, concludedMonth: monthOf(today()) }),
      tiersFor: (assessment): ApprovalTier[] => requiredTiers(decisionAmountsOf(assessment.lines), policy.approval).tiers,
    });
  }

  /** Graded approval: who may act at the step's tier, given who prepared and reviewed, and the amounts. */
  protected override checkDuties(step: BenefitStep, completion: TaskCompletion): void {
    const tier = tierOfStep(step);
    const ctx = this.life.context;
    if (!tier || !ctx.proposal) return;
    const record = { preparedBy: ctx.proposal.preparedBy, reviewedBy: ctx.reviewedBy, approvedBy: ctx.approvedBy };
    const amounts = ctx.proposal.outcome === 'grant' ? decisionAmountsOf(ctx.assessment?.lines ?? []) : {};
    const may = mayActAt(completion.actorId, tier, amounts, record, this.input.policy.approval);
    if (!may.allowed) {
      const samePerson = may.refusals.find((r) => r.code === 'SAME_PERSON_AT_TWO_TIERS');
      throw samePerson ? refuse('SAME_PERSON_AT_TWO_TIERS', samePerson.reason) : refuse('OUTCOME_NOT_ALLOWED', may.refusals.map((r) => r.reason).join('; '));
    }
  }

  noteReemployment(signal: { date: string; employerCreditCode: string | null; enrollmentCaseId: string }): void {
    const { caseId } = this.input;
    this.journal.line(`${caseId}:reemployed:${signal.enrollmentCaseId}`, 'benefit.reemployed', {
      date: signal.date,
      employerCreditCode: signal.employerCreditCode,
    });
  }

  protected run(effect: BenefitClaimEffect): Promise<void> {
    return runBenefitClaimEffect(this, effect);
  }

  protected async project(): Promise<void> {
    const ctx = this.life.context;
    await acts.projectCase({
      ...this.journal.take(),
      caseId: this.input.caseId,
      status: this.status(),
      version: this.life.version,
      closed: this.life.closed(),
      deadlines: benefitClaimDeadlines(this.calendar.years, ctx, this.status(), this.input.policy, this.step, () => this.tasks.deadline('stepDecision')),
      allowedEvents: this.allowedEvents(),
      summary: benefitClaimSummary(ctx, this.letter),
    });
  }
}
