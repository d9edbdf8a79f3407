import { findRecovery } from '../../db/queries/overpayment-recovery.query.js';
import { agreeInstalmentPlan } from '../../db/writers/overpayment-recoveries.js';
import { decideChase } from '../../db/writers/recovery-chases.js';
import { monthOf } from '../../domain/calendar/local-date.js';
import { DomainError } from '../../domain/errors.js';
import { type AgreedInstalments, agreeInstalments } from '../../domain/payroll/overpayment.js';
import { authorize } from '../authorization.js';
import { auditActor, type CommandContext } from '../command-context.js';
import { recoveryAnswer, type RecoveryView, viewOf, visibleRecovery } from './read-overpayment-recovery.js';

/**
 * POST /v1/overpayment-recoveries/{id}/instalment-plan: an instalment agreement (退还协议, 社会保险经办条例 art. 46) —
 * the person repays `monthlyAmount` a month from `firstMonth`, which the payroll then withholds instead of the offset
 * share. A new agreement replaces the one before; it repays what is outstanding now, and a chase of a missed instalment
 * that was open is decided `replanned` with its task (催收, docs/payroll.md "Missed instalments"). Refused, nothing written: an amount not above 0 or above what is
 * outstanding (422 on `monthlyAmount`), a month already past (422 on `firstMonth`), a closed recovery (409).
 */
export async function agreeRecoveryInstalments(
  ctx: CommandContext,
  r: { recoveryId: number; monthlyAmount: string; firstMonth: string },
): Promise<{ recovery: RecoveryView; agreement: Omit<AgreedInstalments, 'plan'> }> {
  const actor = auditActor(ctx);
  const agreement = await ctx.em.transactional(async (tx) => {
    const row = visibleRecovery(ctx, await findRecovery(tx, r.recoveryId, true), r.recoveryId);
    authorize(ctx, 'update', 'OverpaymentRecovery', { citizenId: row.citizenId, region: row.region });
    if (row.status !== 'open') throw new DomainError('NOT_ALLOWED_NOW', `overpayment recovery ${row.id} is ${row.status}: nothing is owed`);
    const agreed = agreeInstalments({
      outstanding: viewOf(row).outstanding,
      monthlyAmount: r.monthlyAmount,
      firstMonth: r.firstMonth,
      currentMonth: monthOf(ctx.clock.today()),
    });
    const plan = { monthlyAmount: agreed.plan.monthlyAmount, firstMonth: agreed.plan.firstMonth, total: agreed.plan.outstanding };
    await agreeInstalmentPlan(tx, { recoveryId: row.id, region: row.region, ...plan, workings: agreed.workings }, actor, ctx.clock.now());
    await decideChase(tx, { recoveryId: row.id, region: row.region, outcome: 'replanned', note: agreed.workings[0]! }, actor, ctx.clock.now());
    return agreed;
  });
  const { instalments, lastInstalment, lastMonth, workings } = agreement;
  return { recovery: await recoveryAnswer(ctx, r.recoveryId), agreement: { instalments, lastInstalment, lastMonth, workings } };
}
