import { describe, expect, it } from 'vitest';
import {
  type ContributionYearRecord,
  DEFAULT_CONTRIBUTION_INDEX_POLICY as policy,
  averageContributionIndex,
  contributionYears,
} from '../../../domain/benefit/contribution-index.js';

const year = (y: number, base: string, months = 12, average = '5000.00'): ContributionYearRecord => ({
  year: y,
  averageMonthlyBase: base,
  regionalAverageWage: average,
  months,
});

// 1.2 for 12 months, 0.4 → 0.6, 4 → 3, and 1.0 for a half year.
const HISTORY = [year(2020, '6000.00'), year(2021, '2000.00'), year(2022, '20000.00'), year(2023, '5000.00', 6)];

describe('average contribution index Z (平均缴费指数)', () => {
  it('divides each year’s own base by that year’s average wage (§5.1)', () => {
    const r = averageContributionIndex([year(2020, '6000.00'), year(2021, '9000.00', 12, '6000.00')]);
    expect(r.years.map((y) => y.index)).toEqual(['1.2', '1.5']);
    expect(r.averageIndex).toBe('1.35');
    expect(r.workings[0]).toBe('2020: index = 6000.00 ÷ 5000.00 = 1.2, 12 months');
  });

  it('bounds each year’s index to [0.6, 3] and records which bound applied (§5.1, §3.2)', () => {
    const r = averageContributionIndex(HISTORY);
    expect(r.years.map((y) => [y.rawIndex, y.index, y.boundedTo])).toEqual([
      ['1.2', '1.2', null],
      ['0.4', '0.6', 'lower'],
      ['4', '3', 'upper'],
      ['1', '1', null],
    ]);
    expect(r.workings[1]).toMatch(/bounded to 0.6 \(lower bound\)/);
  });

  it('keeps an index of exactly 0.6 or 3 as it is, and bounds 0.5998 (§5.1 bounds)', () => {
    const r = averageContributionIndex([year(2020, '3000.00'), year(2021, '15000.00'), year(2022, '2999.00')]);
    expect(r.years.map((y) => y.boundedTo)).toEqual([null, null, 'lower']);
  });

  it('weighs a part year by its months by default: Z = 63.6 ÷ 42 = 1.5143 (§5.1, monthWeighted)', () => {
    const r = averageContributionIndex(HISTORY);
    expect(r.totalMonths).toBe(42);
    expect(r.averageIndex).toBe('1.5143');
  });

  it('averages the yearly indices plainly when configured yearMean: 5.8 ÷ 4 = 1.45 (§5.1)', () => {
    expect(averageContributionIndex(HISTORY, { ...policy, averaging: 'yearMean' }).averageIndex).toBe('1.45');
  });

  it('applies configured bounds: with a 0.4 floor the 2021 index stays 0.4 (§5.1 configurable bounds)', () => {
    const r = averageContributionIndex(HISTORY, { ...policy, lowerBound: '0.4' });
    expect(r.years[1]).toMatchObject({ index: '0.4', boundedTo: null });
    expect(r.averageIndex).toBe('1.4571'); // (14.4 + 4.8 + 36 + 6) / 42
  });

  it('keeps the index exact when indexDecimals is null, and rounds to 4 decimals by default', () => {
    const third = [year(2020, '2000.00', 12, '6000.00'), year(2021, '6000.00', 12, '6000.00')];
    expect(averageContributionIndex(third).years[0]?.index).toBe('0.6'); // 0.3333 → bounded
    const exact = averageContributionIndex([year(2020, '7000.00', 12, '6000.00')], { ...policy, indexDecimals: null });
    expect(exact.averageIndex).toBe('1.166666666666666666666666666666666666667');
    expect(averageContributionIndex([year(2020, '7000.00', 12, '6000.00')]).averageIndex).toBe('1.1667');
  });

  it('refuses an empty history, a zero average wage and 13 months', () => {
    expect(() => averageContributionIndex([])).toThrow(/empty/);
    expect(() => averageContributionIndex([year(2020, '5000.00', 12, '0.00')])).toThrow(/zero/);
    expect(() => averageContributionIndex([year(2020, '5000.00', 13)])).toThrow(/months/);
  });
});

describe('contribution years N', () => {
  it('counts to the month by default: 185 months = 15.4167 years (§5.1)', () => {
    const n = contributionYears(185, 'fractionalMonths');
    expect(n.years.toFixed(4)).toBe('15.4167');
    expect(n.working).toBe('N = 185 months ÷ 12 = 15.4167 years (counting fractionalMonths)');
  });

  it('counts completed whole years when configured wholeYears: 185 months = 15 (§5.1)', () => {
    expect(contributionYears(185, 'wholeYears').years.toFixed()).toBe('15');
    expect(contributionYears(360, 'wholeYears').years.toFixed()).toBe('30');
  });
});
