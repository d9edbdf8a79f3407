import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

export type LeaveReason = 'resigned' | 'dismissed' | 'contractEnded' | 'retired' | 'died' | 'other';

/**
 * An employer's report that a person left (减员/停保): the person's records with that employer stop after the leave
 * month. `lateDays` is set when the report came later than the statutory days after the leave (社会保险法 art. 50:
 * 15 days), so it can be followed up. One report per employer, person and leave date: a repeat finds it.
 */
export const LeaverReport = defineEntity({
  name: 'LeaverReport',
  tableName: 'leaver_report',
  properties: {
    id: p.uuid().primary(),
    employerCreditCode: p.string().length(18).index(),
    citizenId: p.string().length(18).index(),
    region: p.string().length(6),
    leaveDate: p.string().columnType('date'),
    reason: p.string().length(16).$type<LeaveReason>(),
    lastMonth: p.string().length(7),
    insuranceTypes: p.json<string[]>(),
    lateDays: p.integer().nullable(),
    reportedBy: p.string().length(64),
    reportedAt: p.datetime(),
  },
  uniques: [{ name: 'leaver_report_once', properties: ['employerCreditCode', 'citizenId', 'leaveDate'] }],
});
export type ILeaverReport = InferEntity<typeof LeaverReport>;
