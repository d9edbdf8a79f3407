import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

export type InsuranceRecordStatus = 'active' | 'suspended' | 'terminated';

/**
 * One insurance relationship: person × insurance × region × period × status. A person holds at most one active
 * basic pension relationship (rules §2, "one person, one basic pension relationship"): a partial unique index
 * enforces it in the database, so two concurrent approvals cannot both open one.
 */
export const InsuranceRecord = defineEntity({
  name: 'InsuranceRecord',
  tableName: 'insurance_record',
  properties: {
    id: p.uuid().primary(),
    citizenId: p.string().length(18).index(),
    insuranceType: p.string().length(16),
    region: p.string().length(6),
    employerCreditCode: p.string().length(18).nullable().index(),
    personnelCategory: p.string().length(16).$type<'employee' | 'flexible'>(),
    startMonth: p.string().length(7), // YYYY-MM: coverage begins with the hire month
    endMonth: p.string().length(7).nullable(),
    /** Why the record stopped: a leaver report's reason, or `switchedToEmployee` for a flexible worker who was hired. */
    endReason: p.string().length(24).nullable(),
    status: p.string().length(16).$type<InsuranceRecordStatus>(),
    contributionBase: p.type(AmountType).$type<Decimal>(),
    openedByCase: p.string().length(64),
    /** The transfer case whose completion moved this record's years and money to another pooling area (转移接续). */
    transferredByCase: p.string().length(64).nullable(),
    createdAt: p.datetime(),
  },
  uniques: [
    { name: 'insurance_record_case_type_unique', properties: ['openedByCase', 'insuranceType'] },
    {
      name: 'insurance_record_one_active_pension',
      properties: ['citizenId'],
      where: "insurance_type = 'pension' and status = 'active'",
    },
  ],
});
export type IInsuranceRecord = InferEntity<typeof InsuranceRecord>;
