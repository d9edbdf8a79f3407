import { readMedicalAccountLedger, type MedicalAccountRow } from '../../db/queries/account-subsidy.query.js';
import { DomainError } from '../../domain/errors.js';
import { authorize, may } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/**
 * GET /v1/medical-account-ledger: the personal medical account credits booked in the caller's region (医疗帐户补助金,
 * rules §5.6), newest first, with the total; staff and auditors. ID numbers are unmasked only for roles that read
 * persons unmasked.
 */
export async function readMedicalAccountLedgerOf(
  ctx: CommandContext,
  query: { citizenId?: string; beforeId?: number; limit: number },
): Promise<{ entries: MedicalAccountRow[]; total: string; count: number; unmasked: boolean }> {
  const region = ctx.actor.region;
  if (!region) throw new DomainError('FORBIDDEN', 'the medical account ledger is read by staff of a region');
  authorize(ctx, 'read', 'MedicalLedger', { region });
  const ledger = await readMedicalAccountLedger(ctx.em, { region, ...query });
  return { ...ledger, unmasked: may(ctx, 'readUnmasked', 'Person', { region, citizenId: '' }) };
}
