import * as wf from '@temporalio/workflow';
import { declarationStepOf, type DeclarationEffect, type DeclarationStep } from '../domain/declarations/declaration-review.js';
import type { declarationReviewMachine } from '../domain/declarations/declaration-review.machine.js';
import { decideStep, listenToSteps, type StepCase } from './step-case.js';

/**
 * How every grass-roots declaration runs (离休 / 二乙 medical expenses, back-payments): the effects of the last
 * transition, then the next person's step, until the review machine is final; what is left to run and project after
 * that, then the handlers are let finish. `noun` names the case in an invariant failure.
 */
export async function runDeclarationReview(
  c: StepCase<typeof declarationReviewMachine, DeclarationEffect, DeclarationStep>,
  noun: string,
): Promise<{ status: string }> {
  c.calendar.listen();
  listenToSteps(c);

  while (!c.life.closed()) {
    await c.runEffects();
    if (c.life.closed()) break;
    const step = declarationStepOf(c.status());
    if (!step) throw wf.ApplicationFailure.nonRetryable(`${noun} stuck in ${c.status()}`, 'InvariantViolation');
    await decideStep(c, step);
  }
  if (c.life.hasEffects() || c.settled < c.life.version) await c.runEffects();
  await wf.condition(wf.allHandlersFinished);
  return { status: c.status() };
}
