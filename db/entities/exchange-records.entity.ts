import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

/** A death reported by public security, civil affairs or health (rules §8 data exchange). One per person. */
export const DeathRecord = defineEntity({
  name: 'DeathRecord',
  tableName: 'death_record',
  properties: {
    citizenId: p.string().length(18).primary(),
    deathDate: p.string().columnType('date'),
    source: p.string().length(16),
    certificateNo: p.string().length(64),
    importId: p.bigint('number'),
    recordedAt: p.datetime(),
  },
});
export type IDeathRecord = InferEntity<typeof DeathRecord>;

/** A prison term reported by the courts or prisons (§8). One per person and start date; `toDate` null while serving. */
export const ImprisonmentRecord = defineEntity({
  name: 'ImprisonmentRecord',
  tableName: 'imprisonment_record',
  properties: {
    citizenId: p.string().length(18).primary(),
    fromDate: p.string().columnType('date').primary(),
    toDate: p.string().columnType('date').nullable(),
    institution: p.string().length(100),
    judgmentNo: p.string().length(64).nullable(),
    importId: p.bigint('number'),
    recordedAt: p.datetime(),
  },
});
export type IImprisonmentRecord = InferEntity<typeof ImprisonmentRecord>;

/** One feed file imported, by content fingerprint: the same file twice is applied once and reported as such. */
export const ExchangeImport = defineEntity({
  name: 'ExchangeImport',
  tableName: 'exchange_import',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    feed: p.string().length(16),
    fingerprint: p.string().length(16),
    rows: p.integer(),
    applied: p.integer(),
    importedBy: p.string().length(64),
    report: p.json<Record<string, unknown>>(),
    importedAt: p.datetime(),
  },
  uniques: [{ name: 'exchange_import_file', properties: ['feed', 'fingerprint'] }],
});
export type IExchangeImport = InferEntity<typeof ExchangeImport>;

/**
 * An overpayment (待遇多发): months paid after a death or another stop event, to be recovered by instalments or by
 * offset against later amounts (社会保险经办条例 art. 46). One per entitlement and cause.
 */
export const OverpaymentRecovery = defineEntity({
  name: 'OverpaymentRecovery',
  tableName: 'overpayment_recovery',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    citizenId: p.string().length(18).index(),
    entitlementId: p.uuid(),
    cause: p.string().length(16),
    amount: p.type(AmountType).$type<Decimal>(),
    months: p.json<string[]>(),
    status: p.string().length(12).$type<'open' | 'recovered' | 'waived'>(),
    method: p.string().length(12).nullable(),
    openedAt: p.datetime(),
  },
  uniques: [{ name: 'overpayment_recovery_cause', properties: ['entitlementId', 'cause'] }],
});
export type IOverpaymentRecovery = InferEntity<typeof OverpaymentRecovery>;
