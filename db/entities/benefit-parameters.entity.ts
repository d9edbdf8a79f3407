import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

/**
 * A region's dated benefit figures (domain/benefit/benefit-parameters.ts): the pension calculation base, the minimum
 * wage and the subsistence allowance in force from `effectiveFrom`. A new set never rewrites an older one.
 */
export const BenefitParametersRecord = defineEntity({
  name: 'BenefitParametersRecord',
  tableName: 'benefit_parameters',
  properties: {
    region: p.string().length(6).primary(),
    effectiveFrom: p.string().columnType('date').primary(),
    pensionCalculationBase: p.type(AmountType).$type<Decimal>(),
    minimumWage: p.type(AmountType).$type<Decimal>(),
    subsistenceAllowance: p.type(AmountType).$type<Decimal>(),
    recordedBy: p.string().length(64),
    recordedAt: p.datetime(),
  },
});
export type IBenefitParametersRecord = InferEntity<typeof BenefitParametersRecord>;
