import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WORK_INJURY_DEATH_POLICY as policy,
  type WorkInjuryDeathInput,
  calculateWorkInjuryDeathBenefits,
} from '../../../domain/benefit/work-injury-death.js';

const death: WorkInjuryDeathInput = {
  deathDate: '2025-06-01',
  regionalAverageWage: '10000.00',
  ownWage: '8000.00',
  dependants: [{ relation: 'spouse' }, { relation: 'other' }],
};

describe('calculateWorkInjuryDeathBenefits', () => {
  it('pays a funeral grant of 6 × the regional average monthly wage = 60 000.00 (工伤保险条例 art. 39)', () => {
    expect(calculateWorkInjuryDeathBenefits(death).funeralGrant).toBe('60000.00');
  });

  it('pays the spouse 40 % and another dependant 30 % of own wage: 3 200.00 + 2 400.00 (art. 39)', () => {
    const r = calculateWorkInjuryDeathBenefits(death);
    expect(r.dependantPensions).toEqual([
      { relation: 'spouse', rate: '0.4', amount: '3200.00' },
      { relation: 'other', rate: '0.3', amount: '2400.00' },
    ]);
    expect(r).toMatchObject({ dependantPensionTotal: '5600.00', capped: false });
  });

  it('adds 10 % for an orphan or a lone elderly dependant: 40 % = 3 200.00 (art. 39)', () => {
    const r = calculateWorkInjuryDeathBenefits({
      ...death,
      dependants: [{ relation: 'other', orphanOrLoneElderly: true }],
    });
    expect(r.dependantPensions[0]).toEqual({ relation: 'other', rate: '0.4', amount: '3200.00' });
  });

  it('scales the pensions down to exactly the own wage when they exceed it: 10 400 → 8 000.00 (art. 39 cap)', () => {
    const r = calculateWorkInjuryDeathBenefits({
      ...death,
      dependants: [{ relation: 'spouse' }, { relation: 'other' }, { relation: 'other' }, { relation: 'other' }],
    });
    expect(r.dependantPensions.map((d) => d.amount)).toEqual(['2461.54', '1846.16', '1846.15', '1846.15']);
    expect(r).toMatchObject({ dependantPensionTotal: '8000.00', capped: true });
  });

  it('bounds the own wage by art. 64 first: 5 000 → 6 000, spouse 2 400.00', () => {
    const r = calculateWorkInjuryDeathBenefits({ ...death, ownWage: '5000.00', dependants: [{ relation: 'spouse' }] });
    expect(r).toMatchObject({ ownWageUsed: '6000.00', dependantPensionTotal: '2400.00' });
  });

  it('pays a one-off death grant of 20 × the previous year’s national figure: 20 × 54 188 = 1 083 760.00 (art. 39)', () => {
    expect(calculateWorkInjuryDeathBenefits(death)).toMatchObject({ incomeYear: 2024, deathGrant: '1083760.00' });
  });

  it('takes the figure of the year before the death from the dated table: 2024 death → 2023 (art. 39, dated)', () => {
    expect(calculateWorkInjuryDeathBenefits({ ...death, deathDate: '2024-03-01' })).toMatchObject({
      incomeYear: 2023,
      deathGrant: '1036420.00',
    });
  });

  it('refuses when no figure is configured for the year, unless the input gives it', () => {
    expect(() => calculateWorkInjuryDeathBenefits({ ...death, deathDate: '2030-01-15' })).toThrow(/2029/);
    expect(calculateWorkInjuryDeathBenefits({ ...death, deathDate: '2030-01-15', nationalDisposableIncome: '60000.00' }).deathGrant).toBe('1200000.00');
  });

  it('follows configured figures: 10 months of funeral grant, 45 % for a spouse (§5.5 configurable)', () => {
    const province = { ...policy, funeralGrantMonths: 10, spousePensionRate: '0.45' };
    const r = calculateWorkInjuryDeathBenefits(death, province);
    expect(r).toMatchObject({ funeralGrant: '100000.00', dependantPensionTotal: '6000.00' });
  });
});
