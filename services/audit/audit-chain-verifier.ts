import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AUDIT_GENESIS_HASH } from '../../db/audit/audit-chain.sql.js';
import { auditLinks } from '../../db/queries/audit-chain.query.js';
import type { AuditAnchor } from '../adapters/audit-anchor-store.js';

/**
 * Why a link does not hold: its own content changed, it does not point at the entry before it, or entries are
 * missing; checked against anchors kept outside the database, also: the anchored entry now hashes differently (the
 * chain was rewritten from there or before), or the chain ends before an anchored entry (its end was cut off).
 */
export type BrokenLinkReason = 'hash' | 'link' | 'gap' | 'anchor' | 'cut';

export interface BrokenLink {
  /** The entry where the chain fails; for `cut`, the entry the chain now ends at (0 when it holds none). */
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
 * chain of millions of entries needs constant memory; `onProgress` gets the running count. With `anchors` (any chain's;
 * this chain's are used), a chain rewritten consistently from some point on, or cut short, is found too: its links
 * hold, but not its anchors.
 */
export async function verifyAuditChain(
  em: EntityManager,
  chain: string,
  options: { batch?: number; onProgress?: (checked: number) => void; anchors?: readonly AuditAnchor[] } = {},
): Promise<ChainVerdict> {
  const batch = options.batch ?? 5_000;
  const anchored = anchorsOf(chain, options.anchors ?? []);
  let expectedPrev = AUDIT_GENESIS_HASH;
  let last = { seq: 0, entryId: 0 };
  let checked = 0;
  for (;;) {
    const rows = await auditLinks(em, chain, last.seq, batch);
    for (const row of rows) {
      const broken = checkLink(row, last.seq, expectedPrev) ?? checkAnchor(row, anchored.get(row.chainSeq));
      if (broken) return { chain, checked, intact: false, lastGoodSeq: last.seq, firstBroken: broken };
      checked += 1;
      last = { seq: row.chainSeq, entryId: row.id };
      expectedPrev = row.hash;
    }
    options.onProgress?.(checked);
    if (rows.length < batch) {
      const cut = checkEnd(last, anchored);
      return { chain, checked, intact: cut === null, lastGoodSeq: last.seq, firstBroken: cut };
    }
  }
}

/** The chain's anchors by place; the newest anchor of a place wins (all of one place carry the same hash when intact). */
function anchorsOf(chain: string, anchors: readonly AuditAnchor[]): Map<number, AuditAnchor> {
  const byPlace = new Map<number, AuditAnchor>();
  for (const anchor of anchors) if (anchor.chain === chain) byPlace.set(anchor.chainSeq, anchor);
  return byPlace;
}

function checkAnchor(row: Awaited<ReturnType<typeof auditLinks>>[number], anchor: AuditAnchor | undefined): BrokenLink | null {
  if (!anchor || anchor.hash === row.hash) return null;
  return {
    entryId: row.id,
    chainSeq: row.chainSeq,
    at: row.at,
    reason: 'anchor',
    explanation: `anchored at ${anchor.anchoredAt} as ${anchor.hash.slice(0, 12)}…, it now hashes to ${row.hash.slice(0, 12)}…: the chain was rewritten from here or before`,
  };
}

function checkEnd(last: { seq: number; entryId: number }, anchored: Map<number, AuditAnchor>): BrokenLink | null {
  const beyond = [...anchored.values()].filter((anchor) => anchor.chainSeq > last.seq).sort((a, b) => b.chainSeq - a.chainSeq)[0];
  if (!beyond) return null;
  return {
    entryId: last.entryId,
    chainSeq: last.seq + 1,
    at: beyond.anchoredAt,
    reason: 'cut',
    explanation: `the chain ends at #${last.seq}, but #${beyond.chainSeq} was anchored at ${beyond.anchoredAt}: entries ${last.seq + 1}–${beyond.chainSeq} were cut off its end`,
  };
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
