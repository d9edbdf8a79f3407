import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

/**
 * The columns of a line after its keys: the person's name, wage and base, and per insurance the two amounts. Fresh
 * builders each call, so the staging table (contribution-line-staging.entity.ts) has exactly the same shape.
 */
export const contributionLineColumns = () => ({
  name: p.string().length(50),
  monthlyWage: p.type(AmountType).$type<Decimal>(),
  base: p.type(AmountType).$type<Decimal>(),
  pensionEmployer: p.type(AmountType).$type<Decimal>().nullable(),
  pensionEmployee: p.type(AmountType).$type<Decimal>().nullable(),
  medicalEmployer: p.type(AmountType).$type<Decimal>().nullable(),
  medicalEmployee: p.type(AmountType).$type<Decimal>().nullable(),
  unemploymentEmployer: p.type(AmountType).$type<Decimal>().nullable(),
  unemploymentEmployee: p.type(AmountType).$type<Decimal>().nullable(),
  workInjuryEmployer: p.type(AmountType).$type<Decimal>().nullable(),
  total: p.type(AmountType).$type<Decimal>(),
});

/**
 * One employee's contributions in a declaration: the base and, per insurance, the employer and employee amounts
 * (rules §3.1–3.4). One wide row per person rather than one per insurance, so a million-line roster is a
 * million rows. A null pair means the person is not in that insurance.
 */
export const ContributionLine = defineEntity({
  name: 'ContributionLine',
  tableName: 'contribution_line',
  properties: {
    declarationId: p.uuid().primary(),
    lineNo: p.integer().primary(),
    citizenId: p.string().length(18).index(),
    ...contributionLineColumns(),
  },
});
export type IContributionLine = InferEntity<typeof ContributionLine>;
