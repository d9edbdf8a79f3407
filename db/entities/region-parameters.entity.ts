import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

/**
 * A region's dated contribution parameters (rules modelling principle 1): a new set takes effect on
 * `effectiveFrom` and never rewrites an older one, so a calculation for an earlier date keeps the old values.
 * Rates are exact decimals (numeric(9,6) as strings); the wage average is money.
 */
export const RegionParameters = defineEntity({
  name: 'RegionParameters',
  tableName: 'region_parameters',
  properties: {
    region: p.string().length(6).primary(),
    effectiveFrom: p.string().columnType('date').primary(),
    averageMonthlyWage: p.type(AmountType).$type<Decimal>(),
    baseFloorRate: p.decimal('string').precision(9).scale(6),
    baseCeilingRate: p.decimal('string').precision(9).scale(6),
    rounding: p.string().length(16),
    baseRounding: p.string().length(8),
    dueDay: p.integer(),
    pensionEmployerRate: p.decimal('string').precision(9).scale(6),
    pensionEmployeeRate: p.decimal('string').precision(9).scale(6),
    medicalEmployerRate: p.decimal('string').precision(9).scale(6),
    medicalEmployeeRate: p.decimal('string').precision(9).scale(6),
    unemploymentEmployerRate: p.decimal('string').precision(9).scale(6),
    unemploymentEmployeeRate: p.decimal('string').precision(9).scale(6),
    workInjuryClassRates: p.json<Record<string, string>>(),
    workInjuryTiers: p.json<string[]>(),
    recordedBy: p.string().length(64),
    recordedAt: p.datetime(),
  },
});
export type IRegionParameters = InferEntity<typeof RegionParameters>;
