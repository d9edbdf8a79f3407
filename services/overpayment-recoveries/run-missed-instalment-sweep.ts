import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { agreedRecoveriesToFollowUp } from '../../db/queries/overpayment-recovery.query.js';
import { loadOverpaymentPolicy } from '../../db/queries/settings.query.js';
import { openChase, type ChaseToOpen } from '../../db/writers/recovery-chases.js';
import { monthOf } from '../../domain/calendar/local-date.js';
import { CHASE_SLA_DAYS, chaseTaskSpec, instalmentFollowUp } from '../../domain/payroll/missed-instalments.js';
import { authorize } from '../authorization.js';
import type { BusinessClock } from '../business-clock.js';
import type { CommandContext } from '../command-context.js';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The missed-instalment sweep (催收, 社会保险经办条例 art. 46; docs/payroll.md "Missed instalments"): every open recovery
 * under an instalment agreement whose oldest missed instalment (nothing withheld by the payroll, nothing repaid) is still
 * missed after the grace of `payroll.overpayment` `missedInstalmentGraceMonths` gets a chase — a caseworker's task on the
 * region's worklist, a notice to the person and an audit entry — each in a transaction of its own on the locked
 * recovery. A recovery with a chase open or passed to legal action is left alone, and a month chased once is never
 * chased again, so running it twice chases nobody twice. Run daily by the `missed-instalment-sweep` schedule (every
 * region) and on demand for a region.
 */
export async function runMissedInstalmentSweep(
  deps: { em: EntityManager; clock: BusinessClock },
  scope: { today: string; region: string | null },
): Promise<{ today: string; chased: number }> {
  const { missedInstalmentGraceMonths: graceMonths } = await loadOverpaymentPolicy(deps.em);
  const month = monthOf(scope.today);
  const rows = await agreedRecoveriesToFollowUp(deps.em, month, { region: scope.region });
  const due: ChaseToOpen[] = rows.flatMap((r) => {
    const followUp = instalmentFollowUp({ ...r, today: scope.today, graceMonths });
    const missed = followUp.instalments.find((i) => i.month === followUp.chase);
    if (missed === undefined) return [];
    return [
      {
        recoveryId: r.id,
        region: r.region,
        citizenId: r.citizenId,
        caseId: r.caseId,
        missedMonth: missed.month,
        amount: missed.amount,
        workings: followUp.workings,
      },
    ];
  });
  const at = deps.clock.now();
  const task = { spec: chaseTaskSpec(), dueAt: new Date(at.getTime() + CHASE_SLA_DAYS * DAY_MS) };
  let chased = 0;
  for (const chase of due) {
    const opened = await deps.em.transactional(async (tx) => {
      // The recovery's lock first, as every command on it takes it: a repayment committed meanwhile is seen below.
      await tx.execute(`select 1 from overpayment_recovery where id = ? and status = 'open' for update`, [chase.recoveryId]);
      const [still] = await agreedRecoveriesToFollowUp(tx, month, { region: null, id: chase.recoveryId });
      if (still === undefined || instalmentFollowUp({ ...still, today: scope.today, graceMonths }).chase !== chase.missedMonth) return false;
      return openChase(tx, chase, { ...task, taskId: randomUUID() }, at);
    });
    if (opened) chased += 1;
  }
  return { today: scope.today, chased };
}

/** `POST /v1/missed-instalment-sweeps`: staff who book a region's recoveries run its sweep now (today by the business clock). */
export async function runMissedInstalmentSweepNow(ctx: CommandContext, region: string): Promise<{ today: string; chased: number }> {
  authorize(ctx, 'update', 'OverpaymentRecovery', { citizenId: '', region });
  return runMissedInstalmentSweep(ctx, { today: ctx.clock.today(), region });
}
