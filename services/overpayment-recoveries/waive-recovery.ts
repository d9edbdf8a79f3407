import { findRecovery } from '../../db/queries/overpayment-recovery.query.js';
import { waiveRecovery } from '../../db/writers/overpayment-recoveries.js';
import { DomainError } from '../../domain/errors.js';
import { Money } from '../../domain/money.js';
import { authorize } from '../authorization.js';
import { auditActor, type CommandContext } from '../command-context.js';
import { recoveryAnswer, type RecoveryView, viewOf, visibleRecovery } from './read-overpayment-recovery.js';

export interface WaiverRequest {
  recoveryId: number;
  reason: string;
  legalBasis: string;
  /** What the supervisor saw outstanding; when given it must still be the outstanding (a booking since is not waived blind). */
  amount?: string | undefined;
}

/**
 * POST /v1/overpayment-recoveries/{id}/waiver: a supervisor of the region writes off what is still owed when it cannot be
 * recovered (核销, e.g. the estate has nothing): one `waiver` entry of the outstanding, the recovery `waived`, a notice
 * to the person, an audit entry. Refused, nothing written: a caseworker (403, CASL `waive`), a recovery no longer open
 * (409), payroll lines not yet paid still withholding for it (409: they book when the bank answers; waive after), a
 * blank reason or legal basis (422 on the field), an `amount` that is not the outstanding (422 INVALID_AMOUNT on `amount`).
 */
export async function waiveOverpaymentRecovery(ctx: CommandContext, r: WaiverRequest): Promise<RecoveryView> {
  const actor = auditActor(ctx);
  const reason = r.reason.trim();
  const legalBasis = r.legalBasis.trim();
  await ctx.em.transactional(async (tx) => {
    const row = visibleRecovery(ctx, await findRecovery(tx, r.recoveryId, true), r.recoveryId);
    authorize(ctx, 'waive', 'OverpaymentRecovery', { citizenId: row.citizenId, region: row.region });
    if (row.status !== 'open') throw new DomainError('NOT_ALLOWED_NOW', `overpayment recovery ${row.id} is ${row.status}: nothing is owed`);
    if (reason === '') throw new DomainError('VALIDATION_FAILED', 'a write-off needs its reason', { path: 'reason' });
    if (legalBasis === '') throw new DomainError('VALIDATION_FAILED', 'a write-off needs its legal basis', { path: 'legalBasis' });
    const view = viewOf(row);
    if (!Money.of(view.pending).isZero()) {
      throw new DomainError(
        'NOT_ALLOWED_NOW',
        `payroll lines not yet paid withhold ${view.pending} for overpayment recovery ${row.id}: write off after the bank's return`,
      );
    }
    if (r.amount !== undefined && !Money.of(r.amount).equals(Money.of(view.outstanding))) {
      throw new DomainError('INVALID_AMOUNT', `the outstanding is ${view.outstanding}, not ${r.amount}`, { path: 'amount' });
    }
    await waiveRecovery(
      tx,
      {
        recoveryId: row.id,
        region: row.region,
        citizenId: row.citizenId,
        caseId: row.caseId,
        cause: row.cause,
        amount: view.outstanding,
        reason,
        legalBasis,
      },
      actor,
      ctx.clock.now(),
    );
  });
  return recoveryAnswer(ctx, r.recoveryId);
}
