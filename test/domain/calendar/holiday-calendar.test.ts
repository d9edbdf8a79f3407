import { describe, expect, it } from 'vitest';
import { CN_2025 } from '../../../domain/calendar/cn-2025.js';
import { CN_2026 } from '../../../domain/calendar/cn-2026.js';
import { CN_CALENDAR_YEARS } from '../../../domain/calendar/default-calendar.js';
import { HolidayCalendar } from '../../../domain/calendar/holiday-calendar.js';
import { DomainError } from '../../../domain/errors.js';

const calendar = new HolidayCalendar(CN_CALENDAR_YEARS);

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return (err as DomainError).code;
  }
  throw new Error('expected a DomainError');
};

describe('the shipped 2025 and 2026 calendars (§9)', () => {
  it('load 2025 and 2026 and pass the constructor’s checks (make-up days are weekends, no overlaps)', () => {
    expect(calendar.loadedYears()).toEqual([2025, 2026]);
    expect(CN_CALENDAR_YEARS).toEqual([CN_2025, CN_2026]);
  });

  it('count 2025 make-up days as working days: 26 Jan, 8 Feb, 27 Apr, 28 Sep, 11 Oct (§9)', () => {
    for (const d of ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']) {
      expect(calendar.isWorkingDay(d), d).toBe(true);
    }
  });

  it('count 2026 make-up days as working days: 4 Jan, 14/28 Feb, 9 May, 20 Sep, 10 Oct (§9)', () => {
    for (const d of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect(calendar.isWorkingDay(d), d).toBe(true);
    }
  });

  it('treat weekdays inside holiday blocks as rest days (§9)', () => {
    const weekdaysOff = ['2025-01-01', '2025-01-28', '2025-02-04', '2025-05-05', '2025-06-02', '2025-10-08'];
    for (const d of [...weekdaysOff, '2026-02-23', '2026-10-07']) {
      expect(calendar.isRestDay(d), d).toBe(true);
    }
  });

  it('treat ordinary weekends as rest days and ordinary weekdays as working days', () => {
    expect(calendar.isRestDay('2025-03-08')).toBe(true); // Saturday
    expect(calendar.isRestDay('2025-03-09')).toBe(true); // Sunday
    expect(calendar.isWorkingDay('2025-03-10')).toBe(true); // Monday
    expect(calendar.isWorkingDay('2026-12-31')).toBe(true);
  });

  it('list every day off of each holiday block: 28 in 2025, 33 in 2026 (§9)', () => {
    expect(CN_2025.holidays).toHaveLength(28);
    expect(CN_2026.holidays).toHaveLength(33);
  });
});

describe('addWorkingDays (§9: start day not counted, make-up days counted)', () => {
  it('gives Thu 23 Oct 2025 for 15 working days from Fri 26 Sep 2025, not the naive 17 Oct (E11)', () => {
    expect(calendar.addWorkingDays('2025-09-26', 15)).toBe('2025-10-23');
    expect(calendar.addWorkingDays('2025-09-26', 1)).toBe('2025-09-28'); // the make-up Sunday is day 1
    expect(calendar.addWorkingDays('2025-09-26', 6)).toBe('2025-10-11'); // make-up Saturday is day 6
  });

  it('gives Mon 9 Mar 2026 for 15 working days from Tue 10 Feb 2026 (E11, Spring Festival)', () => {
    expect(calendar.addWorkingDays('2026-02-10', 15)).toBe('2026-03-09');
  });

  it('counts Sun 26 Jan and Sat 8 Feb 2025 around Spring Festival', () => {
    expect(calendar.addWorkingDays('2025-01-24', 1)).toBe('2025-01-26');
    expect(calendar.addWorkingDays('2025-01-24', 2)).toBe('2025-01-27');
    expect(calendar.addWorkingDays('2025-01-24', 3)).toBe('2025-02-05');
    expect(calendar.addWorkingDays('2025-02-07', 1)).toBe('2025-02-08');
  });

  it('counts Sun 4 Jan 2026 after the New Year holiday, crossing from 2025', () => {
    expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
  });

  it('counts Sat 9 May 2026 and Sun 20 Sep / Sat 10 Oct 2026', () => {
    expect(calendar.addWorkingDays('2026-04-30', 1)).toBe('2026-05-06');
    expect(calendar.addWorkingDays('2026-05-08', 1)).toBe('2026-05-09');
    expect(calendar.addWorkingDays('2026-09-18', 1)).toBe('2026-09-20');
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-10-09', 1)).toBe('2026-10-10');
  });

  it('returns the start day for 0 and refuses negative or fractional counts', () => {
    expect(calendar.addWorkingDays('2025-10-01', 0)).toBe('2025-10-01');
    expect(() => calendar.addWorkingDays('2025-10-01', -1)).toThrow(DomainError);
    expect(() => calendar.addWorkingDays('2025-10-01', 1.5)).toThrow(DomainError);
  });
});

