import * as wf from '@temporalio/workflow';
import { investigationStepOf } from '../domain/supervision/investigation-steps.js';
import { failingOnDomainErrors } from './domain-failures.js';
import { InvestigationCase } from './investigation/investigation-case.js';
import type { InvestigationInput } from './investigation/investigation-messages.js';
import { decideStep, listenToSteps } from './step-case.js';

export type { InvestigationInput } from './investigation/investigation-messages.js';

/**
 * 稽核调查 (rules §8): a fund-supervision control found a matter (a death against an active pension, two pensions,
 * …); a supervisor assigns an investigator, the investigator records findings — with fraud, the amount and a fine of
 * 2–5 × (社会保险法 art. 88) — and a second supervisor closes it or sends it back. The workflow ID comes from the
 * hit's subject key, so the same matter found again never opens a second case.
 */
export async function investigation(input: InvestigationInput): Promise<{ status: string }> {
  return failingOnDomainErrors(() => run(input));
}

async function run(input: InvestigationInput): Promise<{ status: string }> {
  const c = new InvestigationCase(input);
  c.calendar.listen();
  listenToSteps(c);

  while (!c.life.closed()) {
    await c.runEffects();
    const step = investigationStepOf(c.status());
    if (!step) throw wf.ApplicationFailure.nonRetryable(`investigation stuck in ${c.status()}`, 'InvariantViolation');
    await decideStep(c, step);
  }
  await c.runEffects();
  await wf.condition(wf.allHandlersFinished);
  return { status: c.status() };
}
