import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import type { OverpaymentPolicy } from '../../domain/payroll/payroll-policy.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

/**
 * One monthly payroll of a region (待遇拨付, docs/payroll.md): the case row (`case_record`, type `payroll`) carries its
 * status and timeline; this row carries its progress, written by the gathering activity chunk by chunk, so the API and
 * the page show how far it got. One per region and month (unique), so a repeated request lands on the same run.
 */
export const Payroll = defineEntity({
  name: 'Payroll',
  tableName: 'payroll',
  properties: {
    caseId: p.string().length(64).primary(),
    reference: p.string().length(20).unique(),
    region: p.string().length(6),
    period: p.string().length(7),
    startedBy: p.string().length(64),
    /** Entitlement rows looked at so far, and how many there are in the region (the progress bar's whole). */
    entitlementsSeen: p.integer(),
    entitlementsTotal: p.integer(),
    /** Payroll lines written (due), checked by the controls, and held by them. */
    linesGathered: p.integer(),
    linesChecked: p.integer(),
    linesHeld: p.integer(),
    dueTotal: p.type(AmountType).$type<Decimal>(),
    heldTotal: p.type(AmountType).$type<Decimal>(),
    gatheredAt: p.datetime().nullable(),
    approvedBy: p.string().length(64).nullable(),
    approvedAt: p.datetime().nullable(),
    createdAt: p.datetime(),
    /** The overpayment policy (`payroll.overpayment`) in force when the payroll was started; it withholds by it. Null on payrolls started before it was kept. */
    overpaymentPolicy: p.json<OverpaymentPolicy>().nullable(),
  },
  uniques: [{ name: 'payroll_region_period', properties: ['region', 'period'] }],
});
export type IPayroll = InferEntity<typeof Payroll>;