describe('addCalendarDays (§9 rollover, 民法典 art. 203)', () => {
  it('rolls 15 days from Sat 20 Sep 2025 (day 15 = 5 Oct, a holiday) over to Thu 9 Oct 2025 (E11)', () => {
    expect(calendar.addCalendarDays('2025-09-20', 15)).toBe('2025-10-09');
  });

  it('gives 11 Mar 2025 for 60 days from 10 Jan 2025 and 10 Apr 2025 with the 30-day extension (E12)', () => {
    const due = calendar.addCalendarDays('2025-01-10', 60);
    expect(due).toBe('2025-03-11');
    expect(calendar.addCalendarDays(due, 30)).toBe('2025-04-10');
  });

  it('allows a review request until 15 May 2025 for a reply received 15 Apr 2025 (E12)', () => {
    expect(calendar.addCalendarDays('2025-04-15', 30)).toBe('2025-05-15');
  });

  it('rolls a period ending on an ordinary weekend to Monday', () => {
    expect(calendar.addCalendarDays('2025-03-01', 7)).toBe('2025-03-10'); // Sat 8 Mar → Mon 10 Mar
  });

  it('does not roll a period ending on a make-up workday (§9: make-up days are not rest days)', () => {
    expect(calendar.addCalendarDays('2025-09-13', 15)).toBe('2025-09-28');
    expect(calendar.addCalendarDays('2026-02-13', 15)).toBe('2026-02-28');
  });

  it('rolls a period ending inside Spring Festival 2026 past the whole block (§9)', () => {
    expect(calendar.addCalendarDays('2026-01-04', 30)).toBe('2026-02-03');
    expect(calendar.addCalendarDays('2026-01-06', 40)).toBe('2026-02-24'); // 15 Feb → after 15–23 Feb
  });
});

describe('deadline', () => {
  it('uses the unit of the rule (principle 4): 15 working vs 15 calendar days from 26 Sep 2025', () => {
    expect(calendar.deadline('2025-09-26', 15, 'working')).toBe('2025-10-23');
    expect(calendar.deadline('2025-09-26', 15, 'calendar')).toBe('2025-10-11'); // make-up Saturday, no rollover
    expect(calendar.deadline('2025-09-20', 15, 'calendar')).toBe('2025-10-09');
  });
});

describe('workingDaysBetween', () => {
  it('counts working days in (from, to]: 15 from 26 Sep to 23 Oct 2025 (E11)', () => {
    expect(calendar.workingDaysBetween('2025-09-26', '2025-10-23')).toBe(15);
    expect(calendar.workingDaysBetween('2025-09-26', '2025-10-22')).toBe(14);
    expect(calendar.workingDaysBetween('2025-10-01', '2025-10-08')).toBe(0);
    expect(calendar.workingDaysBetween('2025-10-08', '2025-10-08')).toBe(0);
  });

  it('is the inverse of addWorkingDays and negative when to is before from', () => {
    expect(calendar.workingDaysBetween('2026-02-10', calendar.addWorkingDays('2026-02-10', 15))).toBe(15);
    expect(calendar.workingDaysBetween('2025-10-23', '2025-09-26')).toBe(-15);
  });
});

