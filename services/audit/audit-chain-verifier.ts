import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AUDIT_GENESIS_HASH } from '../../db/audit/audit-chain.sql.js';
import { auditLinks } from '../../db/queries/audit-chain.query.js';

/** Why a link does not hold: its own content changed, it does not point at the entry before it, or entries are missing. */
export type BrokenLinkReason = 'hash' | 'link' | 'gap';

export interface BrokenLink {
  entryId: number;
  chainSeq: number;
  at: string;
  reason: BrokenLinkReason;
  /** One sentence for the auditor: what was expected and what is stored. */
  explanation: string;
}

/** The verdict on one region's chain: how many entries were checked up to the first broken link, and that link. */
export interface ChainVerdict {
  chain: string;
  checked: number;
  intact: boolean;
  /** The last entry that verified: the head of an intact chain. */
  lastGoodSeq: number;
  firstBroken: BrokenLink | null;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Walks one chain from its first entry and stops at the first link that does not hold (docs/operations.md "Audit
 * chain"). Each entry's hash is recomputed here from its columns (the database only supplies the canonical text), so a
 * row edited with SQL — content, hash or both — is found at the edit or at the entry after it. Reads in batches, so a
 * chain of millions of entries needs constant memory; `onProgress` gets the running count.
 */
export async function verifyAuditChain(
  em: EntityManager,
  chain: string,
  options: { batch?: number; onProgress?: (checked: number) => void } = {},
): Promise<ChainVerdict> {
  const batch = options.batch ?? 5_000;
  let expectedPrev = AUDIT_GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await auditLinks(em, chain, lastSeq, batch);
    for (const row of rows) {
      const broken = checkLink(row, lastSeq, expectedPrev);
      if (broken) return { chain, checked, intact: false, lastGoodSeq: lastSeq, firstBroken: broken };
      checked += 1;
      lastSeq = row.chainSeq;
      expectedPrev = row.hash;
    }
    options.onProgress?.(checked);
    if (rows.length < batch) return { chain, checked, intact: true, lastGoodSeq: lastSeq, firstBroken: null };
  }
}

function checkLink(row: Awaited<ReturnType<typeof auditLinks>>[number], lastSeq: number, expectedPrev: string): BrokenLink | null {
  const at = { entryId: row.id, chainSeq: row.chainSeq, at: row.at };
  if (row.chainSeq !== lastSeq + 1) {
    return { ...at, reason: 'gap', explanation: `entries ${lastSeq + 1}–${row.chainSeq - 1} of the chain are missing` };
  }
  if (row.prevHash !== expectedPrev) {
    return { ...at, reason: 'link', explanation: `points at ${row.prevHash.slice(0, 12)}…, but the entry before it hashes to ${expectedPrev.slice(0, 12)}…` };
  }
  const recomputed = sha256(row.canonical);
  if (recomputed !== row.hash) {
    return {
      ...at,
      reason: 'hash',
      explanation: `its content hashes to ${recomputed.slice(0, 12)}…, not to the stored ${row.hash.slice(0, 12)}…: the row was changed after it was written`,
    };
  }
  return null;
}
