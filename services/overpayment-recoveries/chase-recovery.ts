import { findRecovery } from '../../db/queries/overpayment-recovery.query.js';
import { decideChase } from '../../db/writers/recovery-chases.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../authorization.js';
import { auditActor, type CommandContext } from '../command-context.js';
import { recoveryAnswer, type RecoveryView, visibleRecovery } from './read-overpayment-recovery.js';

/**
 * POST /v1/overpayment-recoveries/{id}/chase: a caseworker of the region decides the chase of a missed instalment
 * (催收, 社会保险经办条例 art. 46; docs/payroll.md "Missed instalments") — `contacted` records the contact with the person
 * or the heirs (the note says who, how and what was said), `legalAction` passes the recovery to legal action (移交司法:
 * the sweep chases it no more; the payroll still withholds). Either closes the chase and its task. A new agreement is
 * the third way (POST …/instalment-plan). One transaction on the locked recovery, with an audit entry.
 * Refused, nothing written: a recovery no longer open, a contact with no chase open, legal action twice (409).
 */
export async function chaseRecovery(ctx: CommandContext, r: { recoveryId: number; outcome: 'contacted' | 'legalAction'; note: string }): Promise<RecoveryView> {
  const actor = auditActor(ctx);
  await ctx.em.transactional(async (tx) => {
    const row = visibleRecovery(ctx, await findRecovery(tx, r.recoveryId, true), r.recoveryId);
    authorize(ctx, 'update', 'OverpaymentRecovery', { citizenId: row.citizenId, region: row.region });
    if (row.status !== 'open') throw new DomainError('NOT_ALLOWED_NOW', `overpayment recovery ${row.id} is ${row.status}: nothing is chased`);
    if (row.legalAction !== null)
      throw new DomainError('NOT_ALLOWED_NOW', `overpayment recovery ${row.id} was passed to legal action on ${row.legalAction.at.toISOString()}`);
    const open = row.chases.some((c) => c.status === 'open');
    if (r.outcome === 'contacted' && !open) throw new DomainError('NOT_ALLOWED_NOW', `overpayment recovery ${row.id} has no missed instalment being chased`);
    await decideChase(tx, { recoveryId: row.id, region: row.region, outcome: r.outcome, note: r.note.trim() }, actor, ctx.clock.now());
  });
  return recoveryAnswer(ctx, r.recoveryId);
}
