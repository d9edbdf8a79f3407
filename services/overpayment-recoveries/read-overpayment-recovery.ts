import { OverpaymentRecovery } from '../../db/entities/index.js';
import { findRecovery, recoveriesByIds, type RecoveryRow } from '../../db/queries/overpayment-recovery.query.js';
import { DomainError } from '../../domain/errors.js';
import { Money } from '../../domain/money.js';
import { instalmentFollowUp, type InstalmentFollowUp } from '../../domain/payroll/missed-instalments.js';
import { outstandingOf } from '../../domain/payroll/overpayment.js';
import { loadOverpaymentPolicy } from '../../db/queries/settings.query.js';
import { accessibleFilter } from '../../policies/sql-scope.js';
import { visibleOrNotFound } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/** A recovery with what is still owed (社会保险经办条例 art. 46: the amount less its ledger) and what may be repaid now. */
export interface RecoveryView extends RecoveryRow {
  outstanding: string;
  /** Outstanding less what payroll lines not yet paid withhold: the most a repayment may be now. */
  repayable: string;
  /** Under an instalment agreement, the standing of each instalment on the day asked (paid, missed, …); else null. */
  followUp: InstalmentFollowUp | null;
}

/** The day a view is for and the grace before a missed instalment is chased (`payroll.overpayment`). */
export interface FollowUpDay {
  today: string;
  graceMonths: number;
}

/** The view of a recovery; `asOf` adds the standing of its instalments (a command's own reads leave it out). */
export function viewOf(row: RecoveryRow, asOf?: FollowUpDay): RecoveryView {
  const outstanding = outstandingOf(
    row.amount,
    row.entries.map((e) => e.amount),
  );
  const repayable = Money.of(outstanding).minus(Money.of(row.pending));
  const followUp =
    asOf === undefined || row.plan === null
      ? null
      : instalmentFollowUp({
          total: row.plan.total,
          monthlyAmount: row.plan.monthlyAmount,
          firstMonth: row.plan.firstMonth,
          collected: row.plan.collected,
          lastChased: lastChasedOf(row),
          ...asOf,
        });
  return { ...row, outstanding, repayable: repayable.isNegative() ? '0.00' : repayable.toString(), followUp };
}

/** The month the last chase under the current agreement named (as the sweep reads it). */
function lastChasedOf(row: RecoveryRow): string | null {
  const months = row.chases.map((c) => c.missedMonth).filter((m) => row.plan !== null && m >= row.plan.firstMonth);
  return months.length === 0 ? null : months.reduce((a, b) => (a > b ? a : b));
}

/** Today by the business clock and the grace in force: what every answer about a recovery is computed for. */
export async function followUpDay(ctx: CommandContext): Promise<FollowUpDay> {
  return { today: ctx.clock.today(), graceMonths: (await loadOverpaymentPolicy(ctx.em)).missedInstalmentGraceMonths };
}

/** The recovery as a command answers it after its transaction: read again, with the standing of its instalments. */
export async function recoveryAnswer(ctx: CommandContext, id: number): Promise<RecoveryView> {
  return viewOf((await findRecovery(ctx.em, id))!, await followUpDay(ctx));
}

/** The recovery when the caller may read it; otherwise the 404 an unknown one gets. */
export function visibleRecovery(ctx: CommandContext, row: RecoveryRow | null, id: number): RecoveryRow {
  return visibleOrNotFound(ctx, row, 'OverpaymentRecovery', (r) => ({ citizenId: r.citizenId, region: r.region }), {
    code: 'RECOVERY_NOT_FOUND',
    message: `No overpayment recovery ${id}`,
  });
}

/** GET /v1/overpayment-recoveries/{id}: the recovery, its ledger and its balance. */
export async function readRecovery(ctx: CommandContext, id: number): Promise<RecoveryView> {
  return viewOf(visibleRecovery(ctx, await findRecovery(ctx.em, id), id), await followUpDay(ctx));
}

/** `closed` lists every recovery no longer collected: repaid in full, or written off (`waived`, 核销). */
const CLOSED: ('closed' | 'waived')[] = ['closed', 'waived'];

/**
 * GET /v1/overpayment-recoveries: the recoveries the caller may read, newest first — filtered in SQL by the same CASL
 * rules (policies/sql-scope.ts): a citizen their own, staff their regions'.
 */
export async function readRecoveries(
  ctx: CommandContext,
  q: { limit: number; after: number | null; status: 'open' | 'closed' | 'waived' | undefined },
): Promise<{ items: RecoveryView[]; more: boolean }> {
  const scope = accessibleFilter(ctx.ability, 'read', 'OverpaymentRecovery');
  if (scope === null) return { items: [], more: false };
  if (q.after !== null && !Number.isSafeInteger(q.after)) throw new DomainError('VALIDATION_FAILED', 'not a cursor of this list', { path: 'cursor' });
  const rows = await ctx.em.find(
    OverpaymentRecovery,
    {
      $and: [
        scope,
        ...(q.after === null ? [] : [{ id: { $lt: q.after } }]),
        ...(q.status === undefined ? [] : [{ status: q.status === 'closed' ? { $in: CLOSED } : q.status }]),
      ],
    },
    { orderBy: { id: 'desc' }, limit: q.limit + 1, fields: ['id'] },
  );
  const items = await recoveriesByIds(
    ctx.em,
    rows.slice(0, q.limit).map((r) => r.id),
  );
  const asOf = await followUpDay(ctx);
  return { items: items.map((r) => viewOf(r, asOf)), more: rows.length > q.limit };
}
