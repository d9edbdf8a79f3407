import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

/**
 * A payment received from the bank or the tax bureau, or recorded through the API. `idempotencyKey` is unique: a
 * payment file imported twice, or a retried call, counts once. The allocation it produced is in the ledger.
 */
export const Payment = defineEntity({
  name: 'Payment',
  tableName: 'payment',
  properties: {
    id: p.uuid().primary(),
    idempotencyKey: p.string().length(120).unique(),
    employerCreditCode: p.string().length(18).index(),
    amount: p.type(AmountType).$type<Decimal>(),
    paidOn: p.string().columnType('date'),
    source: p.string().length(8).$type<'bank' | 'tax' | 'api'>(),
    reference: p.string().length(64).nullable(),
    allocationRule: p.string().length(32),
    receivedBy: p.string().length(64),
    receivedAt: p.datetime(),
  },
  // A ledger is append-only (docs/architecture.md "Data"): a correction is a new line, never an edit; the database refuses both.
  triggers: [
    {
      name: 'payment_append_only',
      timing: 'before',
      events: ['update', 'delete'],
      forEach: 'row',
      body: "raise exception '% is append-only', tg_table_name using errcode = '55000';",
    },
  ],
});
export type IPayment = InferEntity<typeof Payment>;
