import * as wf from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { decisionAmountsOf, stopLinesFrom } from '../../domain/benefit/entitlement.js';
import { type ApprovalTier, mayActAt, requiredTiers } from '../../domain/benefit/approval-tiers.js';
import { benefitClaimClocks, type BenefitClock, benefitStepSla, STEP_CLOCK } from '../../domain/benefit/benefit-claim-clocks.js';
import { BENEFIT_STEPS, benefitEventFor, type BenefitStep, tierOfStep } from '../../domain/benefit/benefit-claim-decision.js';
import { type BenefitClaimEffect, toBenefitClaimEffects } from '../../domain/benefit/benefit-claim-effects.js';
import { benefitClaimSummary, decisionLetter, type DecisionLetter } from '../../domain/benefit/benefit-claim-summary.js';
import { type BenefitClaimEvent, benefitClaimMachine, type BenefitNotice } from '../../domain/benefit/benefit-claim.machine.js';
import type { ClaimAssessment } from '../../domain/benefit/claim-assessment.js';
import { type AmountEntries, type BenefitClaimFacts, checkFiledClaim, claimAmounts } from '../../domain/benefit/claim-checks.js';
import { stopOnReemployment, type UnemploymentStop } from '../../domain/benefit/unemployment-stop.js';
import type { CalendarYear } from '../../domain/calendar/holiday-calendar.js';
import { compareDates, monthOf } from '../../domain/calendar/local-date.js';
import type { CaseDeadline, TimelineLine } from '../../domain/case/case-projection.js';
import { toShanghaiIso } from '../../domain/case/deadline-clock.js';
import type { NoticeRequest } from '../../domain/case/notice-request.js';
import type { TaskCompletion } from '../../domain/task.js';
import { CaseCalendar } from '../case-calendar.js';
import { HumanTaskDesk, today } from '../human-task.js';
import { Lifecycle } from '../lifecycle.js';
import { type CaseView, refuse } from '../messages.js';
import type { BenefitClaimInput } from './benefit-claim-messages.js';

// Every step is a short database write in the worker's own process: local activities answer a decision in
// milliseconds and are still recorded in history as markers, so a replay decides the same (as enrollment does).
const acts = wf.proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  localRetryThreshold: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['DomainRefusal'] },
});

/**
 * The state and the named steps of one benefit claim (待遇审批); workflows/benefit-claim.workflow.ts is the process
 * that runs them. Timeline lines and notices gathered while effects run are written with the next projection, in the
 * same transaction as the change they report (the outbox pattern).
 */
export class BenefitClaimCase {
  readonly life: Lifecycle<typeof benefitClaimMachine, BenefitClaimEffect>;
  readonly calendar: CaseCalendar;
  readonly tasks: HumanTaskDesk;
  /** The step whose task is open, or null. */
  step: BenefitStep | null = null;
  decided = 0;
  settled = 0;
  reassessmentAsked: { by: string; on: string } | null = null;
  reemployedSignal: { date: string; employerCreditCode: string | null } | null = null;
  private letter: DecisionLetter | null = null;
  private readonly lines: TimelineLine[] = [];
  private readonly outbox: NoticeRequest[] = [];

  private constructor(
    readonly input: BenefitClaimInput,
    readonly facts: BenefitClaimFacts,
    calendarYears: readonly CalendarYear[],
  ) {
    this.life = Lifecycle.start(benefitClaimMachine, toBenefitClaimEffects, { application: input.application, filedOn: input.filedOn });
    this.calendar = new CaseCalendar(calendarYears);
    this.tasks = new HumanTaskDesk({ caseId: input.caseId, caseType: 'benefit', region: input.application.region }, this.calendar, acts);
  }

