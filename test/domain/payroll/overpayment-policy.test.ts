import { describe, expect, it } from 'vitest';
import { assertWriteOffDecider, writeOffAmount } from '../../../domain/payroll/overpayment.js';
import { overpaymentPolicyFrom, overpaymentPolicyIssues } from '../../../domain/payroll/overpayment-policy.js';
import { DEFAULT_OVERPAYMENT_POLICY } from '../../../domain/payroll/payroll-policy.js';

describe('the stored overpayment policy payroll.overpayment (社会保险经办条例 art. 46)', () => {
  it('art. 46: lays the stored offsetShare and lastDueMonth over the defaults; nothing stored is the defaults', () => {
    expect(overpaymentPolicyFrom(undefined)).toEqual(DEFAULT_OVERPAYMENT_POLICY);
    const policy = overpaymentPolicyFrom({ offsetShare: '0.3', lastDueMonth: { imprisonment: 'previousMonth' } });
    expect(policy.offsetShare).toBe('0.3');
    expect(policy.lastDueMonth).toEqual({ ...DEFAULT_OVERPAYMENT_POLICY.lastDueMonth, imprisonment: 'previousMonth' });
  });

  it('art. 46: names each field that does not fit under value: a share outside (0, 1], an unknown kind or rule or key', () => {
    expect(overpaymentPolicyIssues({ offsetShare: '1' })).toEqual([]);
    expect(overpaymentPolicyIssues({ offsetShare: '1.01', lastDueMonth: { death: 'never', flood: 'eventMonth' }, share: '0.5' }).map((i) => i.path)).toEqual([
      'value.share',
      'value.offsetShare',
      'value.lastDueMonth.death',
      'value.lastDueMonth.flood',
    ]);
    expect(overpaymentPolicyIssues([]).map((i) => i.path)).toEqual(['value']);
    expect(() => overpaymentPolicyFrom({ offsetShare: '0' })).toThrow(/offsetShare/);
  });

  it('art. 46 missed instalment: the grace before a missed instalment is chased is a whole number of months, 1 by default', () => {
    expect(DEFAULT_OVERPAYMENT_POLICY.missedInstalmentGraceMonths).toBe(1);
    expect(overpaymentPolicyFrom({ missedInstalmentGraceMonths: 0 }).missedInstalmentGraceMonths).toBe(0);
    expect(overpaymentPolicyFrom({ offsetShare: '0.3' }).missedInstalmentGraceMonths).toBe(1);
    for (const bad of [-1, 1.5, 13, '1'])
      expect(overpaymentPolicyIssues({ missedInstalmentGraceMonths: bad }).map((i) => i.path)).toEqual(['value.missedInstalmentGraceMonths']);
  });
});

describe('a partial write-off (部分核销, art. 46)', () => {
  it('art. 46: is more than 0 and at most what may be written off now, to the fen', () => {
    expect(writeOffAmount('500', '3300.00')).toBe('500.00');
    expect(writeOffAmount('3300.00', '3300.00')).toBe('3300.00');
    expect(() => writeOffAmount('3300.01', '3300.00')).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT', path: 'amount' }));
    expect(() => writeOffAmount('0', '3300.00')).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT', path: 'amount' }));
  });

  it('four eyes: the supervisor who proposed it does not decide it', () => {
    expect(() => assertWriteOffDecider('sv-1', 'sv-2')).not.toThrow();
    expect(() => assertWriteOffDecider('sv-1', 'sv-1')).toThrow(expect.objectContaining({ code: 'FOUR_EYES' }));
  });
});
