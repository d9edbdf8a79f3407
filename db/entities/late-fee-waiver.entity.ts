import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * Days on which no late fee runs for an employer: an agreed deferred-payment agreement with guarantee or an approved
 * hardship deferral (rules §4). Append-only; written by the arrears case that approved it.
 */
export const LateFeeWaiver = defineEntity({
  name: 'LateFeeWaiver',
  tableName: 'late_fee_waiver',
  properties: {
    id: p.bigint().primary().autoincrement(),
    employerCreditCode: p.string().length(18).index(),
    fromDate: p.string().columnType('date'),
    toDate: p.string().columnType('date'),
    reason: p.string().length(200),
    caseId: p.string().length(64),
    dedupeKey: p.string().length(160).unique(),
    createdAt: p.datetime(),
  },
  // A ledger is append-only (docs/architecture.md "Data"): a correction is a new line, never an edit; the database refuses both.
  triggers: [
    {
      name: 'late_fee_waiver_append_only',
      timing: 'before',
      events: ['update', 'delete'],
      forEach: 'row',
      body: "raise exception '% is append-only', tg_table_name using errcode = '55000';",
    },
  ],
});
export type ILateFeeWaiver = InferEntity<typeof LateFeeWaiver>;
