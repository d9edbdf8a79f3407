// The personal account with its yearly interest (rules §5.1, 社会保险法 art. 14): opening balance × rate plus the
// year's contributions × rate × 0.5415, credited once the year is over and its rate is known.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PERSONAL_ACCOUNT_POLICY, personalAccountStatement } from '../../../domain/insurance/personal-account.js';

const year = (y: number, amount: string, count = 12) =>
  Array.from({ length: count }, (_, i) => ({ month: `${y}-${String(i + 1).padStart(2, '0')}`, contribution: amount }));

describe('personalAccountStatement (rules §5.1)', () => {
  it('credits 2023 and 2024 interest on 12 months of 640.00 in 2023, and none yet for the running year', () => {
    const statement = personalAccountStatement(year(2023, '640.00'), 2025);
    // 7 680.00 × 0.0397 × 0.5415 = 165.101… → 165.10; then 7 845.10 × 0.0262 = 205.541… → 205.54
    expect(statement.years).toEqual([
      { year: 2023, opening: '0.00', contributions: '7680.00', months: 12, rate: '0.0397', interest: '165.10', closing: '7845.10' },
      { year: 2024, opening: '7845.10', contributions: '0.00', months: 0, rate: '0.0262', interest: '205.54', closing: '8050.64' },
      { year: 2025, opening: '8050.64', contributions: '0.00', months: 0, rate: null, interest: '0.00', closing: '8050.64' },
    ]);
    expect(statement.balance).toBe('8050.64');
    expect(statement.interestTotal).toBe('370.64');
  });

  it('reads the rates from the configuration: a year without a rate credits nothing and says so', () => {
    const policy = { ...DEFAULT_PERSONAL_ACCOUNT_POLICY, rates: { '2024': '0.0300' } };
    const statement = personalAccountStatement([...year(2023, '100.00', 1)], 2025, policy);
    expect(statement.years.map((y) => y.interest)).toEqual(['0.00', '3.00', '0.00']);
    expect(statement.workings[0]).toContain('2023: no 记账利率 configured');
  });

  it('is empty for a person with no pension months', () => {
    expect(personalAccountStatement([], 2025)).toMatchObject({ years: [], balance: '0.00', interestTotal: '0.00' });
  });
});
