import { auditChainsIn } from '../../db/queries/audit-chain.query.js';
import type { AuditAnchorStore } from '../adapters/audit-anchor-store.js';
import { accessibleFilter } from '../../policies/sql-scope.js';
import type { CommandContext } from '../command-context.js';
import { verifyAuditChain, type ChainVerdict } from './audit-chain-verifier.js';

export type { BrokenLink, ChainVerdict } from './audit-chain-verifier.js';

/**
 * 审计链校验: verifies the hash chain of every region whose audit log the caller may read (auditors, supervisors and
 * administrators of a region; the same CASL scope as the log itself). Read-only; `npm run audit:verify` does the same
 * for every chain from the command line. With the anchor store the API process is given (AUDIT_ANCHOR_FILE), the
 * heads anchored outside the database are checked too, so a rewritten or cut-off end shows here as well.
 */
export async function verifyVisibleAuditChains(
  ctx: CommandContext,
  anchorStore?: AuditAnchorStore,
): Promise<{ verifiedAt: string; anchored: boolean; chains: ChainVerdict[] }> {
  const chains = await auditChainsIn(ctx.em, accessibleFilter(ctx.ability, 'read', 'AuditEntry'));
  const anchors = anchorStore ? await anchorStore.all() : [];
  const verdicts: ChainVerdict[] = [];
  for (const chain of chains) verdicts.push(await verifyAuditChain(ctx.em, chain, { anchors }));
  return { verifiedAt: ctx.clock.now().toISOString(), anchored: anchorStore !== undefined, chains: verdicts };
}
