// The hash chain of the audit log (经办条例 arts. 36–38; docs/operations.md "Audit chain"). One chain per region:
// every entry carries the hash of the entry before it in its region, so editing, removing or inserting a row anywhere
// in the middle breaks the link after it. The database computes the hash (the insert trigger below), so every writer —
// the application, a migration, an operator at psql — extends the chain the same way; the verifier recomputes it.

/** `prev_hash` of the first entry of a chain. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** The chain an entry belongs to: its region, or `*` for entries about no region (a national calendar). */
export const auditChainOf = (region: string | null): string => region ?? '*';

/**
 * The canonical text an entry's hash is taken over, as SQL on the row `alias` (`new` in the trigger, `e` in the
 * verifier). A jsonb array renders one way only (fixed spacing, sorted object keys), and the time is written in UTC
 * to the microsecond, so the text never depends on the session's time zone or on how a client sent the JSON.
 */
export const canonicalAuditSql = (alias: string, prevHash = `${alias}.prev_hash`): string =>
  `jsonb_build_array(${prevHash}, ${alias}.chain, ${alias}.chain_seq, ${alias}.id, ` +
  `to_char(${alias}.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), ${alias}.actor_id, ${alias}.actor_role, ` +
  `${alias}.region, ${alias}.action, ${alias}.object_type, ${alias}.object_id, ${alias}.request_id, ${alias}.detail, ` +
  `${alias}.dedupe_key)::text`;

/** SQL: the SHA-256 of a text, in hex. */
export const sha256HexSql = (text: string): string => `encode(sha256(convert_to(${text}, 'UTF8')), 'hex')`;

/**
 * The body of the BEFORE INSERT trigger that links a new entry. Concurrency: a transaction-scoped advisory lock per
 * chain makes two transactions appending to the same region take turns — the second waits until the first commits
 * and then reads its entry as the previous one (READ COMMITTED takes a fresh snapshot per statement). Under a stricter
 * isolation level a stale read would repeat a `chain_seq`, which the unique (chain, chain_seq) index refuses rather
 * than fork the chain. Whatever the caller put in the chain columns is overwritten.
 */
export const AUDIT_CHAIN_TRIGGER_BODY =
  `new.chain := coalesce(new.region, '*'); ` +
  `perform pg_advisory_xact_lock(hashtextextended('audit_entry:' || new.chain, 0)); ` +
  `select e.chain_seq + 1, e.hash into new.chain_seq, new.prev_hash from audit_entry e where e.chain = new.chain order by e.chain_seq desc limit 1; ` +
  `if new.chain_seq is null then new.chain_seq := 1; new.prev_hash := '${AUDIT_GENESIS_HASH}'; end if; ` +
  `new.hash := ${sha256HexSql(canonicalAuditSql('new'))}; ` +
  `return new;`;
