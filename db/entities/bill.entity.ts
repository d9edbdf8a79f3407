import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * The bill of one employer for one contribution period (费款所属期): who owes, for which month, by when. Amounts are
 * never stored here: what is owed is the sum of the period's ledger entries (ledger-entry.entity.ts), so the bill row
 * itself never needs an update for money. `provisional` records that it was opened at 110 % of the previous month
 * (社会保险法 art. 62) because the employer had not declared.
 */
export const Bill = defineEntity({
  name: 'Bill',
  tableName: 'bill',
  properties: {
    id: p.uuid().primary(),
    employerCreditCode: p.string().length(18),
    region: p.string().length(6).index(),
    period: p.string().length(7),
    dueDate: p.string().columnType('date').index(),
    /** Rolled over a year without its holiday calendar (weekends only); computed again when the year is loaded. */
    dueDateProvisional: p.boolean().default(false),
    provisional: p.boolean(),
    createdAt: p.datetime(),
  },
  uniques: [{ name: 'bill_employer_period_unique', properties: ['employerCreditCode', 'period'] }],
});
export type IBill = InferEntity<typeof Bill>;
