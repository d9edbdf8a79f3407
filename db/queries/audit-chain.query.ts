import type { EntityManager, QBFilterQuery } from '@mikro-orm/postgresql';
import { canonicalAuditSql } from '../audit/audit-chain.sql.js';
import { AuditEntry, type IAuditEntry } from '../entities/audit-entry.entity.js';

/** One link of an audit chain as the verifier needs it: what is stored, and the text its hash must be taken over. */
export interface AuditLinkRow {
  id: number;
  chainSeq: number;
  at: string;
  prevHash: string;
  hash: string;
  /** Recomputed from the row's columns now; an edited column changes it. */
  canonical: string;
}

/** The chains (regions, `*` for none) that hold an entry the `scope` lets the caller read; null scope = none. */
export async function auditChainsIn(em: EntityManager, scope: Record<string, unknown> | null): Promise<string[]> {
  if (scope === null) return [];
  const rows = await em
    .createQueryBuilder(AuditEntry)
    .select('chain', true)
    .where(scope as QBFilterQuery<IAuditEntry>)
    .orderBy({ chain: 'asc' })
    .execute<{ chain: string }[]>();
  return rows.map((row) => row.chain);
}

/** Every chain in the log, for the operator's command (no caller scope). */
export async function allAuditChains(em: EntityManager): Promise<string[]> {
  const rows = await em.execute<{ chain: string }[]>('select distinct chain from audit_entry order by chain');
  return rows.map((row) => row.chain);
}

/** The next `limit` links of `chain` after `afterSeq`, in chain order (keyset on the unique (chain, chain_seq) index). */
export async function auditLinks(em: EntityManager, chain: string, afterSeq: number, limit: number): Promise<AuditLinkRow[]> {
  const rows = await em.execute<{ id: string; chain_seq: string; at: Date; prev_hash: string; hash: string; canonical: string }[]>(
    `select e.id, e.chain_seq, e.at, e.prev_hash, e.hash, ${canonicalAuditSql('e')} as canonical
       from audit_entry e where e.chain = ? and e.chain_seq > ? order by e.chain_seq limit ?`,
    [chain, afterSeq, limit],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    chainSeq: Number(row.chain_seq),
    at: new Date(row.at).toISOString(),
    prevHash: row.prev_hash,
    hash: row.hash,
    canonical: row.canonical,
  }));
}

/** The newest entry of every chain: its place and hash, what an anchor records. */
export async function auditChainHeads(em: EntityManager): Promise<{ chain: string; chainSeq: number; hash: string }[]> {
  const rows = await em.execute<{ chain: string; chain_seq: string; hash: string }[]>(
    'select distinct on (chain) chain, chain_seq, hash from audit_entry order by chain, chain_seq desc',
  );
  return rows.map((row) => ({ chain: row.chain, chainSeq: Number(row.chain_seq), hash: row.hash }));
}
