import * as wf from '@temporalio/workflow';
import type { AnyStateMachine, EventFromLogic } from 'xstate';
import type { TaskCompletion } from '../domain/task.js';
import type { CaseCalendar } from './case-calendar.js';
import type { HumanTaskDesk } from './human-task.js';
import type { Lifecycle } from './lifecycle.js';
import { type CaseView, getCaseView, refuse } from './messages.js';
import { answerBeforeFollowUp, followUpDone, handleTaskDecisions } from './task-decisions.js';

/**
 * What every case that moves from one task step to the next shares (benefit claims, medical expense declarations):
 * the lifecycle, the calendar and the task desk; the view; effects run and then projected; a decision validated
 * against the step, applied by closing the task and moving the lifecycle. A case type adds its effects, its projection
 * and how a decision on a step becomes an event (`eventFor`).
 */
export abstract class StepCase<M extends AnyStateMachine, Effect, Step extends string> {
  abstract readonly life: Lifecycle<M, Effect>;
  abstract readonly calendar: CaseCalendar;
  abstract readonly tasks: HumanTaskDesk;
  /** The step whose task is open, or null. */
  step: Step | null = null;
  /** The version right after the last decision was applied (the decision Update answers then). */
  decided = 0;
  /** The version the read model last took. */
  settled = 0;

  /** `noun`: how the case calls itself in a refusal ("the claim is …"). */
  constructor(
    protected readonly caseId: string,
    private readonly noun: string,
  ) {}

  /** Opens the task of a step. */
  abstract openStep(step: Step): Promise<void>;
  abstract eventFor(step: Step, completion: TaskCompletion): EventFromLogic<M> | { refused: string };
  protected abstract run(effect: Effect): Promise<void>;
  protected abstract project(): Promise<void>;

  status(): string {
    return this.life.status();
  }

  allowedEvents(): string[] {
    return [];
  }

  view(): CaseView {
    return {
      caseId: this.caseId,
      status: this.status(),
      version: this.life.version,
      closed: this.life.closed(),
      openTaskId: this.tasks.openTaskId,
      allowedEvents: this.allowedEvents(),
      settled: followUpDone(this),
    };
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

  /**
   * The step's own checks before a decision reaches history: a step is open, the step allows the outcome, the case
   * type's separation of duties (`checkDuties`), and the outcome is possible now.
   */
  validate(completion: TaskCompletion): void {
    const step = this.step;
    if (!step) throw refuse('TASK_ALREADY_DECIDED', `task ${completion.taskId} is not open for a decision`);
    const event = this.eventFor(step, completion);
    if ('refused' in event) throw refuse('OUTCOME_NOT_ALLOWED', event.refused);
    this.checkDuties(step, completion);
    if (!this.life.can(event)) throw refuse('OUTCOME_NOT_ALLOWED', `"${completion.outcome}" is not possible while the ${this.noun} is ${this.status()}`);
  }

  /** Checks beyond the task desk's four eyes that a case type's steps need (graded approval); none by default. */
  protected checkDuties(_step: Step, _completion: TaskCompletion): void {}

  /** The decision is applied: the task closed, the lifecycle moved; its answer leaves before the follow-up runs. */
  async applyDecision(decision: TaskCompletion, event: EventFromLogic<M>): Promise<void> {
    await this.tasks.close(decision);
    this.step = null;
    this.life.send(event);
    this.decided = this.life.version;
    await answerBeforeFollowUp();
  }
}

/** The case view and the decision Update on the open step's task. */
export function listenToSteps<M extends AnyStateMachine, Effect, Step extends string>(c: StepCase<M, Effect, Step>): void {
  wf.setHandler(getCaseView, () => c.view());
  handleTaskDecisions({
    desk: () => (c.step ? c.tasks : null),
    validateStep: (completion: TaskCompletion) => c.validate(completion),
    version: () => c.life.version,
    appliedVersion: () => c.decided,
    view: () => c.view(),
  });
}

/** A person's decision on a step: the step's task opened, its decision awaited and applied. */
export async function decideStep<M extends AnyStateMachine, Effect, Step extends string>(c: StepCase<M, Effect, Step>, step: Step): Promise<void> {
  await c.openStep(step);
  const decision = (await c.tasks.awaitDecision(undefined, () => c.recount()))!;
  const event = c.eventFor(step, decision);
  if ('refused' in event) throw wf.ApplicationFailure.nonRetryable(event.refused, 'InvariantViolation');
  await c.applyDecision(decision, event);
}
