import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

/**
 * The disbursement ledger (待遇支付台账): every amount a payroll sent to a bank and what the bank answered — `sent` when
 * the approved batch goes into the bank file, `paid` or `failed` from the return file. Append-only (docs/architecture.md "Data"):
 * a trigger refuses updates and deletes; a correction is a new entry. `dedupeKey` is the line, its attempt and the
 * entry, so a retried activity or a return file uploaded twice books once.
 */
export const DisbursementEntry = defineEntity({
  name: 'DisbursementEntry',
  tableName: 'disbursement_ledger',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    payrollId: p.string().length(64).index(),
    lineKey: p.string().length(100),
    // Not indexed: nothing reads the ledger by person, and a payroll books a million entries at once.
    citizenId: p.string().length(18),
    entry: p.string().length(8).$type<'sent' | 'paid' | 'failed'>(),
    amount: p.type(AmountType).$type<Decimal>(),
    bankReference: p.string().length(64).nullable(),
    dedupeKey: p.string().length(140).unique(),
    bookedAt: p.datetime(),
  },
  triggers: [
    {
      name: 'disbursement_ledger_append_only',
      timing: 'before',
      events: ['update', 'delete'],
      forEach: 'row',
      body: "raise exception '% is append-only', tg_table_name using errcode = '55000';",
    },
  ],
});
export type IDisbursementEntry = InferEntity<typeof DisbursementEntry>;
