import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  ageOn,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  isIsoDate,
  monthOf,
  shanghaiDateOf,
  shanghaiStartOfDay,
} from '../../../domain/calendar/local-date.js';
import { DomainError } from '../../../domain/errors.js';

describe('isIsoDate', () => {
  it('accepts real dates only, leap years included (principle 3)', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('2025-01-01T00:00')).toBe(false);
    expect(isIsoDate('20250101')).toBe(false);
  });

  it('knows the length of every month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });
});

describe('Asia/Shanghai instants (principle 3: UTC+8, no DST)', () => {
  it('puts 16:00 UTC on the next Shanghai day', () => {
    expect(shanghaiDateOf(Date.UTC(2025, 0, 1, 15, 59, 59, 999))).toBe('2025-01-01');
    expect(shanghaiDateOf(Date.UTC(2025, 0, 1, 16, 0, 0, 0))).toBe('2025-01-02');
  });

  it('gives the instant of Shanghai midnight, before the Unix epoch too', () => {
    expect(shanghaiStartOfDay('2025-10-01')).toBe(Date.UTC(2025, 8, 30, 16));
    expect(shanghaiStartOfDay('1970-01-01')).toBe(-8 * 3_600_000);
    expect(shanghaiDateOf(shanghaiStartOfDay('1949-12-31'))).toBe('1949-12-31');
    expect(shanghaiDateOf(shanghaiStartOfDay('1949-12-31') - 1)).toBe('1949-12-30');
  });

  it('refuses a non-finite instant', () => {
    expect(() => shanghaiDateOf(Number.NaN)).toThrow(DomainError);
  });
});

describe('addDays and daysBetween', () => {
  it('cross month, year and leap-day boundaries', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('counts 60 days from 10 Jan 2025 to 11 Mar 2025 (E12)', () => {
    expect(addDays('2025-01-10', 60)).toBe('2025-03-11');
    expect(daysBetween('2025-01-10', '2025-03-11')).toBe(60);
    expect(daysBetween('2025-03-11', '2025-01-10')).toBe(-60);
  });

  it('is consistent with Date over a long range', () => {
    for (let n = -40_000; n <= 40_000; n += 997) {
      const expected = new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
      expect(addDays('2000-01-01', n)).toBe(expected);
    }
  });

  it('refuses fractional days and malformed dates with INVALID_DATE', () => {
    expect(() => addDays('2025-01-01', 1.5)).toThrow(DomainError);
    expect(() => addDays('2025-02-30', 1)).toThrow(/not a real date/);
    expect(() => daysBetween('2025-01-01', 'tomorrow')).toThrow(DomainError);
  });
});

describe('compareDates and dayOfWeek', () => {
  it('orders dates', () => {
    expect(compareDates('2025-01-01', '2025-01-02')).toBe(-1);
    expect(compareDates('2025-01-02', '2025-01-02')).toBe(0);
    expect(compareDates('2026-01-01', '2025-12-31')).toBe(1);
  });

  it('names weekdays with 0 = Sunday (E11: Fri 26 Sep 2025, Sun 28 Sep 2025, Thu 23 Oct 2025)', () => {
    expect(dayOfWeek('2025-09-26')).toBe(5);
    expect(dayOfWeek('2025-09-28')).toBe(0);
    expect(dayOfWeek('2025-10-11')).toBe(6);
    expect(dayOfWeek('2025-10-23')).toBe(4);
    expect(dayOfWeek('1969-12-31')).toBe(3);
  });
});

describe('addMonths (民法典 art. 202, §9)', () => {
  it('ends on the corresponding day of the final month', () => {
    expect(addMonths('2025-04-15', 1)).toBe('2025-05-15');
    expect(addMonths('2030-05-01', 17)).toBe('2031-10-01');
  });

  it('ends on the last day when the final month has no corresponding day', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-08-31', 1)).toBe('2025-09-30');
  });

  it('goes back across a year boundary', () => {
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(addMonths('2025-03-31', -13)).toBe('2024-02-29');
  });
});

describe('monthOf', () => {
  it('gives YYYY-MM and validates the date', () => {
    expect(monthOf('2031-10-01')).toBe('2031-10');
    expect(() => monthOf('2031-10-32')).toThrow(DomainError);
  });
});

describe('ageOn', () => {
  it('counts completed years and months', () => {
    expect(ageOn('1970-05-15', '2031-10-14')).toEqual({ years: 61, months: 4 });
    expect(ageOn('1970-05-15', '2031-10-15')).toEqual({ years: 61, months: 5 });
    expect(ageOn('1949-12-31', '1949-12-31')).toEqual({ years: 0, months: 0 });
  });

  it('completes a month on the last day of a shorter month (art. 202): born 29 Feb 2000 is 25 on 28 Feb 2025', () => {
    expect(ageOn('2000-02-29', '2025-02-27')).toEqual({ years: 24, months: 11 });
    expect(ageOn('2000-02-29', '2025-02-28')).toEqual({ years: 25, months: 0 });
    expect(ageOn('2000-01-31', '2000-02-29')).toEqual({ years: 0, months: 1 });
  });

  it('refuses a date before the birth date', () => {
    expect(() => ageOn('2000-01-02', '2000-01-01')).toThrow(/before the birth date/);
  });
});
