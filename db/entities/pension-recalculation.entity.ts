import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

/**
 * A region's yearly pension adjustment (养老金调整, domain/payroll/recalculation.ts `PensionAdjustmentRule`): a fixed
 * amount plus a share of the pension, in force from `effectiveFrom` for those retired before it. Dated reference data:
 * a rule of the same date is replaced (a correction before the recalculation runs); the audit log keeps both.
 */
export const PensionAdjustmentRecord = defineEntity({
  name: 'PensionAdjustmentRecord',
  tableName: 'pension_adjustment',
  properties: {
    region: p.string().length(6).primary(),
    effectiveFrom: p.string().columnType('date').primary(),
    fixedAmount: p.type(AmountType).$type<Decimal>(),
    share: p.string().length(12),
    basis: p.string().length(200),
    recordedBy: p.string().length(64),
    recordedAt: p.datetime(),
  },
});
export type IPensionAdjustmentRecord = InferEntity<typeof PensionAdjustmentRecord>;

/**
 * One run of a back-dated recalculation (待遇重算) for a region: a yearly adjustment, or a retirement year's pension
 * calculation base recorded after pensions were granted on a provisional one. Its ID is the region, cause and date,
 * so a second run is the same run: it finds every pension already recalculated and changes nothing. The counters are
 * its progress, moved by each chunk.
 */
export const PensionRecalculation = defineEntity({
  name: 'PensionRecalculation',
  tableName: 'pension_recalculation',
  properties: {
    id: p.string().length(40).primary(),
    region: p.string().length(6),
    cause: p.string().length(16).$type<'adjustment' | 'calculationBase'>(),
    effectiveFrom: p.string().columnType('date'),
    status: p.string().length(8).$type<'running' | 'done'>(),
    pensionsTotal: p.integer(),
    pensionsSeen: p.integer(),
    changed: p.integer(),
    backPayTotal: p.type(AmountType).$type<Decimal>(),
    deductionTotal: p.type(AmountType).$type<Decimal>(),
    startedBy: p.string().length(64),
    startedAt: p.datetime(),
    finishedAt: p.datetime().nullable(),
  },
});
export type IPensionRecalculation = InferEntity<typeof PensionRecalculation>;

/**
 * What a recalculation changed on one entitlement line: its monthly amount from `fromMonth` (old → new; the
 * entitlement row carries the new amount going forward, these rows are its history) and the difference for the months
 * already paid (补发 when positive, 补扣 when negative) with its workings. `outstanding` is what the payrolls have not
 * yet paid or withheld; one row per entitlement and recalculation, so a rerun writes nothing twice.
 */
export const PensionDifference = defineEntity({
  name: 'PensionDifference',
  tableName: 'pension_difference',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    recalculationId: p.string().length(40),
    entitlementId: p.uuid().index(),
    citizenId: p.string().length(18),
    region: p.string().length(6),
    fromMonth: p.string().length(7),
    oldAmount: p.type(AmountType).$type<Decimal>(),
    newAmount: p.type(AmountType).$type<Decimal>(),
    months: p.integer(),
    total: p.type(AmountType).$type<Decimal>(),
    outstanding: p.type(AmountType).$type<Decimal>(),
    workings: p.json<string[]>(),
    recordedAt: p.datetime(),
  },
  uniques: [{ name: 'pension_difference_once', properties: ['entitlementId', 'recalculationId'] }],
});
export type IPensionDifference = InferEntity<typeof PensionDifference>;

/**
 * A payroll line that settled (part of) a difference: the 补发 line itself, or the monthly line a 补扣 was withheld
 * from. Keyed by difference and line, so a retried gathering chunk settles nothing twice.
 */
export const PensionDifferenceSettlement = defineEntity({
  name: 'PensionDifferenceSettlement',
  tableName: 'pension_difference_settlement',
  properties: {
    differenceId: p.bigint('number').primary(),
    lineKey: p.string().length(100).primary(),
    amount: p.type(AmountType).$type<Decimal>(),
  },
});
export type IPensionDifferenceSettlement = InferEntity<typeof PensionDifferenceSettlement>;
