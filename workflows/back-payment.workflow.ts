import { BackPaymentCase } from './back-payment/back-payment-case.js';
import type { BackPaymentInput } from './back-payment/back-payment-messages.js';
import { runDeclaration } from './declaration-case.js';
import { failingOnDomainErrors } from './domain-failures.js';

export type { BackPaymentInput } from './back-payment/back-payment-messages.js';

/**
 * 无记录补缴 (rules §3, §4, §6.1, §8): the application passed the door checks (no month recorded, each month computed
 * with its own parameters and late fee); a caseworker reviews the evidence, a reviewer approves (four eyes), and a
 * span of 36 months or more without a legal document goes to a supervisor too. On approval the months are billed to
 * the employer once; a rejection gives the months back. The steps live in workflows/back-payment/back-payment-case.ts.
 */
export async function backPayment(input: BackPaymentInput): Promise<{ status: string }> {
  return failingOnDomainErrors(() => runDeclaration(new BackPaymentCase(input)));
}
