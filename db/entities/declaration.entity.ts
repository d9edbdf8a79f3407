import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

/**
 * A monthly wage declaration (工资总额申报, rules §3.3) as filed: never changed afterwards. A later declaration
 * for the same employer and period replaces it for billing (the bill takes the difference as an adjustment entry).
 * `idempotencyKey` makes a retried upload land once.
 */
export const Declaration = defineEntity({
  name: 'Declaration',
  tableName: 'declaration',
  properties: {
    id: p.uuid().primary(),
    employerCreditCode: p.string().length(18),
    region: p.string().length(6),
    period: p.string().length(7),
    source: p.string().length(8).$type<'api' | 'file' | 'backPay'>(),
    idempotencyKey: p.string().length(100).unique(),
    lineCount: p.integer(),
    employerTotal: p.type(AmountType).$type<Decimal>(),
    employeeTotal: p.type(AmountType).$type<Decimal>(),
    total: p.type(AmountType).$type<Decimal>(),
    parametersFrom: p.string().columnType('date'),
    declaredBy: p.string().length(64),
    declaredAt: p.datetime(),
  },
  indexes: [{ name: 'declaration_employer_period', properties: ['employerCreditCode', 'period'] }],
});
export type IDeclaration = InferEntity<typeof Declaration>;
