import { describe, expect, it } from 'vitest';
import { type ContributionYear, calculatePooledFund } from '../../../domain/transfer/pooled-fund.js';
import { DEFAULT_POOLED_FUND_POLICY } from '../../../domain/transfer/transfer-policy.js';
import { expectDomainError } from './domain-error.js';

// E3: monthly contribution wages 2010–2018 for 12 months, 2019 for 6 months only (left in June).
const WAGES: [number, string][] = [
  [2010, '3000.00'],
  [2011, '3300.00'],
  [2012, '3600.00'],
  [2013, '4000.00'],
  [2014, '4400.00'],
  [2015, '4800.00'],
  [2016, '5200.00'],
  [2017, '5600.00'],
  [2018, '6000.00'],
];
const E3: ContributionYear[] = [...WAGES.map(([year, monthlyWage]) => ({ year, monthlyWage, months: 12 })), { year: 2019, monthlyWage: '6500.00', months: 6 }];

describe('calculatePooledFund', () => {
  it('moves 12 % of 517 800.00 = 62 136.00 for the 2010–2019 history with half of 2019 (§6.1, E3)', () => {
    const r = calculatePooledFund({ history: E3, asOfYear: 2025 });
    expect(r.totalContributionWage).toBe('517800.00');
    expect(r.pooledFund).toBe('62136.00');
    expect(r.rate).toBe('0.12');
    expect(r.years.find((y) => y.year === 2019)).toEqual({ year: 2019, months: 6, contributionWage: '39000.00', counted: true, pooledFund: '4680.00' });
    expect(r.years.find((y) => y.year === 2010)?.pooledFund).toBe('4320.00');
    expect(r.workings).toContain('2019: 6500.00 × 6 months = 39000.00 × 0.12 = 4680.00 (国办发〔2009〕66号 art. 4, pooledFund.rate 0.12)');
    expect(r.workings.at(-1)).toMatch(/= 62136\.00 \(sum of the rounded yearly amounts/);
  });

  it('moves 66 816.00 of 556 800.00 when 2019 is a full year (§6.1, E3 check)', () => {
    const history = E3.map((y) => (y.year === 2019 ? { ...y, months: 12 } : y));
    const r = calculatePooledFund({ history, asOfYear: 2025 });
    expect(r.totalContributionWage).toBe('556800.00');
    expect(r.pooledFund).toBe('66816.00');
  });

  it('counts nothing before 1998 and counts 1998 itself (§6.1, 国办发〔2009〕66号 art. 4)', () => {
    const r = calculatePooledFund({
      history: [
        { year: 1996, monthlyWage: '800.00', months: 12 },
        { year: 1997, monthlyWage: '900.00', months: 12 },
        { year: 1998, monthlyWage: '1000.00', months: 12 },
      ],
      asOfYear: 2025,
    });
    expect(r.years.map((y) => [y.year, y.counted, y.pooledFund])).toEqual([
      [1996, false, '0.00'],
      [1997, false, '0.00'],
      [1998, true, '1440.00'],
    ]);
    expect(r.totalContributionWage).toBe('12000.00');
    expect(r.pooledFund).toBe('1440.00');
    expect(r.workings[1]).toContain('before 1998: no pooled fund');
  });

  it('rounds each year half-up to the fen and adds the rounded years (§3.4, common rounding rule)', () => {
    const r = calculatePooledFund({
      history: [
        { year: 2020, monthlyWage: '3333.33', months: 7 }, // 23 333.31 × 0.12 = 2 799.9972 → 2 800.00
        { year: 2021, monthlyWage: '1234.56', months: 1 }, // 1 234.56 × 0.12 = 148.1472 → 148.15
      ],
      asOfYear: 2025,
    });
    expect(r.years.map((y) => y.pooledFund)).toEqual(['2800.00', '148.15']);
    expect(r.totalContributionWage).toBe('24567.87');
    expect(r.pooledFund).toBe('2948.15'); // not 24 567.87 × 0.12 = 2 948.1444 → 2 948.14
  });

  it('lists the years in order whatever the input order (§6.1)', () => {
    const r = calculatePooledFund({ history: [...E3].reverse(), asOfYear: 2025 });
    expect(r.years.map((y) => y.year)).toEqual([2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019]);
    expect(r.pooledFund).toBe('62136.00');
  });

  it('moves nothing for an empty history', () => {
    const r = calculatePooledFund({ history: [], asOfYear: 2025 });
    expect([r.totalContributionWage, r.pooledFund]).toEqual(['0.00', '0.00']);
  });

  it('follows a configured rate and start year (pooledFund.rate, pooledFund.fromYear)', () => {
    expect(calculatePooledFund({ history: E3, asOfYear: 2025 }, { ...DEFAULT_POOLED_FUND_POLICY, rate: '0.10' }).pooledFund).toBe('51780.00');
    const later = calculatePooledFund({ history: E3, asOfYear: 2025 }, { ...DEFAULT_POOLED_FUND_POLICY, fromYear: 2019 });
    expect([later.totalContributionWage, later.pooledFund]).toEqual(['39000.00', '4680.00']);
  });

  it('refuses months outside 1–12 (§6.1: part years by their months)', () => {
    for (const months of [0, 13, 1.5, -1]) {
      expectDomainError(
        () => calculatePooledFund({ history: [{ year: 2020, monthlyWage: '3000.00', months }], asOfYear: 2025 }),
        'INVALID_DATE',
        'history[0].months',
      );
    }
    expect(calculatePooledFund({ history: [{ year: 2020, monthlyWage: '3000.00', months: 1 }], asOfYear: 2025 }).pooledFund).toBe('360.00');
  });

  it('refuses a year listed twice', () => {
    const error = expectDomainError(
      () => calculatePooledFund({ history: [...E3, { year: 2012, monthlyWage: '100.00', months: 1 }], asOfYear: 2025 }),
      'INVALID_DATE',
      'history[10].year',
    );
    expect(error.message).toMatch(/2012 is listed twice/);
  });

  it('refuses a year after asOfYear and accepts asOfYear itself', () => {
    const history = [{ year: 2026, monthlyWage: '3000.00', months: 2 }];
    expectDomainError(() => calculatePooledFund({ history, asOfYear: 2025 }), 'INVALID_DATE', 'history[0].year');
    expect(calculatePooledFund({ history, asOfYear: 2026 }).pooledFund).toBe('720.00');
  });

  it('refuses a negative or over-precise wage and a malformed rate', () => {
    expectDomainError(
      () => calculatePooledFund({ history: [{ year: 2020, monthlyWage: '-1.00', months: 1 }], asOfYear: 2025 }),
      'INVALID_AMOUNT',
      'history[0].monthlyWage',
    );
    expectDomainError(() => calculatePooledFund({ history: [{ year: 2020, monthlyWage: '1.005', months: 1 }], asOfYear: 2025 }), 'INVALID_AMOUNT');
    expectDomainError(() => calculatePooledFund({ history: E3, asOfYear: 2025 }, { rate: '12%', fromYear: 1998 }), 'INVALID_AMOUNT', 'pooledFund.rate');
  });
});
