import { describe, expect, it } from 'vitest';
import { type AccountStatementLine, calculatePersonalAccountTransfer } from '../../../domain/transfer/personal-account.js';
import { expectDomainError } from './domain-error.js';

// E3's individual contributions: 8 % of each year's contribution wage (2019: 6 months).
const E3_CONTRIBUTIONS: [number, string][] = [
  [2010, '2880.00'],
  [2011, '3168.00'],
  [2012, '3456.00'],
  [2013, '3840.00'],
  [2014, '4224.00'],
  [2015, '4608.00'],
  [2016, '4992.00'],
  [2017, '5376.00'],
  [2018, '5760.00'],
  [2019, '3120.00'],
];
const e3Statement = (interest: (year: number) => string = () => '0.00'): AccountStatementLine[] =>
  E3_CONTRIBUTIONS.map(([year, individualContributions]) => ({ year, individualContributions, interest: interest(year) }));

// Two pre-1998 years with employer money credited to the account, then 1998.
const MIXED: AccountStatementLine[] = [
  { year: 1996, individualContributions: '600.00', employerContributions: '400.00', interest: '30.00', interestOnRetainedMoney: '12.00' },
  { year: 1997, individualContributions: '660.00', employerContributions: '440.00', interest: '70.00', interestOnRetainedMoney: '28.00' },
  { year: 1998, individualContributions: '720.00', employerContributions: '360.00', interest: '100.00', interestOnRetainedMoney: '20.00' },
];

describe('calculatePersonalAccountTransfer', () => {
  it('moves the whole E3 account: 517 800 × 8 % = 41 424.00 principal (§6.1, E3)', () => {
    const r = calculatePersonalAccountTransfer({ statement: e3Statement(), asOfYear: 2025 });
    expect(r.transferAmount).toBe('41424.00');
    expect(r.retainedAmount).toBe('0.00');
  });

  it('moves the credited interest with the balance from 1998 (§6.1, E3: plus credited interest)', () => {
    const r = calculatePersonalAccountTransfer({ statement: e3Statement((y) => (y === 2015 ? '812.34' : '0.00')), asOfYear: 2025 });
    expect(r.transferAmount).toBe('42236.34');
    expect(r.workings).toContain('2015: individual 4608.00 + employer 0.00 + interest 812.34 = 5420.34 (whole credit from 1998, 国办发〔2009〕66号 art. 4)');
  });

  it('moves only individual contributions with interest before 1998 and the whole credit from 1998 (§6.1)', () => {
    const r = calculatePersonalAccountTransfer({ statement: MIXED, asOfYear: 2025, closingBalance: '3380.00' });
    // 1996: 600 + 18 = 618; 1997: 660 + 42 = 702; 1998: 720 + 360 + 80 = 1 160.
    expect(r.transferAmount).toBe('2480.00');
    // 400 + 12 + 440 + 28 + 20: the pre-1998 employer money and the interest it earns stay.
    expect(r.retainedAmount).toBe('900.00');
    expect(r.balance).toBe('3380.00');
    expect(r.workings[0]).toContain('employer 400.00 stays');
    expect(r.workings.at(-1)).toBe('lines agree with the closing balance 3380.00');
  });

  it('follows a configured split year (personalAccount.wholeBalanceFromYear)', () => {
    const r = calculatePersonalAccountTransfer({ statement: MIXED, asOfYear: 2025 }, { wholeBalanceFromYear: 1997 });
    expect(r.transferAmount).toBe('2920.00'); // 1997's 440.00 employer money now moves
  });

  it('refuses lines that do not add up to the closing balance', () => {
    const error = expectDomainError(
      () => calculatePersonalAccountTransfer({ statement: MIXED, asOfYear: 2025, closingBalance: '3380.01' }),
      'INVALID_AMOUNT',
      'closingBalance',
    );
    expect(error.message).toMatch(/add up to 3380\.00/);
  });

  it("refuses retained interest larger than the year's interest, a year listed twice and a future year", () => {
    expectDomainError(
      () =>
        calculatePersonalAccountTransfer({
          statement: [{ year: 1997, individualContributions: '1.00', interest: '1.00', interestOnRetainedMoney: '1.01' }],
          asOfYear: 2025,
        }),
      'INVALID_AMOUNT',
      'statement[0].interestOnRetainedMoney',
    );
    expectDomainError(() => calculatePersonalAccountTransfer({ statement: [...MIXED, MIXED[0]!], asOfYear: 2025 }), 'INVALID_DATE', 'statement[3].year');
    expectDomainError(() => calculatePersonalAccountTransfer({ statement: MIXED, asOfYear: 1997 }), 'INVALID_DATE', 'statement[2].year');
  });
});
