import { describe, expect, it } from 'vitest';
import { DEFAULT_WORK_INJURY_CLASS_RATES, INSURANCE_TYPES, parametersInForce } from '../../../domain/contribution/regional-parameters.js';
import { DomainError } from '../../../domain/errors.js';
import { e1Parameters } from './e1-parameters.js';

describe('DEFAULT_WORK_INJURY_CLASS_RATES', () => {
  it('holds the eight industry-class rates 0.2 % … 1.9 % (§3.1)', () => {
    expect(DEFAULT_WORK_INJURY_CLASS_RATES).toEqual({
      '1': '0.002',
      '2': '0.004',
      '3': '0.007',
      '4': '0.009',
      '5': '0.011',
      '6': '0.013',
      '7': '0.016',
      '8': '0.019',
    });
  });

  it('lists the four collected insurances, maternity inside medical (§3.1)', () => {
    expect(INSURANCE_TYPES).toEqual(['pension', 'medical', 'unemployment', 'workInjury']);
  });
});

describe('parametersInForce (principle 1: dated configuration)', () => {
  const y2024 = e1Parameters({ effectiveFrom: '2024-07-01', averageMonthlyWage: '9000.00' });
  const y2025 = e1Parameters({ effectiveFrom: '2025-07-01', averageMonthlyWage: '10000.00' });
  const sets = [y2025, y2024]; // order of the list does not matter

  it('picks the latest set that started on or before the date', () => {
    expect(parametersInForce(sets, '2025-06-30')).toBe(y2024);
    expect(parametersInForce(sets, '2025-07-01')).toBe(y2025);
    expect(parametersInForce(sets, '2030-01-01')).toBe(y2025);
  });

  it('lets a later correction with the same effectiveFrom win', () => {
    const corrected = e1Parameters({ effectiveFrom: '2025-07-01', averageMonthlyWage: '10100.00' });
    expect(parametersInForce([...sets, corrected], '2025-08-01')).toBe(corrected);
  });

  it('throws PARAMETERS_NOT_FOUND before the first set, naming the region', () => {
    expect(() => parametersInForce(sets, '2024-06-30')).toThrow(/region 330100 in force on 2024-06-30/);
    try {
      parametersInForce([], '2025-01-01');
    } catch (err) {
      expect((err as DomainError).code).toBe('PARAMETERS_NOT_FOUND');
      return;
    }
    throw new Error('expected PARAMETERS_NOT_FOUND');
  });

  it('refuses a malformed date with INVALID_DATE', () => {
    expect(() => parametersInForce(sets, '2025-7-1')).toThrow(DomainError);
  });
});