  /** Reads the calendar and the facts of the claim (recorded in history). */
  static async open(input: BenefitClaimInput): Promise<BenefitClaimCase> {
    const loaded = await acts.gatherBenefitClaimFacts({ caseId: input.caseId, application: input.application });
    return new BenefitClaimCase(input, loaded.facts, loaded.calendar);
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
      allowedEvents: this.allowedEvents(),
    };
  }

  allowedEvents(): string[] {
    return this.life.matches('assessed') && this.reassessmentAsked === null ? ['REQUEST_REASSESSMENT'] : [];
  }

  /** Runs what the last transitions asked for, then writes the read model with its timeline lines and notices. */
  async runEffects(): Promise<void> {
    for (let effect = this.life.nextEffect(); effect; effect = this.life.nextEffect()) await this.run(effect);
    await this.project();
    this.settled = this.life.version;
  }

  /** A newly loaded calendar moves provisional deadlines: the read model shows the new ones (a new version). */
  async recount(): Promise<void> {
    this.life.version += 1;
    await this.project();
    this.settled = this.life.version;
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

  /** The final grade and the month it was concluded in (work injury), for the amounts. */
  private gradeInfo(): { grade: number; concludedMonth: string } | undefined {
    const d = this.life.context.disability;
    if (!d || d.finalGrade === null) return undefined;
    const subsidy = this.life.context.assessment?.lines.find((l) => l.benefit === 'disabilitySubsidy');
    return { grade: d.finalGrade, concludedMonth: subsidy?.startMonth ?? monthOf(d.concludedOn ?? today()) };
  }

  amounts(entries: AmountEntries = {}, grade = this.gradeInfo()): ClaimAssessment {
    const { application, policy, filedOn } = this.input;
    return (
      claimAmounts(application, this.facts, policy, filedOn, entries, grade) ?? {
        refusals: [{ code: 'NO_GRADE', reason: 'no disability grade yet' }],
        options: [],
        lines: [],
        figures: {},
        workings: [],
      }
    );
  }

  eventFor(step: BenefitStep, completion: TaskCompletion): BenefitClaimEvent | { refused: string } {
    const { policy } = this.input;
    return benefitEventFor(step, completion, {
      today: today(),
      context: this.life.context,
      amountsFor: (entries) => this.amounts(entries),
      amountsForGrade: (grade) => this.amounts({}, { grade, concludedMonth: monthOf(today()) }),
      tiersFor: (assessment): ApprovalTier[] => requiredTiers(decisionAmountsOf(assessment.lines), policy.approval).tiers,
    });
  }

  /** The step's own checks before a decision reaches history: the outcome possible now, and separation of duties. */
  validate(completion: TaskCompletion): void {
    const step = this.step;
    if (!step) throw refuse('TASK_ALREADY_DECIDED', `task ${completion.taskId} is not open for a decision`);
    const event = this.eventFor(step, completion);
    if ('refused' in event) throw refuse('OUTCOME_NOT_ALLOWED', event.refused);
    const tier = tierOfStep(step);
    const ctx = this.life.context;
    if (tier && ctx.proposal) {
      const record = { preparedBy: ctx.proposal.preparedBy, reviewedBy: ctx.reviewedBy, approvedBy: ctx.approvedBy };
      const amounts = ctx.proposal.outcome === 'grant' ? decisionAmountsOf(ctx.assessment?.lines ?? []) : {};
      const may = mayActAt(completion.actorId, tier, amounts, record, this.input.policy.approval);
      if (!may.allowed) {
        const samePerson = may.refusals.find((r) => r.code === 'SAME_PERSON_AT_TWO_TIERS');
        throw samePerson ? refuse('SAME_PERSON_AT_TWO_TIERS', samePerson.reason) : refuse('OUTCOME_NOT_ALLOWED', may.refusals.map((r) => r.reason).join('; '));
      }
    }
    if (!this.life.can(event)) throw refuse('OUTCOME_NOT_ALLOWED', `"${completion.outcome}" is not possible while the claim is ${this.status()}`);
  }

  /** The decision is applied: the task closed, the lifecycle moved. */
  async applyDecision(decision: TaskCompletion, event: BenefitClaimEvent): Promise<void> {
    await this.tasks.close(decision);
    this.step = null;
    this.life.send(event);
    this.decided = this.life.version;
  }

  /** Where an unemployment benefit stops on re-employment (unemployment-stop.ts), never before its registration. */
  stopFor(date: string): UnemploymentStop {
    const { application, policy } = this.input;
    if (application.type !== 'unemployment')
      throw wf.ApplicationFailure.nonRetryable('only an unemployment benefit stops on re-employment', 'InvariantViolation');
    const months = Number(this.life.context.assessment?.figures.months ?? 0);
    const reemploymentDate = compareDates(date, application.registeredOn) < 0 ? application.registeredOn : date;
    return stopOnReemployment({ registrationDate: application.registeredOn, entitledMonths: months, reemploymentDate }, policy.unemployment);
  }

  /** The last month of the unemployment benefit, when one is being paid. */
  lastPaidMonth(): string | null {
    return this.life.context.assessment?.lines.find((l) => l.benefit === 'unemploymentBenefit')?.endMonth ?? null;
  }

  noteReemployment(signal: { date: string; employerCreditCode: string | null; enrollmentCaseId: string }): void {
    const { caseId } = this.input;
    this.lines.push({
      caseId,
      key: `${caseId}:reemployed:${signal.enrollmentCaseId}`,
      actor: 'system',
      action: 'benefit.reemployed',
      detail: { date: signal.date, employerCreditCode: signal.employerCreditCode },
    });
  }

  private async run(effect: BenefitClaimEffect): Promise<void> {
    switch (effect.kind) {
      case 'notify':
        return this.notify(effect.notice);
      case 'runChecks':
        return this.runChecks();
      case 'recordEntitlements':
        return this.recordEntitlements();
      case 'stopEntitlements':
        return this.stopEntitlements();
    }
  }

  private runChecks(): void {
    const { caseId, application, policy, filedOn } = this.input;
    const outcome = checkFiledClaim(application, this.facts, policy, this.calendar.years, filedOn);
    this.lines.push({
      caseId,
      key: `${caseId}:checks`,
      actor: 'system',
      action: outcome.passed ? 'checks.passed' : 'checks.failed',
      detail: { refusals: outcome.passed ? [] : outcome.refusals },
    });
    this.life.send(
      outcome.passed
        ? { type: 'CHECKS_PASSED', assessment: outcome.assessment, employerLiability: outcome.employerLiability, recognition: outcome.recognition }
        : { type: 'CHECKS_FAILED', refusals: outcome.refusals, options: outcome.options, assessment: outcome.assessment },
    );
  }

  private async recordEntitlements(): Promise<void> {
    const { caseId, application } = this.input;
    const ctx = this.life.context;
    let lines = ctx.assessment?.lines ?? [];
    let stop: UnemploymentStop | null = null;
    if (application.type === 'unemployment' && ctx.reemployment) {
      stop = this.stopFor(ctx.reemployment.date);
      lines = stopLinesFrom(lines, stop.stopMonth);
    }
    await acts.recordEntitlements({
      caseId,
      citizenId: application.citizenId,
      region: application.region,
      claimType: application.type,
      lines,
      decidedBy: ctx.decision?.decidedBy ?? 'system',
      decidedMonth: monthOf(ctx.decision?.decidedOn ?? today()),
      stop: stop ? { stopMonth: stop.stopMonth, monthsUnused: stop.monthsUnused, reason: this.stopReason() } : null,
    });
    this.lines.push({ caseId, key: `${caseId}:entitlements`, actor: 'system', action: 'benefit.entitlements', detail: { lines: lines.length } });
    this.life.send({ type: 'ENTITLEMENTS_RECORDED', stop });
  }

  private stopReason(): string {
    const r = this.life.context.reemployment;
    return `re-employed on ${r?.date ?? '?'}${r?.employerCreditCode ? ` by ${r.employerCreditCode}` : ''} (社会保险法 art. 51)`;
  }

  private async stopEntitlements(): Promise<void> {
    const { caseId, application } = this.input;
    const stop = this.life.context.stop;
    if (!stop) return;
    await acts.stopEntitlements({ caseId, region: application.region, stopMonth: stop.stopMonth, monthsUnused: stop.monthsUnused, reason: this.stopReason() });
  }

  private notify(notice: BenefitNotice): void {
    const { caseId, reference, claimantId } = this.input;
    this.letter = decisionLetter(notice, this.life.context, reference, this.status());
    this.outbox.push({
      caseId,
      key: `${caseId}:${notice}:${this.life.version}`,
      recipientKind: 'citizen',
      recipientId: claimantId,
      kind: notice,
      payload: { reference, status: this.status(), letter: this.letter },
    });
  }

  deadlines(): CaseDeadline[] {
    const flag = (provisional: boolean) => (provisional ? { provisional: true } : {});
    const list: CaseDeadline[] = benefitClaimClocks(this.calendar.years, this.life.context, this.status(), this.input.policy).map((c) => ({
      name: c.clock,
      dueDate: c.due.dueDate,
      dueAt: toShanghaiIso(c.due.dueAtMs),
      unit: c.due.unit,
      ...flag(c.due.provisional),
    }));
    const step = this.step;
    if (step && !list.some((d) => d.name === STEP_CLOCK[step])) {
      const own = this.tasks.deadline('stepDecision');
      if (own) list.push(own);
    }
    return list;
  }

  private async project(): Promise<void> {
    const ctx = this.life.context;
    await acts.projectCase({
      timeline: this.lines.splice(0),
      notices: this.outbox.splice(0),
      caseId: this.input.caseId,
      status: this.status(),
      version: this.life.version,
      closed: this.life.closed(),
      deadlines: this.deadlines(),
      allowedEvents: this.allowedEvents(),
      summary: benefitClaimSummary(ctx, this.letter),
    });
  }
}
