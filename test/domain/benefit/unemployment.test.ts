import { describe, expect, it } from 'vitest';
import { DEFAULT_UNEMPLOYMENT_POLICY as policy, GUANGDONG_MONTHS_FORMULA } from '../../../domain/benefit/unemployment-policy.js';
import {
  type UnemploymentInput,
  calculateUnemploymentBenefit,
  nationalCapMonths,
  tieredMonths,
  unemploymentEligibility,
} from '../../../domain/benefit/unemployment.js';

const E4: UnemploymentInput = { contributionMonths: 84, minimumWage: '2300.00', benefitRate: '0.90' };
const guangdong = { ...policy, monthsFormula: GUANGDONG_MONTHS_FORMULA };

describe('calculateUnemploymentBenefit', () => {
  it('pays 2 070.00 for 18 months = 37 260.00 under the national cap for 7 years (§5.3, E4)', () => {
    expect(calculateUnemploymentBenefit(E4)).toMatchObject({
      eligible: true,
      maxMonths: 18,
      months: 18,
      monthlyAmount: '2070.00',
      total: '37260.00',
    });
  });

  it('pays 10 months = 20 700.00 under the Guangdong formula for 7 years (§5.3, E4; 广东省失业保险条例 art. 17)', () => {
    const r = calculateUnemploymentBenefit(E4, guangdong);
    expect(r).toMatchObject({ maxMonths: 18, months: 10, monthlyAmount: '2070.00', total: '20700.00' });
    expect(r.workings).toContain('provincial formula (广东省失业保险条例 (2022) art. 17) = 10 months, bounded by the cap → 10');
  });

  it('adds 4 unused months of an earlier spell: 22 months nationally, 14 in Guangdong (§5.3, E4)', () => {
    expect(calculateUnemploymentBenefit({ ...E4, unusedMonths: 4 })).toMatchObject({ months: 22, total: '45540.00' });
    expect(calculateUnemploymentBenefit({ ...E4, unusedMonths: 4 }, guangdong)).toMatchObject({
      months: 14,
      total: '28980.00',
    });
  });

  it('caps this spell and the unused months together at 24 (失业保险条例 art. 17, E4)', () => {
    expect(calculateUnemploymentBenefit({ ...E4, contributionMonths: 120, unusedMonths: 4 })).toMatchObject({
      maxMonths: 24,
      months: 24,
    });
  });

  it('is not eligible with 11 contribution months, and is with 12 (社会保险法 art. 45)', () => {
    const short = calculateUnemploymentBenefit({ ...E4, contributionMonths: 11 });
    expect(short).toMatchObject({ eligible: false, months: 0, monthlyAmount: '0.00', total: '0.00' });
    expect(short.refusals.map((r) => r.code)).toEqual(['SHORT_OF_CONTRIBUTION_MONTHS']);
    expect(calculateUnemploymentBenefit({ ...E4, contributionMonths: 12 })).toMatchObject({
      eligible: true,
      months: 12,
    });
  });

  it('changes the national cap at 5 and 10 years: 59 → 12, 60 → 18, 119 → 18, 120 → 24 (社会保险法 art. 46)', () => {
    expect([11, 12, 59, 60, 119, 120, 300].map((m) => nationalCapMonths(m))).toEqual([0, 12, 12, 18, 18, 24, 24]);
  });

  it('grants Guangdong months per full year to 4 years, then per full half year, at most 24 (广东省失业保险条例 art. 17)', () => {
    expect([12, 23, 48, 53, 54, 84, 240].map((m) => tieredMonths(m, GUANGDONG_MONTHS_FORMULA))).toEqual([1, 1, 4, 4, 5, 10, 24]);
  });

  it('never pays below the subsistence allowance (低保) (社会保险法 art. 47)', () => {
    const r = calculateUnemploymentBenefit({ ...E4, minimumWage: '1000.00', subsistenceAllowance: '950.00' });
    expect(r).toMatchObject({ monthlyAmount: '950.00', total: '17100.00' });
    expect(calculateUnemploymentBenefit({ ...E4, subsistenceAllowance: '1000.00' }).monthlyAmount).toBe('2070.00');
  });

  it('uses the configured share of the minimum wage when the input gives none (§5.3, default 0.90)', () => {
    const { benefitRate: _omit, ...noRate } = E4;
    expect(calculateUnemploymentBenefit(noRate).monthlyAmount).toBe('2070.00');
    expect(calculateUnemploymentBenefit(noRate, { ...policy, benefitRate: '0.80' }).monthlyAmount).toBe('1840.00');
  });

  it('refuses a rate above 1: the benefit stays below the minimum wage (失业保险条例 art. 18)', () => {
    expect(() => calculateUnemploymentBenefit({ ...E4, benefitRate: '1.10' })).toThrow(/more than the minimum wage/);
  });

  it('applies a configured minimum of 24 months (§5.3 configurable)', () => {
    expect(calculateUnemploymentBenefit({ ...E4, contributionMonths: 12 }, { ...policy, minimumContributionMonths: 24 }).eligible).toBe(false);
  });
});

describe('unemploymentEligibility', () => {
  const base = { contributionMonths: 84, registeredUnemployed: true };

  it('accepts an involuntary end: dismissed, contract ended, other (社会保险法 art. 45)', () => {
    for (const leaveReason of ['dismissed', 'contractEnded', 'other'] as const) {
      expect(unemploymentEligibility({ ...base, leaveReason }).eligible).toBe(true);
    }
  });

  it('refuses a resignation as voluntary, and retirement or death as no unemployment (社会保险法 art. 45)', () => {
    expect(unemploymentEligibility({ ...base, leaveReason: 'resigned' }).refusals.map((r) => r.code)).toEqual(['VOLUNTARY_LEAVE']);
    expect(unemploymentEligibility({ ...base, leaveReason: 'retired' }).refusals.map((r) => r.code)).toEqual(['NOT_UNEMPLOYED']);
    expect(unemploymentEligibility({ ...base, leaveReason: 'died' }).refusals.map((r) => r.code)).toEqual(['NOT_UNEMPLOYED']);
  });

  it('refuses a person not registered as unemployed (失业保险条例 art. 14)', () => {
    expect(unemploymentEligibility({ ...base, leaveReason: 'dismissed', registeredUnemployed: false }).refusals.map((r) => r.code)).toEqual(['NOT_REGISTERED']);
  });

  it('follows a configured list of involuntary reasons, but never accepts retirement (§5.3 configurable)', () => {
    const wide = {
      ...policy,
      involuntaryLeaveReasons: [...policy.involuntaryLeaveReasons, 'resigned' as const, 'retired' as const],
    };
    expect(unemploymentEligibility({ ...base, leaveReason: 'resigned' }, wide).eligible).toBe(true);
    expect(unemploymentEligibility({ ...base, leaveReason: 'retired' }, wide).eligible).toBe(false);
  });

  it('reports every failed condition at once', () => {
    const r = unemploymentEligibility({ contributionMonths: 6, leaveReason: 'resigned', registeredUnemployed: false });
    expect(r.refusals.map((x) => x.code)).toEqual(['SHORT_OF_CONTRIBUTION_MONTHS', 'VOLUNTARY_LEAVE', 'NOT_REGISTERED']);
  });
});
