import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

export type EntitlementStatus = 'active' | 'stopped';

/**
 * What an approved benefit claim pays (domain/benefit/entitlement.ts): one row per line — monthly or one-off, the
 * amount, the first and last month, who pays. The payroll pays the fund's active lines month by month; a stop
 * (re-employment ends an unemployment benefit) sets `endMonth` and `status = 'stopped'`, never deletes. One row per
 * claim and line key: a retried recording finds its rows.
 */
export const BenefitEntitlement = defineEntity({
  name: 'BenefitEntitlement',
  tableName: 'benefit_entitlement',
  properties: {
    id: p.uuid().primary(),
    caseId: p.string().length(64).index(),
    lineKey: p.string().length(40),
    citizenId: p.string().length(18).index(),
    region: p.string().length(6),
    claimType: p.string().length(16),
    benefit: p.string().length(24),
    kind: p.string().length(16).$type<'monthly' | 'oneOff' | 'medicalPremium'>(),
    payer: p.string().length(8).$type<'fund' | 'employer'>(),
    amount: p.type(AmountType).$type<Decimal>(),
    startMonth: p.string().length(7),
    endMonth: p.string().length(7).nullable(),
    /**
     * The first payroll month that may pay the line: the month of the decision, or the start month when that is later
     * (domain/payroll/entitlement.ts `firstPayrollMonth` / `payableMonth`): months before it are back pay.
     */
    firstPayrollMonth: p.string().length(7),
    beneficiary: p.string().length(50).nullable(),
    status: p.string().length(8).$type<EntitlementStatus>(),
    stopReason: p.string().length(200).nullable(),
    /** Unemployment months granted but not paid after a stop: they carry to a later spell (失业保险条例 art. 17). */
    monthsUnused: p.integer().nullable(),
    decidedBy: p.string().length(64),
    createdAt: p.datetime(),
    stoppedAt: p.datetime().nullable(),
  },
  uniques: [{ name: 'benefit_entitlement_line', properties: ['caseId', 'lineKey'] }],
  // The payroll's keyset walk over a region's active fund lines (db/writers/payroll-lines.ts): read in id order from
  // this index whatever the statistics say.
  indexes: [{ name: 'benefit_entitlement_payroll', properties: ['region', 'id'], where: "payer = 'fund' and status = 'active'" }],
});
export type IBenefitEntitlement = InferEntity<typeof BenefitEntitlement>;
