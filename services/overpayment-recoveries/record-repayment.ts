import { findRecovery } from '../../db/queries/overpayment-recovery.query.js';
import { bookRepayment, closeSettledRecoveries } from '../../db/writers/overpayment-recoveries.js';
import { DomainError } from '../../domain/errors.js';
import { Money } from '../../domain/money.js';
import { recordRepayment } from '../../domain/payroll/overpayment.js';
import { authorize } from '../authorization.js';
import { auditActor, type CommandContext } from '../command-context.js';
import { recoveryAnswer, type RecoveryView, viewOf, visibleRecovery } from './read-overpayment-recovery.js';

export interface RepaymentRequest {
  recoveryId: number;
  amount: string;
  note?: string | undefined;
  idempotencyKey: string;
}

/**
 * POST /v1/overpayment-recoveries/{id}/repayments: a caseworker records money the person repaid (退还, 社会保险经办条例
 * art. 46). Keyed by the caller and their Idempotency-Key: the same key again answers the first booking (`duplicate`),
 * the same key with another amount is 422 IDEMPOTENCY_KEY_REUSED. The amount must be more than 0 and at most what may be
 * repaid now (the outstanding less what unpaid payroll lines already withhold), else 422 INVALID_AMOUNT on `amount`.
 * Reaching zero closes the recovery with a notice to the person. One transaction; the recovery row is locked.
 */
export async function recordRecoveryRepayment(ctx: CommandContext, r: RepaymentRequest): Promise<{ recovery: RecoveryView; duplicate: boolean }> {
  const actor = auditActor(ctx);
  const sourceRef = `repayment:${ctx.actor.id}:${r.idempotencyKey}`;
  const duplicate = await ctx.em.transactional(async (tx) => {
    const row = visibleRecovery(ctx, await findRecovery(tx, r.recoveryId, true), r.recoveryId);
    authorize(ctx, 'update', 'OverpaymentRecovery', { citizenId: row.citizenId, region: row.region });
    const earlier = row.entries.find((e) => e.sourceRef === sourceRef);
    if (earlier) {
      if (Money.of(earlier.amount).equals(Money.of(r.amount))) return true;
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', `Idempotency-Key ${r.idempotencyKey} already booked a repayment of ${earlier.amount}`, {
        path: 'idempotency-key',
      });
    }
    if (row.status !== 'open') throw new DomainError('NOT_ALLOWED_NOW', `overpayment recovery ${row.id} is ${row.status}: nothing is owed`);
    const view = viewOf(row);
    if (Money.of(view.repayable).isZero() && !Money.of(view.outstanding).isZero()) {
      throw new DomainError('INVALID_AMOUNT', `the outstanding ${view.outstanding} is withheld by payroll lines not yet paid`, { path: 'amount' });
    }
    // The one rule for a repayment: more than 0, at most what may be repaid now (throws INVALID_AMOUNT on `amount`).
    recordRepayment({ method: 'offset', total: row.amount, outstanding: view.repayable, share: '1', workings: [] }, r.amount);
    const amount = Money.of(r.amount).toString();
    await bookRepayment(tx, { recoveryId: row.id, amount, sourceRef, note: r.note?.trim() || null, region: row.region }, actor, ctx.clock.now());
    await closeSettledRecoveries(tx, [row.id], actor, ctx.clock.now());
    return false;
  });
  return { recovery: await recoveryAnswer(ctx, r.recoveryId), duplicate };
}
