import { describe, expect, it } from 'vitest';
import { assertValidSetting, isSettingKey } from '../../../domain/settings/setting-keys.js';
import { DEFAULT_FRAUD_PENALTY_POLICY, fraudPenalty, fraudPenaltyPolicyOn } from '../../../domain/supervision/penalty.js';

describe('fraudPenalty (社会保险法 art. 88, §8)', () => {
  it('returns the money and fines 2 × at the bottom of the range: 13 784.88 + 27 569.76 (社会保险法 art. 88, §8)', () => {
    expect(fraudPenalty('13784.88', '2')).toEqual({
      returned: '13784.88',
      multiple: '2',
      fine: '27569.76',
      total: '41354.64',
      workings: [
        'return the amount obtained 13784.88 (社会保险法 art. 88)',
        'fine 13784.88 × 2 = 27569.76 (range 2–5 ×, 社会保险法 art. 88)',
        'total 13784.88 + 27569.76 = 41354.64',
      ],
    });
  });

  it('accepts 5 × and fractional multiples inside the range, rounding the fine half-up to the fen (社会保险法 art. 88, §8)', () => {
    expect(fraudPenalty('13784.88', '5').fine).toBe('68924.40');
    expect(fraudPenalty('1234.57', '2.5').fine).toBe('3086.43'); // 3 086.425
  });

  it('refuses a multiple outside 2–5 and an amount that is not positive (社会保险法 art. 88, §8)', () => {
    expect(() => fraudPenalty('1000.00', '1.99')).toThrow(/between 2 and 5/);
    expect(() => fraudPenalty('1000.00', '5.01')).toThrow(/between 2 and 5/);
    expect(() => fraudPenalty('1000.00', 'three')).toThrow(/between 2 and 5/);
    expect(() => fraudPenalty('0.00', '2')).toThrow(/must be positive/);
  });

  it('follows a configured range (社会保险法 art. 88, §8)', () => {
    expect(fraudPenalty('100.00', '1', { minMultiple: '1', maxMultiple: '3' }).fine).toBe('100.00');
  });
});

describe('fraudPenalty.policy, the dated fine range (社会保险法 art. 88, §8)', () => {
  it('§8: without a stored version the statutory 2–5 × applies on any day', () => {
    expect(fraudPenaltyPolicyOn([], '2011-07-01')).toEqual(DEFAULT_FRAUD_PENALTY_POLICY);
    expect(DEFAULT_FRAUD_PENALTY_POLICY).toEqual({ minMultiple: '2', maxMultiple: '5' });
  });

  it('§8: a version applies from its effectiveFrom on; what it leaves out comes from the version before it', () => {
    const versions = [
      { effectiveFrom: '2030-01-01', maxMultiple: '4' },
      { effectiveFrom: '2028-01-01', minMultiple: '3', maxMultiple: '6', source: 'a later amendment' },
    ];
    expect(fraudPenaltyPolicyOn(versions, '2027-12-31')).toEqual({ minMultiple: '2', maxMultiple: '5' });
    expect(fraudPenaltyPolicyOn(versions, '2028-01-01')).toEqual({ minMultiple: '3', maxMultiple: '6' });
    expect(fraudPenaltyPolicyOn(versions, '2030-06-30')).toEqual({ minMultiple: '3', maxMultiple: '4' });
    // The range in force decides what a finding may impose.
    expect(() => fraudPenalty('100.00', '2', fraudPenaltyPolicyOn(versions, '2028-01-01'))).toThrow(/between 3 and 6/);
    expect(fraudPenalty('100.00', '6', fraudPenaltyPolicyOn(versions, '2028-01-01')).fine).toBe('600.00');
  });

  it('§8: PUT /v1/settings/fraudPenalty.policy refuses a value that does not fit, naming the field', () => {
    expect(isSettingKey('fraudPenalty.policy')).toBe(true);
    expect(() => assertValidSetting('fraudPenalty.policy', { versions: [{ effectiveFrom: '2028-01-01', minMultiple: '3', maxMultiple: '6' }] })).not.toThrow();
    const issues = (value: unknown) => {
      try {
        assertValidSetting('fraudPenalty.policy', value);
        return [];
      } catch (error) {
        return ((error as { issues?: { path: string }[] }).issues ?? []).map((issue) => issue.path);
      }
    };
    expect(issues({ minMultiple: '2' })).toEqual(['value.versions']);
    expect(issues({ versions: [{ effectiveFrom: '2028-02-30', minMultiple: 'two', maxMultiple: '0', factor: 1 }] })).toEqual([
      'value.versions.0.factor',
      'value.versions.0.effectiveFrom',
      'value.versions.0.minMultiple',
      'value.versions.0.maxMultiple',
    ]);
    // An empty range, also one made so by a version inheriting the maximum of an earlier one.
    expect(issues({ versions: [{ effectiveFrom: '2028-01-01', minMultiple: '6', maxMultiple: '3' }] })).toEqual(['value.versions.0.minMultiple']);
    expect(issues({ versions: [{ effectiveFrom: '2028-01-01', minMultiple: '6' }] })).toEqual(['value.versions.0.minMultiple']);
  });
});
