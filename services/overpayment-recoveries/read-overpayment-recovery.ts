import { OverpaymentRecovery } from '../../db/entities/index.js';
import { findRecovery, recoveriesByIds, type RecoveryRow } from '../../db/queries/overpayment-recovery.query.js';
import { DomainError } from '../../domain/errors.js';
import { Money } from '../../domain/money.js';
import { outstandingOf } from '../../domain/payroll/overpayment.js';
import { accessibleFilter } from '../../policies/sql-scope.js';
import { visibleOrNotFound } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/** A recovery with what is still owed (社会保险经办条例 art. 46: the amount less its ledger) and what may be repaid now. */
export interface RecoveryView extends RecoveryRow {
  outstanding: string;
  /** Outstanding less what payroll lines not yet paid withhold: the most a repayment may be now. */
  repayable: string;
}

export function viewOf(row: RecoveryRow): RecoveryView {
  const outstanding = outstandingOf(
    row.amount,
    row.entries.map((e) => e.amount),
  );
  const repayable = Money.of(outstanding).minus(Money.of(row.pending));
  return { ...row, outstanding, repayable: repayable.isNegative() ? '0.00' : repayable.toString() };
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
  return viewOf(visibleRecovery(ctx, await findRecovery(ctx.em, id), id));
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
  return { items: items.map(viewOf), more: rows.length > q.limit };
}
