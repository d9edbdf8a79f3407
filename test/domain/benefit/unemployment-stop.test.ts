import { describe, expect, it } from 'vitest';
import { DEFAULT_UNEMPLOYMENT_POLICY as policy } from '../../../domain/benefit/unemployment-policy.js';
import { calculateUnemploymentBenefit } from '../../../domain/benefit/unemployment.js';
import { stopOnReemployment } from '../../../domain/benefit/unemployment-stop.js';

const E4 = { contributionMonths: 84, minimumWage: '2300.00', benefitRate: '0.90' };

describe('stopOnReemployment', () => {
  const spell = { registrationDate: '2025-03-10', entitledMonths: 10, reemploymentDate: '2025-07-01' };

  it('stops from the month of re-employment and keeps the rest unused: 4 paid, 6 unused (社会保险法 art. 51, E4)', () => {
    expect(stopOnReemployment(spell)).toMatchObject({ stopMonth: '2025-07', monthsPaid: 4, monthsUnused: 6 });
  });

  it('stops from the next month when configured: 5 paid, 5 unused (§5.3 configurable)', () => {
    expect(stopOnReemployment(spell, { ...policy, stopFrom: 'nextMonth' })).toMatchObject({
      stopMonth: '2025-08',
      monthsPaid: 5,
      monthsUnused: 5,
    });
  });

  it('pays nothing when re-employed in the registration month, and everything when re-employed after the end', () => {
    expect(stopOnReemployment({ ...spell, reemploymentDate: '2025-03-20' })).toMatchObject({
      monthsPaid: 0,
      monthsUnused: 10,
    });
    expect(stopOnReemployment({ ...spell, reemploymentDate: '2026-06-01' })).toMatchObject({
      monthsPaid: 10,
      monthsUnused: 0,
    });
  });

  it('carries the unused months into a later spell, inside the combined cap of 24 (失业保险条例 art. 17)', () => {
    const { monthsUnused } = stopOnReemployment(spell);
    expect(calculateUnemploymentBenefit({ ...E4, unusedMonths: monthsUnused })).toMatchObject({ months: 24 });
  });

  it('refuses a re-employment before the registration', () => {
    expect(() => stopOnReemployment({ ...spell, reemploymentDate: '2025-03-09' })).toThrow(/before registration/);
  });
});
