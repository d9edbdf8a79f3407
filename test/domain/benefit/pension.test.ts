import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors.js';
import { DEFAULT_PENSION_POLICY as policy, type PensionInput, calculatePension } from '../../../domain/benefit/pension.js';

const E6: PensionInput = {
  calculationBase: '10000.00',
  averageIndex: '1.2',
  contributionMonths: 360,
  accountBalance: '180000.00',
  retirementAge: { years: 60, months: 0 },
};

describe('calculatePension', () => {
  it('pays 3 300.00 basic and 1 294.96 account pension, 4 594.96 in all, for E6 (§5.1, E6)', () => {
    const r = calculatePension(E6);
    expect(r).toMatchObject({
      basicPension: '3300.00',
      accountPension: '1294.96',
      transitionalPension: '0.00',
      total: '4594.96',
      divisor: '139',
      contributionYears: '30',
    });
    expect(r.workings).toContain('basic pension = C 10000.00 × (1 + Z 1.2) / 2 × N 30 years × 0.01 = 3300 → 3300.00 (国发〔2005〕38号)');
    expect(r.workings).toContain('account pension = balance 180000.00 ÷ divisor 139 = 1294.964029 → 1294.96 (国发〔2005〕38号)');
  });

  it('divides the same account by 170 at 55 → 1 058.82 and by 195 at 50 → 923.08 (§5.1, E6)', () => {
    expect(calculatePension({ ...E6, retirementAge: { years: 55, months: 0 } })).toMatchObject({
      accountPension: '1058.82',
      divisor: '170',
      total: '4358.82',
    });
    expect(calculatePension({ ...E6, retirementAge: { years: 50, months: 0 } })).toMatchObject({
      accountPension: '923.08',
      divisor: '195',
      total: '4223.08',
    });
  });

  it('adds the rounded components, not the rounded sum: 1 541.67 + 93.53 = 1 635.20 (docs/api.md rounding)', () => {
    // Exact: 1 541.6667 + 93.5252 = 1 635.1918, which would round to 1 635.19.
    const r = calculatePension({ ...E6, averageIndex: '1', contributionMonths: 185, accountBalance: '13000.00' });
    expect(r).toMatchObject({ basicPension: '1541.67', accountPension: '93.53', total: '1635.20' });
  });

  it('counts N to the month by default and in whole years when configured (§5.1)', () => {
    const input = { ...E6, averageIndex: '1', contributionMonths: 185 };
    expect(calculatePension(input).basicPension).toBe('1541.67');
    expect(calculatePension(input, { ...policy, contributionYearsCounting: 'wholeYears' }).basicPension).toBe('1500.00');
  });

  it('uses the configured rate per contribution year (国发〔2005〕38号 1 %, configurable)', () => {
    expect(calculatePension(E6, { ...policy, basicRatePerYear: '0.012' }).basicPension).toBe('3960.00');
  });

  it('adds a transitional pension C × Z(pre) × deemed years × 0.013 by default: 10 000 × 1 × 5 × 0.013 = 650.00 (§5.1)', () => {
    const r = calculatePension({ ...E6, transitional: { deemedMonths: 60, averageIndex: '1' } });
    expect(r).toMatchObject({ transitionalPension: '650.00', total: '5244.96' });
    expect(r.workings.some((w) => w.includes('configuration pension.transitionalCoefficient'))).toBe(true);
  });

  it('takes the transitional coefficient from the input, else from configuration (§5.1 provincial formula)', () => {
    expect(calculatePension({ ...E6, transitional: { deemedMonths: 60, averageIndex: '1', coefficient: '0.014' } }).transitionalPension).toBe('700.00');
    const province = { ...policy, transitionalCoefficient: '0.012' };
    expect(calculatePension({ ...E6, transitional: { deemedMonths: 60, averageIndex: '1' } }, province).transitionalPension).toBe('600.00');
  });

  it('uses 132 for 61 y 5 m by default and 129.08 when interpolating (§5.1, open item 4)', () => {
    const input = { ...E6, retirementAge: { years: 61, months: 5 } };
    expect(calculatePension(input)).toMatchObject({ divisor: '132', accountPension: '1363.64' });
    const interpolated = calculatePension(input, {
      ...policy,
      fractionalAgeRule: { kind: 'interpolateByMonths', decimals: 2 },
    });
    expect(interpolated).toMatchObject({ divisor: '129.08', accountPension: '1394.48' });
  });

  it('refuses an age outside the divisor table with INVALID_AMOUNT on retirementAge (§5.1)', () => {
    const call = () => calculatePension({ ...E6, retirementAge: { years: 39, months: 0 } });
    expect(call).toThrow(DomainError);
    try {
      call();
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_AMOUNT', path: 'retirementAge' });
    }
  });

  it('refuses a floating-point or negative amount', () => {
    expect(() => calculatePension({ ...E6, accountBalance: '-1.00' })).toThrow(/accountBalance/);
    expect(() => calculatePension({ ...E6, averageIndex: '1e0' })).toThrow(/averageIndex/);
  });
});
