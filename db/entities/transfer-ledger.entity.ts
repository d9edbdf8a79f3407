import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

/**
 * The transfer ledger (转移资金台账): every amount a transfer moves, once per side and fund — `out` what left the old
 * pooling area's fund, `in` what entered the new one's (rules §6.1, 国办发〔2009〕66号 art. 4). Append-only like
 * every ledger here (docs/architecture.md "Data"): a trigger refuses updates and deletes. `dedupeKey` is the case, the side and
 * the fund, so a retried booking or a message delivered twice is booked once. `source` says whether this system booked
 * it (`ledger`) or the counterpart agency stated it in its information table (`platform`).
 */
export const TransferLedgerEntry = defineEntity({
  name: 'TransferLedgerEntry',
  tableName: 'transfer_ledger',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    caseId: p.string().length(64).index(),
    reference: p.string().length(20),
    insurance: p.string().length(16),
    side: p.string().length(3).$type<'out' | 'in'>(),
    fund: p.string().length(16).$type<'pooledFund' | 'personalAccount'>(),
    poolingArea: p.string().length(6),
    amount: p.type(AmountType).$type<Decimal>(),
    source: p.string().length(8).$type<'ledger' | 'platform'>(),
    messageId: p.uuid().nullable(),
    dedupeKey: p.string().length(160).unique(),
    bookedAt: p.datetime(),
  },
  triggers: [
    {
      name: 'transfer_ledger_append_only',
      timing: 'before',
      events: ['update', 'delete'],
      forEach: 'row',
      body: "raise exception '% is append-only', tg_table_name using errcode = '55000';",
    },
  ],
});
export type ITransferLedgerEntry = InferEntity<typeof TransferLedgerEntry>;
