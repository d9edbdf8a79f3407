import { auditChainsIn } from '../../db/queries/audit-chain.query.js';
import { accessibleFilter } from '../../policies/sql-scope.js';
import type { CommandContext } from '../command-context.js';
import { verifyAuditChain, type ChainVerdict } from './audit-chain-verifier.js';

export type { BrokenLink, ChainVerdict } from './audit-chain-verifier.js';

/**
 * 审计链校验: verifies the hash chain of every region whose audit log the caller may read (auditors, supervisors and
 * administrators of a region; the same CASL scope as the log itself). Read-only; `npm run audit:verify` does the same
 * for every chain from the command line.
 */
export async function verifyVisibleAuditChains(ctx: CommandContext): Promise<{ verifiedAt: string; chains: ChainVerdict[] }> {
  const chains = await auditChainsIn(ctx.em, accessibleFilter(ctx.ability, 'read', 'AuditEntry'));
  const verdicts: ChainVerdict[] = [];
  for (const chain of chains) verdicts.push(await verifyAuditChain(ctx.em, chain));
  return { verifiedAt: ctx.clock.now().toISOString(), chains: verdicts };
}
