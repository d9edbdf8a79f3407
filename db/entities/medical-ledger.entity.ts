import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

/**
 * The special medical-expense ledgers (离休人员医疗费 / 二乙医疗费台账, rules §5.6): kept outside the basic pool, one
 * per category, never mixed. Append-only like every ledger (a trigger refuses updates and deletes); `dedupeKey` is
 * the case and the booking, so a retried booking lands once. Auditors read it (GET /v1/medical-ledgers/{category}).
 */
export const MedicalLedgerEntry = defineEntity({
  name: 'MedicalLedgerEntry',
  tableName: 'medical_ledger',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    category: p.string().length(8).$type<'lixiu' | 'erYi'>(),
    caseId: p.string().length(64).index(),
    reference: p.string().length(20),
    citizenId: p.string().length(18),
    region: p.string().length(6),
    amount: p.type(AmountType).$type<Decimal>(),
    decidedBy: p.string().length(64),
    dedupeKey: p.string().length(160).unique(),
    bookedAt: p.datetime(),
  },
  indexes: [{ name: 'medical_ledger_category_region', properties: ['category', 'region'] }],
  triggers: [
    {
      name: 'medical_ledger_append_only',
      timing: 'before',
      events: ['update', 'delete'],
      forEach: 'row',
      body: "raise exception '% is append-only', tg_table_name using errcode = '55000';",
    },
  ],
});
export type IMedicalLedgerEntry = InferEntity<typeof MedicalLedgerEntry>;
