import * as wf from '@temporalio/workflow';
import type { CalendarYear } from '../domain/calendar/holiday-calendar.js';
import type { CaseType } from '../domain/case/case-type.js';
import {
  DECLARATION_STEPS,
  declarationEventFor,
  type DeclarationEffect,
  declarationStepOf,
  type DeclarationStep,
  toDeclarationEffects,
} from '../domain/declarations/declaration-review.js';
import { declarationReviewMachine, type DeclarationReviewEvent } from '../domain/declarations/declaration-review.machine.js';
import type { TaskCompletion } from '../domain/task.js';
import { CaseCalendar } from './case-calendar.js';
import { CaseJournal } from './case-journal.js';
import { HumanTaskDesk, today } from './human-task.js';
import { Lifecycle } from './lifecycle.js';
import { localSteps } from './local-steps.js';
import { decideStep, listenToSteps, StepCase } from './step-case.js';

/**
 * What every grass-roots declaration (基层申报) shares: the review machine, a caseworker's review and a reviewer's
 * approval (and a supervisor's where the rule asks), each never by someone who decided an earlier tier (four eyes,
 * 社会保险经办条例 arts. 36–38). A declaration type adds its effects (`book`, `release`) and its read model.
 */
export abstract class DeclarationCase extends StepCase<typeof declarationReviewMachine, DeclarationEffect, DeclarationStep> {
  readonly life: Lifecycle<typeof declarationReviewMachine, DeclarationEffect>;
  readonly calendar: CaseCalendar;
  readonly tasks: HumanTaskDesk;
  protected readonly journal: CaseJournal;

  constructor(caseRef: { caseId: string; caseType: CaseType; region: string; calendar: CalendarYear[]; needsSupervisor?: boolean; noun?: string }) {
    super(caseRef.caseId, caseRef.noun ?? 'declaration');
    this.life = Lifecycle.start(declarationReviewMachine, toDeclarationEffects, { needsSupervisor: caseRef.needsSupervisor ?? false });
    this.calendar = new CaseCalendar(caseRef.calendar);
    this.tasks = new HumanTaskDesk({ caseId: caseRef.caseId, caseType: caseRef.caseType, region: caseRef.region }, this.calendar, localSteps);
    this.journal = new CaseJournal(caseRef.caseId);
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
      priority: this.priorityOf(step),
      preparedBy: step === 'review' ? null : ctx.reviewedBy,
      earlierDeciders: step === 'supervision' && ctx.approvedBy ? [ctx.approvedBy] : [],
      outcomes: spec.outcomes,
    });
    this.step = step;
    await this.recount();
  }

  /** The worklist priority of a step's task; a type raises the steps that need to come first. */
  protected priorityOf(_step: DeclarationStep): number {
    return 0;
  }

  eventFor(step: DeclarationStep, completion: TaskCompletion): DeclarationReviewEvent | { refused: string } {
    return declarationEventFor(step, completion, today());
  }

  /** Writes the read model: status, the open step's deadline, the timeline lines since the last write, the type's summary. */
  protected async projectSummary(summary: Record<string, unknown>): Promise<void> {
    const own = this.tasks.deadline('stepDecision');
    await localSteps.projectCase({
      ...this.journal.take(),
      caseId: this.caseId,
      status: this.status(),
      version: this.life.version,
      closed: this.life.closed(),
      deadlines: own ? [own] : [],
      allowedEvents: [],
      summary,
    });
  }
}

/**
 * Runs a declaration to its end (离休 / 二乙 medical expenses, account subsidies, back-payments): the effects of each
 * transition, then the decision on the step its status waits on; once final, what is left to run and project, and the
 * handlers are let finish.
 */
export async function runDeclaration(c: StepCase<typeof declarationReviewMachine, DeclarationEffect, DeclarationStep>): Promise<{ status: string }> {
  c.calendar.listen();
  listenToSteps(c);
  while (!c.life.closed()) {
    await c.runEffects();
    if (c.life.closed()) break;
    const step = declarationStepOf(c.status());
    if (!step) throw wf.ApplicationFailure.nonRetryable(`declaration stuck in ${c.status()}`, 'InvariantViolation');
    await decideStep(c, step);
  }
  if (c.life.hasEffects() || c.settled < c.life.version) await c.runEffects();
  await wf.condition(wf.allHandlersFinished);
  return { status: c.status() };
}
