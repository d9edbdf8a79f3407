import { describe, expect, it } from 'vitest';
import { DEFAULT_BENEFIT_POLICY } from '../../../domain/benefit/benefit-policy.js';
import { calculatePension } from '../../../domain/benefit/pension.js';

describe('DEFAULT_BENEFIT_POLICY', () => {
  it('survives a JSON round trip unchanged, so a workflow can carry it as input', () => {
    expect(JSON.parse(JSON.stringify(DEFAULT_BENEFIT_POLICY))).toEqual(DEFAULT_BENEFIT_POLICY);
  });

  it('still calculates E6 after the round trip (numeric keys of the divisor table become strings) (§5.1, E6)', () => {
    const carried = JSON.parse(JSON.stringify(DEFAULT_BENEFIT_POLICY)) as typeof DEFAULT_BENEFIT_POLICY;
    const input = {
      calculationBase: '10000.00',
      averageIndex: '1.2',
      contributionMonths: 360,
      accountBalance: '180000.00',
      retirementAge: { years: 60, months: 0 },
    };
    expect(calculatePension(input, carried.pension).total).toBe('4594.96');
  });

  it('carries the statutory processing limits and the local approval thresholds', () => {
    expect(DEFAULT_BENEFIT_POLICY.processing).toMatchObject({ pension: 20, unemployment: 10, maternity: 10 });
    expect(DEFAULT_BENEFIT_POLICY.approval).toEqual({ oneOffAbove: '50000.00', monthlyAbove: '10000.00' });
  });
});
