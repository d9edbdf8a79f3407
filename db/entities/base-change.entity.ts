import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

export type BaseChangeStatus = 'applied' | 'pending' | 'rejected';

/**
 * A change of a person's contribution base (缴费基数变更) from a month on. A raise applies at once; a drop lowers what
 * the fund receives and needs a second person's approval first (four eyes, 社会保险经办条例 arts. 36–38).
 */
export const BaseChange = defineEntity({
  name: 'BaseChange',
  tableName: 'base_change',
  properties: {
    id: p.uuid().primary(),
    citizenId: p.string().length(18).index(),
    employerCreditCode: p.string().length(18).nullable(),
    region: p.string().length(6).index(),
    insuranceTypes: p.json<string[]>(),
    fromMonth: p.string().length(7),
    oldBase: p.type(AmountType).$type<Decimal>(),
    newBase: p.type(AmountType).$type<Decimal>(),
    status: p.string().length(16).$type<BaseChangeStatus>(),
    reason: p.string().length(500),
    requestedBy: p.string().length(64),
    requestedAt: p.datetime(),
    decidedBy: p.string().length(64).nullable(),
    decidedAt: p.datetime().nullable(),
  },
});
export type IBaseChange = InferEntity<typeof BaseChange>;
