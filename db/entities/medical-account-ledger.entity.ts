import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

/**
 * The personal medical account ledger (个人医疗帐户): what was credited to each person's account, one line per credit.
 * Append-only like every ledger (a trigger refuses updates and deletes). Credits come from the 医疗帐户补助金
 * (`source` 'subsidy', rules §5.6): `dedupeKey` is the rule, the period and the person, so a person is credited once
 * per rule and period however often a booking is retried or declared. Payments from the account (个人账户支付,
 * `source` 'spending') are lines of their own with the amount negative: `ruleId` holds the kind (outpatient,
 * pharmacy), `caseId` the spending's id, `reference` the receipt number, `dedupeKey` the caller and Idempotency-Key.
 * The balance is the sum of the person's lines.
 */
export const MedicalAccountEntry = defineEntity({
  name: 'MedicalAccountEntry',
  tableName: 'medical_account_ledger',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    citizenId: p.string().length(18).index(),
    region: p.string().length(6),
    source: p.string().length(16).$type<'subsidy' | 'spending'>(),
    ruleId: p.string().length(40),
    period: p.string().length(7),
    amount: p.type(AmountType).$type<Decimal>(),
    caseId: p.string().length(64).index(),
    reference: p.string().length(20),
    decidedBy: p.string().length(64),
    dedupeKey: p.string().length(160).unique(),
    bookedAt: p.datetime(),
  },
  indexes: [{ name: 'medical_account_ledger_region', properties: ['region'] }],
  triggers: [
    {
      name: 'medical_account_ledger_append_only',
      timing: 'before',
      events: ['update', 'delete'],
      forEach: 'row',
      body: "raise exception '% is append-only', tg_table_name using errcode = '55000';",
    },
  ],
});
export type IMedicalAccountEntry = InferEntity<typeof MedicalAccountEntry>;
