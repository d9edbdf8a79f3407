import { findRecovery } from '../../db/queries/overpayment-recovery.query.js';
import { decideWriteOff, proposeWriteOff } from '../../db/writers/overpayment-recoveries.js';
import { DomainError } from '../../domain/errors.js';
import { assertWriteOffDecider, writeOffAmount } from '../../domain/payroll/overpayment.js';
import { authorize } from '../authorization.js';
import { auditActor, type CommandContext } from '../command-context.js';
import { recoveryAnswer, type RecoveryView, viewOf, visibleRecovery } from './read-overpayment-recovery.js';

/*
 * A partial write-off of an overpayment recovery (部分核销, 社会保险经办条例 art. 46; docs/payroll.md "Writing off part of
 * a recovery"), four eyes: a supervisor of the region proposes writing off part of what is outstanding, with the reason
 * and the legal basis, and another supervisor approves or rejects it. Each step is one transaction on the recovery's
 * locked row (so it serialises with a payroll chunk's withholding and with a repayment) and writes an audit entry.
 */

export interface WriteOffProposal {
  recoveryId: number;
  amount: string;
  reason: string;
  legalBasis: string;
}

/** Refused unless the recovery is open (409 NOT_ALLOWED_NOW). */
function openForWriteOff(row: { id: number; status: string }): void {
  if (row.status !== 'open') throw new DomainError('NOT_ALLOWED_NOW', `overpayment recovery ${row.id} is ${row.status}: nothing is owed`);
}

/**
 * POST /v1/overpayment-recoveries/{id}/write-offs. Refused, nothing written: a caller without `waive` (403), a closed or
 * waived recovery or a proposal already waiting for its decision (409), a blank reason or legal basis (400 on the
 * field), an amount not above 0 or above what may be written off now (422 INVALID_AMOUNT on `amount`: the outstanding
 * less what unpaid payroll lines withhold). Answers the recovery with the proposal in `writeOffs`.
 */
export async function proposeRecoveryWriteOff(ctx: CommandContext, r: WriteOffProposal): Promise<RecoveryView> {
  const actor = auditActor(ctx);
  const reason = r.reason.trim();
  const legalBasis = r.legalBasis.trim();
  await ctx.em.transactional(async (tx) => {
    const row = viewOf(visibleRecovery(ctx, await findRecovery(tx, r.recoveryId, true), r.recoveryId));
    authorize(ctx, 'waive', 'OverpaymentRecovery', { citizenId: row.citizenId, region: row.region });
    openForWriteOff(row);
    if (reason === '') throw new DomainError('VALIDATION_FAILED', 'a write-off needs its reason', { path: 'reason' });
    if (legalBasis === '') throw new DomainError('VALIDATION_FAILED', 'a write-off needs its legal basis', { path: 'legalBasis' });
    const amount = writeOffAmount(r.amount, row.repayable);
    const id = await proposeWriteOff(tx, { recoveryId: row.id, region: row.region, amount, reason, legalBasis }, actor, ctx.clock.now());
    if (id === null) throw new DomainError('NOT_ALLOWED_NOW', `a write-off of overpayment recovery ${row.id} is already waiting for its decision`);
  });
  return recoveryAnswer(ctx, r.recoveryId);
}

/**
 * POST /v1/overpayment-recoveries/{id}/write-offs/{writeOffId}/decision. Refused, nothing written: a caller without
 * `waive` (403), the supervisor who proposed it (403 FOUR_EYES), an unknown proposal of this recovery (404), one already
 * decided or a recovery no longer open (409), and — to approve — an amount above what may be written off now (422
 * INVALID_AMOUNT on `amount`: a repayment or a withholding since took part of it; reject it and propose again).
 */
export async function decideRecoveryWriteOff(
  ctx: CommandContext,
  r: { recoveryId: number; writeOffId: number; approve: boolean; comment?: string | undefined },
): Promise<RecoveryView> {
  const actor = auditActor(ctx);
  await ctx.em.transactional(async (tx) => {
    const row = viewOf(visibleRecovery(ctx, await findRecovery(tx, r.recoveryId, true), r.recoveryId));
    authorize(ctx, 'waive', 'OverpaymentRecovery', { citizenId: row.citizenId, region: row.region });
    const proposal = row.writeOffs.find((w) => w.id === r.writeOffId);
    if (!proposal) throw new DomainError('RECOVERY_NOT_FOUND', `No write-off ${r.writeOffId} of overpayment recovery ${row.id}`);
    if (proposal.status !== 'proposed') throw new DomainError('NOT_ALLOWED_NOW', `write-off ${proposal.id} is already ${proposal.status}`);
    assertWriteOffDecider(proposal.proposedBy, ctx.actor.id);
    if (r.approve) {
      openForWriteOff(row);
      writeOffAmount(proposal.amount, row.repayable);
    }
    const comment = r.comment?.trim() || null;
    await decideWriteOff(
      tx,
      {
        recoveryId: row.id,
        writeOffId: proposal.id,
        region: row.region,
        citizenId: row.citizenId,
        caseId: row.caseId,
        amount: proposal.amount,
        approve: r.approve,
        comment,
      },
      actor,
      ctx.clock.now(),
    );
  });
  return recoveryAnswer(ctx, r.recoveryId);
}
