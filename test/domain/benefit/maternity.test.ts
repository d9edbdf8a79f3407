import { describe, expect, it } from 'vitest';
import { DEFAULT_MATERNITY_POLICY as policy, calculateMaternityAllowance } from '../../../domain/benefit/maternity.js';

const wage = { averageMonthlyWage: '9000.00' };

describe('calculateMaternityAllowance', () => {
  it('pays 98 days × 300.00 = 29 400.00 for a normal single birth (§5.4, E5)', () => {
    const r = calculateMaternityAllowance({ ...wage, event: 'birth' });
    expect(r).toMatchObject({ days: 98, leaveDays: 98, dailyRate: '300.00', allowance: '29400.00' });
    expect(r.workings).toContain('allowance = 300.00 × 98 days = 29400.00 (社会保险法 art. 56; rounding dailyRateFirst)');
  });

  it('pays 128 days = 38 400.00 for a difficult birth of twins (§5.4, E5)', () => {
    expect(calculateMaternityAllowance({ ...wage, event: 'birth', difficultBirth: true, babies: 2 })).toMatchObject({
      days: 128,
      allowance: '38400.00',
    });
  });

  it('adds 15 days for each extra baby: triplets 128 days (女职工劳动保护特别规定 art. 7)', () => {
    expect(calculateMaternityAllowance({ ...wage, event: 'birth', babies: 3 }).days).toBe(128);
  });

  it('pays 15 days = 4 500.00 for a miscarriage at 3 months and 42 days = 12 600.00 at 5 months (§5.4, E5)', () => {
    expect(calculateMaternityAllowance({ ...wage, event: 'miscarriage', pregnancyMonths: 3 })).toMatchObject({
      days: 15,
      allowance: '4500.00',
    });
    expect(calculateMaternityAllowance({ ...wage, event: 'miscarriage', pregnancyMonths: 5 })).toMatchObject({
      days: 42,
      allowance: '12600.00',
    });
  });

  it('counts a miscarriage at exactly 4 months as 42 days (§5.4 boundary)', () => {
    expect(calculateMaternityAllowance({ ...wage, event: 'miscarriage', pregnancyMonths: 4 }).days).toBe(42);
  });

  it('refuses a miscarriage without the months of pregnancy', () => {
    expect(() => calculateMaternityAllowance({ ...wage, event: 'miscarriage' })).toThrow(/pregnancyMonths/);
  });

  it('pays provincial extra days only where the fund pays them (§5.4, E5)', () => {
    const unfunded = calculateMaternityAllowance({ ...wage, event: 'birth', extraDays: 60 });
    expect(unfunded).toMatchObject({ days: 98, leaveDays: 158, allowance: '29400.00' });
    const funded = calculateMaternityAllowance({ ...wage, event: 'birth', extraDays: 60 }, { ...policy, fundPaysProvincialExtra: true });
    expect(funded).toMatchObject({ days: 158, leaveDays: 158, allowance: '47400.00' });
  });

  it('applies the configured provincial extra days to births, not to miscarriages (§5.4 configurable)', () => {
    const province = { ...policy, provincialExtraDays: 60, fundPaysProvincialExtra: true };
    expect(calculateMaternityAllowance({ ...wage, event: 'birth' }, province).days).toBe(158);
    expect(calculateMaternityAllowance({ ...wage, event: 'miscarriage', pregnancyMonths: 3 }, province).days).toBe(15);
  });

  it('uses a configured divisor of 30.4: 296.05 a day, 29 012.90 for 98 days (§5.4 configurable)', () => {
    expect(calculateMaternityAllowance({ ...wage, event: 'birth' }, { ...policy, dailyRateDivisor: '30.4' })).toMatchObject({
      dailyRate: '296.05',
      allowance: '29012.90',
    });
  });

  it('rounds only the allowance when configured allowanceOnly: 296.0526… × 98 = 29 013.16', () => {
    const r = calculateMaternityAllowance({ ...wage, event: 'birth' }, { ...policy, dailyRateDivisor: '30.4', rounding: 'allowanceOnly' });
    expect(r.allowance).toBe('29013.16');
  });
});
