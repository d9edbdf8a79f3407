import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

/**
 * Contribution lines on their way in (issue 16): a roster is COPYed here first, on a connection of its own, and moved
 * into `contribution_line` by one `insert … select` inside the declaration's transaction (db/writers/contribution-ledger.ts).
 * Unlogged and, between imports, empty: a row left behind by a refused or crashed import belongs to no declaration and
 * is deleted by the import that staged it. Same columns as `contribution_line`, keyed by the import's batch id.
 */
export const ContributionLineStaging = defineEntity({
  name: 'ContributionLineStaging',
  tableName: 'contribution_line_staging',
  properties: {
    batchId: p.uuid().primary(),
    lineNo: p.integer().primary(),
    citizenId: p.string().length(18),
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
  },
});
export type IContributionLineStaging = InferEntity<typeof ContributionLineStaging>;
