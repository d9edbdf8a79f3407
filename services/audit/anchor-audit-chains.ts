import type { EntityManager } from '@mikro-orm/postgresql';
import { auditChainHeads } from '../../db/queries/audit-chain.query.js';
import type { AuditAnchorStore, AuditAnchor } from '../adapters/audit-anchor-store.js';
import type { BusinessClock } from '../business-clock.js';

/**
 * 审计链锚定: copies the head of every audit chain that grew since its last anchor into the anchor store, outside the
 * database. Run by the worker's housekeeping every `auditAnchorEveryMs` and by `npm run audit:anchor` (cron). A
 * system job with no caller: it reads heads and writes nothing to the database, so it needs no CASL check or audit
 * entry. Returns the anchors written.
 */
export async function anchorAuditChains(deps: { em: EntityManager; clock: BusinessClock; store: AuditAnchorStore }): Promise<AuditAnchor[]> {
  const latest = new Map<string, number>();
  for (const anchor of await deps.store.all()) latest.set(anchor.chain, Math.max(latest.get(anchor.chain) ?? 0, anchor.chainSeq));
  const anchoredAt = deps.clock.now().toISOString();
  const grown = (await auditChainHeads(deps.em)).filter((head) => head.chainSeq > (latest.get(head.chain) ?? 0)).map((head) => ({ ...head, anchoredAt }));
  await deps.store.append(grown);
  return grown;
}
