import { describe, expect, it } from 'vitest';
import { DEFAULT_WORK_INJURY_POLICY as policy, calculateDisabilityBenefit } from '../../../domain/benefit/work-injury.js';

const region = { regionalAverageWage: '10000.00' };

describe('calculateDisabilityBenefit', () => {
  it('pays 13 × 8 000 = 104 000.00 to grade 7 inside the bounds, with no monthly allowance (§5.5, E9)', () => {
    expect(calculateDisabilityBenefit({ ...region, ownWage: '8000.00', grade: 7 })).toEqual({
      ownWageUsed: '8000.00',
      oneOffMonths: 13,
      oneOffSubsidy: '104000.00',
      monthlyAllowance: null,
      monthlyAllowancePayer: null,
      workings: [
        'own wage 8000.00 is within [6000.00, 30000.00] = 10000.00 × [0.6, 3] (工伤保险条例 art. 64)',
        'one-off disability subsidy = 13 months × 8000.00 = 104000.00 (grade 7; 工伤保险条例 arts. 35–37)',
        'grade 7: no monthly disability allowance (工伤保险条例 art. 37)',
      ],
    });
  });

  it('raises 5 000 to the floor 6 000 for grade 10: 42 000.00 (§5.5, E9; art. 64)', () => {
    expect(calculateDisabilityBenefit({ ...region, ownWage: '5000.00', grade: 10 })).toMatchObject({
      ownWageUsed: '6000.00',
      oneOffSubsidy: '42000.00',
    });
  });

  it('caps 40 000 at 30 000 for grade 5: 540 000.00 and 21 000.00 a month from the employer (§5.5, E9)', () => {
    expect(calculateDisabilityBenefit({ ...region, ownWage: '40000.00', grade: 5 })).toMatchObject({
      ownWageUsed: '30000.00',
      oneOffMonths: 18,
      oneOffSubsidy: '540000.00',
      monthlyAllowance: '21000.00',
      monthlyAllowancePayer: 'employer',
    });
  });

  it('pays 27 … 7 months and 90/85/80/75 % (fund), 70/60 % (employer), none for 7–10 (工伤保险条例 arts. 35–37)', () => {
    const rows = Array.from({ length: 10 }, (_, i) => {
      const r = calculateDisabilityBenefit({ ...region, ownWage: '10000.00', grade: i + 1 });
      return [r.oneOffMonths, r.monthlyAllowance, r.monthlyAllowancePayer];
    });
    expect(rows).toEqual([
      [27, '9000.00', 'fund'],
      [25, '8500.00', 'fund'],
      [23, '8000.00', 'fund'],
      [21, '7500.00', 'fund'],
      [18, '7000.00', 'employer'],
      [16, '6000.00', 'employer'],
      [13, null, null],
      [11, null, null],
      [9, null, null],
      [7, null, null],
    ]);
  });

  it('pays grade 5–6 wages instead of the allowance when the employer offers suitable work (art. 36)', () => {
    expect(calculateDisabilityBenefit({ ...region, ownWage: '10000.00', grade: 6, jobOffered: true })).toMatchObject({
      monthlyAllowance: null,
      monthlyAllowancePayer: null,
    });
  });

  it('tops an allowance up to the minimum wage, unless configured off (arts. 35–36)', () => {
    const input = { ...region, ownWage: '6000.00', grade: 4, minimumWage: '5000.00' };
    expect(calculateDisabilityBenefit(input).monthlyAllowance).toBe('5000.00');
    expect(calculateDisabilityBenefit(input, { ...policy, topUpToMinimumWage: false }).monthlyAllowance).toBe('4500.00');
  });

  it('applies configured own-wage bounds: with a 50 % floor grade 10 at 5 000 gets 35 000.00 (art. 64 configurable)', () => {
    expect(calculateDisabilityBenefit({ ...region, ownWage: '5000.00', grade: 10 }, { ...policy, ownWageFloorRate: '0.5' }).oneOffSubsidy).toBe('35000.00');
  });

  it('applies a configured months table (provincial variation)', () => {
    const province = { ...policy, oneOffMonthsByGrade: { ...policy.oneOffMonthsByGrade, 7: 14 } };
    expect(calculateDisabilityBenefit({ ...region, ownWage: '8000.00', grade: 7 }, province).oneOffSubsidy).toBe('112000.00');
  });

  it('refuses grades 0 and 11', () => {
    expect(() => calculateDisabilityBenefit({ ...region, ownWage: '8000.00', grade: 0 })).toThrow(/grade/);
    expect(() => calculateDisabilityBenefit({ ...region, ownWage: '8000.00', grade: 11 })).toThrow(/grade/);
  });
});
