import { loadContributionPolicy } from '../../db/queries/contribution-policy.query.js';
import { openArrearsCaseOf } from '../../db/queries/overdue-bills.query.js';
import { recordPayment } from '../../db/writers/contribution-ledger.js';
import type { ContributionPolicy } from '../../domain/arrears/arrears-policy.js';
import { compareDates } from '../../domain/calendar/local-date.js';
import type { CreditAllocation } from '../../domain/contribution/credit.js';
import { DomainError } from '../../domain/errors.js';
import { Money } from '../../domain/money.js';
import type { CommandContext } from '../command-context.js';
import { employerFor } from '../employers/employer-access.js';

export interface PaymentRequest {
  employerCreditCode: string;
  /** Decimal string, more than zero. */
  amount: string;
  /** The value date, not after today. */
  paidOn: string;
  reference?: string;
  /** The client's key: the same key books once (it is kept as `api:<key>`, apart from the file keys). */
  idempotencyKey: string;
}

export interface BookedPayment {
  paymentId: string;
  idempotencyKey: string;
  duplicate: boolean;
  /** How the payment (and the credit held) was spread; null for a duplicate, which books nothing. */
  allocation: CreditAllocation | null;
}

/** One payment to book, whoever read it (the API, a bank or tax file). */
export interface IncomingPayment {
  idempotencyKey: string;
  employer: string;
  amount: Money;
  paidOn: string;
  source: 'api' | 'bank' | 'tax';
  reference: string | null;
}

/**
 * 到账登记: a caseworker, supervisor or administrator records a payment an employer made (issue 3). Booked once per
 * idempotency key and allocated with the credit held over the periods owed as of its value date, then the fines
 * (the configured rule, rules §4); an overpayment becomes credit. The employer's open arrears case is told.
 */
export async function bookPayment(ctx: CommandContext, req: PaymentRequest): Promise<BookedPayment> {
  const employer = await employerFor(ctx, req.employerCreditCode, 'pay');
  const today = ctx.clock.today();
  if (compareDates(req.paidOn, today) > 0)
    throw new DomainError('VALIDATION_FAILED', `paidOn ${req.paidOn} is in the future (today is ${today})`, { path: 'paidOn' });
  const amount = Money.of(req.amount);
  if (amount.isZero() || amount.isNegative()) throw new DomainError('VALIDATION_FAILED', 'amount must be more than zero', { path: 'amount' });
  const policy = await loadContributionPolicy(ctx.em);
  const payment = {
    idempotencyKey: `api:${req.idempotencyKey}`,
    employer: employer.creditCode,
    amount,
    paidOn: req.paidOn,
    source: 'api' as const,
    reference: req.reference ?? null,
  };
  return bookIncoming(ctx, policy, payment);
}

/**
 * Books one payment whose employer the caller was cleared for, in its own transaction (contribution-ledger.ts
 * `recordPayment`), and wakes the employer's open arrears case, if any, so it recomputes and settles what the payment
 * covered. A duplicate wakes the case too: the first booking may have died between its commit and the signal (the
 * client then sends the same payment again), and a case woken twice only recomputes its balance twice.
 */
export async function bookIncoming(ctx: CommandContext, policy: ContributionPolicy, p: IncomingPayment): Promise<BookedPayment> {
  const r = await recordPayment(ctx.em, {
    ...p,
    rule: policy.allocationRule,
    finePosition: policy.finePosition,
    lateFeePolicy: policy.lateFee,
    receivedBy: { id: ctx.actor.id, role: ctx.actor.role },
    requestId: ctx.requestId,
    now: ctx.clock.now(),
  });
  const open = await openArrearsCaseOf(ctx.em, p.employer);
  if (open) await ctx.workflows.notifyArrearsPayment(open.id, r.paymentId);
  return { paymentId: r.paymentId, idempotencyKey: p.idempotencyKey, duplicate: r.duplicate, allocation: r.allocation };
}
