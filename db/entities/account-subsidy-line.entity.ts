import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

/**
 * One person of a 医疗帐户补助金 declaration (rules §5.6) with the credit the door checks computed and its workings,
 * written with the case row. While `held`, the partial unique index on rule, period and person stops a second open
 * declaration of the same credit (two sent at the same moment included); a rejection releases the hold.
 */
export const AccountSubsidyLine = defineEntity({
  name: 'AccountSubsidyLine',
  tableName: 'account_subsidy_line',
  properties: {
    caseId: p.string().length(64).primary(),
    lineNo: p.integer().primary(),
    citizenId: p.string().length(18).index(),
    ruleId: p.string().length(40),
    period: p.string().length(7),
    amount: p.type(AmountType).$type<Decimal>(),
    workings: p.json<string[]>(),
    held: p.boolean(),
  },
  uniques: [{ name: 'account_subsidy_line_held', properties: ['ruleId', 'period', 'citizenId'], where: 'held' }],
});
export type IAccountSubsidyLine = InferEntity<typeof AccountSubsidyLine>;