describe('years that are not loaded (§9: a missing calendar makes a deadline provisional, never an error)', () => {
  it('count a year without its notice as plain weeks, so a case always has a clock', () => {
    expect(calendar.isWorkingDay('2027-01-04')).toBe(true); // a Monday
    expect(calendar.isWorkingDay('2027-01-09')).toBe(false); // a Saturday
    expect(calendar.addWorkingDays('2026-12-30', 5)).toBe('2027-01-06'); // 31 Dec, then 1, 4, 5, 6 Jan 2027 as plain weekdays
  });

  it('flag a deadline counted across such a year as provisional, and only then (deadlineOf)', () => {
    expect(calendar.deadlineOf('2026-12-30', 5, 'working')).toEqual({ dueDate: '2027-01-06', unit: 'working', provisional: true });
    expect(calendar.deadlineOf('2026-12-01', 5, 'working')).toEqual({ dueDate: '2026-12-08', unit: 'working', provisional: false });
    // A calendar-day period only needs the table where it ends: 30 days from 2026-12-20 end in 2027.
    expect(calendar.deadlineOf('2026-12-20', 30, 'calendar')).toMatchObject({ dueDate: '2027-01-19', provisional: true });
    expect(calendar.deadlineOf('2024-12-20', 30, 'calendar')).toMatchObject({ dueDate: '2025-01-20', provisional: false }); // 19 Jan 2025 is a Sunday
    expect(calendar.isProvisionalBetween('2025-03-01', '2026-12-31')).toBe(false);
    expect(calendar.isProvisionalBetween('2027-01-01', '2026-12-31')).toBe(true);
  });

  it('refuse with CALENDAR_NOT_LOADED when asked to (unloadedYears: "refuse")', () => {
    const strict = new HolidayCalendar(CN_CALENDAR_YEARS, { unloadedYears: 'refuse' });
    expect(codeOf(() => strict.isWorkingDay('2027-01-04'))).toBe('CALENDAR_NOT_LOADED');
    expect(codeOf(() => strict.addCalendarDays('2026-12-20', 30))).toBe('CALENDAR_NOT_LOADED');
    expect(() => strict.isWorkingDay('2024-12-31')).toThrow(/2024 \(loaded: 2025, 2026\)/);
    expect(codeOf(() => new HolidayCalendar([], { unloadedYears: 'refuse' }).isWorkingDay('2025-03-10'))).toBe('CALENDAR_NOT_LOADED');
  });

  it('answer INVALID_DATE for a malformed date', () => {
    expect(codeOf(() => calendar.isWorkingDay('2025-02-29'))).toBe('INVALID_DATE');
  });
});

describe('calendar data checks', () => {
  it('refuse a make-up workday that is not a weekend day', () => {
    expect(() => new HolidayCalendar([{ year: 2025, holidays: [], makeupWorkdays: ['2025-03-10'] }])).toThrow(/not a weekend day/);
  });

  it('refuse a date outside its year, a day that is both kinds, and a year loaded twice', () => {
    expect(() => new HolidayCalendar([{ year: 2025, holidays: ['2026-01-01'], makeupWorkdays: [] }])).toThrow(/not a date in 2025/);
    expect(() => new HolidayCalendar([{ year: 2025, holidays: ['2025-01-26'], makeupWorkdays: ['2025-01-26'] }])).toThrow(/both/);
    expect(() => new HolidayCalendar([CN_2025, CN_2025])).toThrow(/loaded twice/);
  });

  it('survive a JSON round trip, as when passed into a workflow', () => {
    const revived = new HolidayCalendar(JSON.parse(JSON.stringify(CN_CALENDAR_YEARS)) as typeof CN_CALENDAR_YEARS);
    expect(revived.addWorkingDays('2025-09-26', 15)).toBe('2025-10-23');
  });
});
