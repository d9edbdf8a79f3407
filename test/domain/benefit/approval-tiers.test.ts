import { describe, expect, it } from 'vitest';
import { DEFAULT_APPROVAL_THRESHOLDS as thresholds, mayActAt, pendingTiers, requiredTiers } from '../../../domain/benefit/approval-tiers.js';

const maternity = { oneOff: ['29400.00'] }; // E5
const disability = { oneOff: ['540000.00'], monthly: ['21000.00'] }; // E9 grade 5

describe('requiredTiers', () => {
  it('needs review only for a 29 400.00 maternity allowance (E5; local threshold 50 000.00)', () => {
    expect(requiredTiers(maternity).tiers).toEqual(['review']);
  });

  it('needs supervisor approval for a 540 000.00 disability subsidy (E9)', () => {
    expect(requiredTiers(disability).tiers).toEqual(['review', 'supervisorApproval']);
  });

  it('treats the thresholds as strictly above: 50 000.00 and 10 000.00 are review only, one fen more is not', () => {
    expect(requiredTiers({ oneOff: ['50000.00'], monthly: ['10000.00'] }).tiers).toEqual(['review']);
    expect(requiredTiers({ oneOff: ['50000.01'] }).tiers).toHaveLength(2);
    expect(requiredTiers({ monthly: ['10000.01'] }).tiers).toHaveLength(2);
  });

  it('adds the amounts of one decision, so splitting cannot avoid the second tier', () => {
    expect(requiredTiers({ oneOff: ['30000.00', '30000.00'] }).tiers).toHaveLength(2);
  });

  it('follows configured thresholds: above 20 000.00 the E5 allowance needs a supervisor', () => {
    expect(requiredTiers(maternity, { ...thresholds, oneOffAbove: '20000.00' }).tiers).toEqual(['review', 'supervisorApproval']);
  });
});

describe('separation of duties', () => {
  it('lets another person review, never the preparer (社会保险经办条例 arts. 36–38)', () => {
    const record = { preparedBy: 'cw-001' };
    expect(mayActAt('cw-002', 'review', maternity, record)).toEqual({ allowed: true });
    const own = mayActAt('cw-001', 'review', maternity, record);
    expect(own.allowed).toBe(false);
    expect(!own.allowed && own.refusals.map((r) => r.code)).toEqual(['SAME_PERSON_AT_TWO_TIERS']);
  });

  it('lets a third person approve after the review, never the preparer or the reviewer', () => {
    const record = { preparedBy: 'cw-001', reviewedBy: 'rv-001' };
    expect(mayActAt('sv-001', 'supervisorApproval', disability, record)).toEqual({ allowed: true });
    for (const who of ['cw-001', 'rv-001']) {
      const r = mayActAt(who, 'supervisorApproval', disability, record);
      expect(!r.allowed && r.refusals.map((x) => x.code)).toEqual(['SAME_PERSON_AT_TWO_TIERS']);
    }
  });

  it('refuses supervisor approval before the review, a tier not required and a tier already done', () => {
    const first = mayActAt('sv-001', 'supervisorApproval', disability, { preparedBy: 'cw-001' });
    expect(!first.allowed && first.refusals.map((r) => r.code)).toEqual(['REVIEW_NOT_DONE']);
    const notNeeded = mayActAt('sv-001', 'supervisorApproval', maternity, {
      preparedBy: 'cw-001',
      reviewedBy: 'rv-001',
    });
    expect(!notNeeded.allowed && notNeeded.refusals.map((r) => r.code)).toEqual(['TIER_NOT_REQUIRED']);
    const again = mayActAt('rv-002', 'review', maternity, { preparedBy: 'cw-001', reviewedBy: 'rv-001' });
    expect(!again.allowed && again.refusals.map((r) => r.code)).toEqual(['TIER_ALREADY_DONE']);
  });

  it('lists the tiers still open', () => {
    expect(pendingTiers(disability, { preparedBy: 'cw-001' })).toEqual(['review', 'supervisorApproval']);
    expect(pendingTiers(disability, { preparedBy: 'cw-001', reviewedBy: 'rv-001' })).toEqual(['supervisorApproval']);
    expect(pendingTiers(maternity, { preparedBy: 'cw-001', reviewedBy: 'rv-001' })).toEqual([]);
  });
});
