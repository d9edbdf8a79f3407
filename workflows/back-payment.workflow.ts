import * as wf from '@temporalio/workflow';
import { declarationStepOf } from '../domain/declarations/declaration-review.js';
import { BackPaymentCase } from './back-payment/back-payment-case.js';
import type { BackPaymentInput } from './back-payment/back-payment-messages.js';
import { failingOnDomainErrors } from './domain-failures.js';
import { decideStep, listenToSteps } from './step-case.js';

export type { BackPaymentInput } from './back-payment/back-payment-messages.js';

/**
 * 无记录补缴 (rules §3, §4, §6.1, §8): the application passed the door checks (no month recorded, each month computed
 * with its own parameters and late fee); a caseworker reviews the evidence, a reviewer approves (four eyes), and a
 * span of 36 months or more without a legal document goes to a supervisor too. On approval the months are billed to
 * the employer once; a rejection gives the months back. The steps live in workflows/back-payment/back-payment-case.ts.
 */
export async function backPayment(input: BackPaymentInput): Promise<{ status: string }> {
  return failingOnDomainErrors(() => run(input));
}

async function run(input: BackPaymentInput): Promise<{ status: string }> {
  const c = new BackPaymentCase(input);
  c.calendar.listen();
  listenToSteps(c);

  while (!c.life.closed()) {
    await c.runEffects();
    if (c.life.closed()) break;
    const step = declarationStepOf(c.status());
    if (!step) throw wf.ApplicationFailure.nonRetryable(`back-payment stuck in ${c.status()}`, 'InvariantViolation');
    await decideStep(c, step);
  }
  if (c.life.hasEffects() || c.settled < c.life.version) await c.runEffects();
  await wf.condition(wf.allHandlersFinished);
  return { status: c.status() };
}
