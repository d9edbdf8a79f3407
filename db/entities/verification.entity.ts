import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { EvidenceKind } from '../../domain/payroll/payroll-policy.js';

const p = defineEntity.properties;

/**
 * One piece of evidence that a beneficiary is alive and entitled (待遇资格认证, rules §8): a life-proof feed's row (a
 * record of life, a hospital visit) or a check-in (self-service, or at the counter). `sourceKey` names the source
 * record, so the same row or check-in arriving twice is kept once. The benefit's approval counts as the first
 * verification without a row of its own (the sweep reads the entitlement's `createdAt`).
 */
export const VerificationEvidenceRecord = defineEntity({
  name: 'VerificationEvidenceRecord',
  tableName: 'verification_evidence',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    citizenId: p.string().length(18),
    kind: p.string().length(16).$type<EvidenceKind>(),
    verifiedOn: p.string().columnType('date'),
    source: p.string().length(100),
    sourceKey: p.string().length(200).unique(),
    importId: p.bigint('number').nullable().index(),
    recordedBy: p.string().length(64),
    recordedAt: p.datetime(),
  },
  indexes: [{ name: 'verification_evidence_citizen_index', properties: ['citizenId', 'verifiedOn'] }],
});
export type IVerificationEvidenceRecord = InferEntity<typeof VerificationEvidenceRecord>;

/**
 * Payment held back because the verification ran out (待遇暂停): from `fromMonth` until a new verification, which
 * closes it with `resumedIn` (the payroll month that pays the held months back as one line) and `toMonth`. Open while
 * `resumedIn` is null; at most one open per entitlement. `noticeKey` is the citizen's notice in the outbox.
 */
export const BenefitSuspension = defineEntity({
  name: 'BenefitSuspension',
  tableName: 'benefit_suspension',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    entitlementId: p.uuid().index(),
    caseId: p.string().length(64),
    citizenId: p.string().length(18).index(),
    region: p.string().length(6),
    fromMonth: p.string().length(7),
    toMonth: p.string().length(7).nullable(),
    resumedIn: p.string().length(7).nullable(),
    backPay: p.boolean().default(false),
    reason: p.string().length(200),
    noticeKey: p.string().length(160),
    suspendedAt: p.datetime(),
    resumedAt: p.datetime().nullable(),
    resumedBy: p.string().length(64).nullable(),
  },
  uniques: [{ name: 'benefit_suspension_open', properties: ['entitlementId'], where: 'resumed_in is null' }],
});
export type IBenefitSuspension = InferEntity<typeof BenefitSuspension>;
