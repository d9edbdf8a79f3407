import { paymentsOf } from '../../db/queries/payroll.query.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/** How many of a person's payroll lines the page shows (two years of a pension with its back pay fits). */
export const PAYMENTS_LIMIT = 60;

/**
 * GET /v1/benefit-payments: the signed-in citizen's own benefit payments (待遇发放) — every payroll line for them,
 * paid, failed, held or carried, newest month first. Only ever the caller's own ID number: there is no parameter that
 * names another person. Staff follow lines on the payroll (GET /v1/payrolls/{reference}), so they are refused here.
 */
export async function readOwnPayments(ctx: CommandContext): Promise<Awaited<ReturnType<typeof paymentsOf>>> {
  if (ctx.actor.role !== 'citizen') throw new DomainError('FORBIDDEN', 'benefit payments are read by the citizen they pay; staff read the payroll');
  // The citizen's own person record (CASL read Person {citizenId}); the region plays no part in a citizen's rule.
  authorize(ctx, 'read', 'Person', { citizenId: ctx.actor.id, region: '' });
  return paymentsOf(ctx.em, ctx.actor.id, PAYMENTS_LIMIT);
}
