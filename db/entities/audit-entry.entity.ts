import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { AUDIT_CHAIN_TRIGGER_BODY } from '../audit/audit-chain.sql.js';

const p = defineEntity.properties;

/**
 * The audit log (经办条例 arts. 36–38: an audit trail of every operation). Every state change writes one row;
 * append-only like the timeline. `detail` never holds unmasked ID numbers.
 *
 * Tamper-evident: each region's entries form a hash chain (db/audit/audit-chain.sql.ts). `chain` is the region (or `*`),
 * `chainSeq` counts from 1 without gaps, `prevHash` is the previous entry's `hash`. The insert trigger fills all four;
 * nobody else writes them.
 */
export const AuditEntry = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    at: p.datetime(),
    actorId: p.string().length(64),
    actorRole: p.string().length(16),
    region: p.string().length(6).nullable().index(),
    action: p.string().length(48),
    objectType: p.string().length(32),
    objectId: p.string().length(128),
    requestId: p.string().length(64).nullable(),
    detail: p.json<Record<string, unknown>>(),
    dedupeKey: p.string().length(160).nullable().unique(),
    chain: p.string().length(6),
    chainSeq: p.bigint('number'),
    prevHash: p.string().length(64),
    hash: p.string().length(64),
  },
  indexes: [{ name: 'audit_entry_object', properties: ['objectType', 'objectId'] }],
  // One entry per place in a chain: a stale read of the previous entry can never fork it.
  uniques: [{ name: 'audit_entry_chain_link', properties: ['chain', 'chainSeq'] }],
  triggers: [
    {
      name: 'audit_entry_chain',
      timing: 'before',
      events: ['insert'],
      forEach: 'row',
      body: AUDIT_CHAIN_TRIGGER_BODY,
    },
    {
      name: 'audit_entry_append_only',
      timing: 'before',
      events: ['update', 'delete'],
      forEach: 'row',
      body: "raise exception '% is append-only', tg_table_name using errcode = '55000';",
    },
  ],
});
export type IAuditEntry = InferEntity<typeof AuditEntry>;
