import { readMedicalLedger, type MedicalLedgerRow } from '../../db/queries/medical-expense.query.js';
import type { MedicalCategory } from '../../domain/declarations/eligibility-list.js';
import { DomainError } from '../../domain/errors.js';
import { authorize, may } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/**
 * GET /v1/medical-ledgers/{category}: a special medical-expense ledger of the caller's region (rules §5.6), newest
 * first, with its total; staff and auditors. ID numbers are unmasked only for roles that read persons unmasked.
 */
export async function readMedicalLedgerOf(
  ctx: CommandContext,
  query: { category: MedicalCategory; beforeId?: number; limit: number },
): Promise<{ entries: MedicalLedgerRow[]; total: string; count: number; unmasked: boolean }> {
  const region = ctx.actor.region;
  if (!region) throw new DomainError('FORBIDDEN', 'the medical expense ledgers are read by staff of a region');
  authorize(ctx, 'read', 'MedicalLedger', { region });
  const ledger = await readMedicalLedger(ctx.em, { region, ...query });
  return { ...ledger, unmasked: may(ctx, 'readUnmasked', 'Person', { region, citizenId: '' }) };
}
