import type { EntityManager } from '@mikro-orm/postgresql';
import { loadVerificationPolicy } from '../../db/queries/settings.query.js';
import { suspendOverdue } from '../../db/writers/verification.js';
import { overdueIfDueOnOrBefore } from '../../domain/payroll/verification.js';
import { authorize } from '../authorization.js';
import type { BusinessClock } from '../business-clock.js';
import { auditActor, type CommandContext } from '../command-context.js';

/**
 * The suspension sweep (待遇资格认证, rules §8): every beneficiary whose verification ran out (the cycle, default 12
 * months, plus the grace days) is suspended with a notice and an audit entry, in one statement
 * (db/writers/verification.ts `suspendOverdue`). Run daily by the `verification-sweep` schedule (all regions) and by
 * each payroll before it gathers (its region). Running it twice suspends nobody twice.
 */
export async function runVerificationSweep(
  deps: { em: EntityManager; clock: BusinessClock },
  scope: { today: string; region: string | null; actor: { id: string; role: string }; requestId: string | null },
): Promise<{ today: string; suspended: number }> {
  const policy = await loadVerificationPolicy(deps.em, scope.today);
  const dueOnOrBefore = overdueIfDueOnOrBefore(scope.today, policy);
  const suspended = await deps.em.transactional((tx) => suspendOverdue(tx, { ...scope, dueOnOrBefore, policy }, deps.clock.now()));
  return { today: scope.today, suspended };
}

/** `POST /v1/verification-sweeps`: a supervisor or an administrator runs the sweep of their region now. */
export async function runVerificationSweepNow(ctx: CommandContext, region: string): Promise<{ today: string; suspended: number }> {
  authorize(ctx, 'update', 'Verification', { citizenId: '', region });
  const today = ctx.clock.today();
  const actor = auditActor(ctx);
  return runVerificationSweep(ctx, { today, region, actor: { id: actor.id, role: actor.role }, requestId: ctx.requestId });
}
