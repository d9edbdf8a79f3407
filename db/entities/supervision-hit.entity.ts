import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

/**
 * A matter a fund-supervision control found (rules §8): one row per subject key however often the control finds it
 * again — the unique key is what makes a repeated event open no second investigation. The row names the person or
 * employer it is about (staff-only data) and the investigation case it opened.
 */
export const SupervisionHit = defineEntity({
  name: 'SupervisionHit',
  tableName: 'supervision_hit',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    control: p.string().length(40),
    subjectKey: p.string().length(200).unique(),
    region: p.string().length(6).index(),
    citizenId: p.string().length(18).nullable(),
    employerCreditCode: p.string().length(18).nullable(),
    amount: p.type(AmountType).$type<Decimal>().nullable(),
    reason: p.text(),
    sourceCaseId: p.string().length(64).nullable(),
    foundAt: p.datetime(),
    investigationCaseId: p.string().length(64).nullable(),
  },
});
export type ISupervisionHit = InferEntity<typeof SupervisionHit>;
