import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { minimumContributionYears, statutoryRetirement } from '../../domain/retirement-age.js';

/** "61y5m 2031-10": age and retirement month in one comparable string. */
const summary = (birthDate: string, category: Parameters<typeof statutoryRetirement>[1]): string => {
  const r = statutoryRetirement(birthDate, category);
  return `${r.ageYears}y${r.ageMonths}m ${r.retirementMonth}`;
};

describe('statutoryRetirement', () => {
  it('retires a man born May 1970 at 61 y 5 m in Oct 2031 (§5.2, E10: delay 17 months)', () => {
    expect(statutoryRetirement('1970-05-15', 'male')).toEqual({
      ageYears: 61,
      ageMonths: 5,
      delayMonths: 17,
      retirementMonth: '2031-10',
      retirementDate: '2031-10-15',
    });
  });

  it('retires a 50-year woman born Jan 1975 at 50 y 1 m in Feb 2025 (§5.2, E10: first cohort)', () => {
    expect(statutoryRetirement('1975-01-20', 'female50')).toMatchObject({
      ageYears: 50,
      ageMonths: 1,
      delayMonths: 1,
      retirementMonth: '2025-02',
    });
  });

  it('leaves cohorts born before the start cohort at the old ages 60 / 55 / 50 (§5.2)', () => {
    expect(statutoryRetirement('1964-12-31', 'male')).toMatchObject({ delayMonths: 0, retirementDate: '2024-12-31' });
    expect(summary('1964-12-31', 'male')).toBe('60y0m 2024-12');
    expect(summary('1969-12-01', 'female55')).toBe('55y0m 2024-12');
    expect(summary('1974-12-01', 'female50')).toBe('50y0m 2024-12');
  });

  it('delays the first cohorts by 1 month: men Jan 1965, 55-year women Jan 1970 (§5.2)', () => {
    expect(summary('1965-01-01', 'male')).toBe('60y1m 2025-02');
    expect(summary('1970-01-01', 'female55')).toBe('55y1m 2025-02');
  });

  it('adds one month per 4 birth months for men and 55-year women: Apr 1965 +1, May 1965 +2 (§5.2)', () => {
    expect(statutoryRetirement('1965-04-10', 'male').delayMonths).toBe(1);
    expect(statutoryRetirement('1965-05-10', 'male').delayMonths).toBe(2);
    expect(statutoryRetirement('1970-05-10', 'female55').delayMonths).toBe(2);
  });

  it('adds one month per 2 birth months for 50-year women: Feb 1975 +1, Mar 1975 +2 (§5.2)', () => {
    expect(statutoryRetirement('1975-02-10', 'female50').delayMonths).toBe(1);
    expect(statutoryRetirement('1975-03-10', 'female50').delayMonths).toBe(2);
  });

  it('reaches the full delay with men born Sep 1976 (63 y) and 55-year women born Sep 1981 (58 y) (§5.2)', () => {
    expect(statutoryRetirement('1976-08-01', 'male')).toMatchObject({ ageYears: 62, ageMonths: 11 });
    expect(summary('1976-09-01', 'male')).toBe('63y0m 2039-09');
    expect(statutoryRetirement('1990-01-01', 'male')).toMatchObject({ ageYears: 63, ageMonths: 0 });
    expect(statutoryRetirement('1981-08-01', 'female55')).toMatchObject({ ageYears: 57, ageMonths: 11 });
    expect(statutoryRetirement('1981-09-01', 'female55')).toMatchObject({ ageYears: 58, ageMonths: 0 });
  });

  it('reaches 55 y 0 m for 50-year women born Nov 1984 or later (§5.2, E10)', () => {
    expect(statutoryRetirement('1984-10-01', 'female50')).toMatchObject({ ageYears: 54, ageMonths: 11 });
    expect(summary('1984-11-01', 'female50')).toBe('55y0m 2039-11');
    expect(statutoryRetirement('1995-06-01', 'female50')).toMatchObject({ ageYears: 55, ageMonths: 0 });
  });

  it('clamps the retirement date to the month end when the month is shorter (民法典 art. 202)', () => {
    expect(statutoryRetirement('1970-05-31', 'male').retirementDate).toBe('2031-10-31');
    // Born 31 Oct 1970: 69 months after Jan 1965 → delay 18 → 61 y 6 m → April has no 31st.
    expect(statutoryRetirement('1970-10-31', 'male')).toMatchObject({ delayMonths: 18, retirementDate: '2032-04-30' });
    expect(statutoryRetirement('1975-01-31', 'female50').retirementDate).toBe('2025-02-28');
  });

  it('refuses an impossible birth date', () => {
    expect(() => statutoryRetirement('1970-02-30', 'male')).toThrow(DomainError);
  });
});

describe('minimumContributionYears', () => {
  it('is 15 up to 2029 and rises by half a year from 2030 to 20 in 2039 (E10)', () => {
    const years = [2024, 2029, 2030, 2031, 2032, 2033, 2034, 2035, 2036, 2037, 2038, 2039, 2050];
    const table = Object.fromEntries(years.map((y) => [y, minimumContributionYears(y)]));
    expect(table).toEqual({
      2024: '15',
      2029: '15',
      2030: '15.5',
      2031: '16',
      2032: '16.5',
      2033: '17',
      2034: '17.5',
      2035: '18',
      2036: '18.5',
      2037: '19',
      2038: '19.5',
      2039: '20',
      2050: '20',
    });
  });

  it('refuses a fractional year', () => {
    expect(() => minimumContributionYears(2030.5)).toThrow(DomainError);
  });
});
