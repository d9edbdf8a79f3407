import { DomainError } from '../errors.js';
import { addDays, compareDates, dayOfWeek, isIsoDate } from './local-date.js';

/**
 * One year of the State Council holiday arrangement (rules §9). Plain JSON on purpose: it is read by an
 * activity and passed into workflows, so a replay uses the calendar the case started with.
 */
export interface CalendarYear {
  year: number;
  /** Every day off of each holiday block, weekend days inside a block included. */
  holidays: string[];
  /** Weekend days that are worked (调休上班日); they count as working days. */
  makeupWorkdays: string[];
}

/** The unit a rule counts its period in (rules principle 4): 工作日 or 日. */
export type DeadlineUnit = 'working' | 'calendar';

export const DEADLINE_UNITS = ['working', 'calendar'] as const satisfies readonly DeadlineUnit[];

interface YearSets {
  holidays: ReadonlySet<string>;
  makeupWorkdays: ReadonlySet<string>;
}

/** A year without its notice: weekends are rest days, nothing else is. */
const NO_HOLIDAYS: YearSets = { holidays: new Set(), makeupWorkdays: new Set() };

function isWeekend(date: string): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new DomainError('INVALID_DATE', `a period must be a whole number of days ≥ 0, got ${n}`);
  }
}

function validateYear(y: CalendarYear): YearSets {
  const inYear = (d: string, what: string): void => {
    if (!isIsoDate(d) || !d.startsWith(`${y.year}-`)) {
      throw new DomainError('INVALID_DATE', `calendar ${y.year}: ${what} "${d}" is not a date in ${y.year}`);
    }
  };
  y.holidays.forEach((d) => inYear(d, 'holiday'));
  y.makeupWorkdays.forEach((d) => {
    inYear(d, 'make-up workday');
    // A make-up day is by definition a weekend day that is worked; a weekday here is a data-entry error.
    if (!isWeekend(d)) {
      throw new DomainError('INVALID_DATE', `calendar ${y.year}: make-up workday ${d} is not a weekend day`);
    }
  });
  const holidays = new Set(y.holidays);
  const clash = y.makeupWorkdays.find((d) => holidays.has(d));
  if (clash !== undefined) {
    throw new DomainError('INVALID_DATE', `calendar ${y.year}: ${clash} is both a holiday and a make-up workday`);
  }
  return { holidays, makeupWorkdays: new Set(y.makeupWorkdays) };
}

/**
 * What a calendar does with a date in a year whose State Council notice is not loaded (published each November for
 * the next year): count it as plain weeks and say the result is provisional (the default — a deadline never stops a
 * case), or refuse with CALENDAR_NOT_LOADED (for callers that must not guess, such as checking an admin's data).
 */
export type UnloadedYears = 'weekendsOnly' | 'refuse';

/** A deadline with a flag saying whether a year on the way was counted without its holiday table. */
export interface DatedDeadline {
  dueDate: string;
  unit: DeadlineUnit;
  provisional: boolean;
}

/**
 * Working-day and calendar-day arithmetic over loaded State Council calendars (rules §9; E11, E12).
 * Pure and deterministic. A date in a year that is not loaded counts as a plain Monday–Friday week and everything
 * computed across it is reported provisional (`deadlineOf`, `isProvisionalBetween`), so an admin can load the year and
 * the deadline be computed again; `{ unloadedYears: 'refuse' }` throws CALENDAR_NOT_LOADED instead.
 */
export class HolidayCalendar {
  private readonly years: ReadonlyMap<number, YearSets>;
  private readonly unloaded: UnloadedYears;

  constructor(years: readonly CalendarYear[], options: { unloadedYears?: UnloadedYears } = {}) {
    this.unloaded = options.unloadedYears ?? 'weekendsOnly';
    const map = new Map<number, YearSets>();
    for (const y of years) {
      if (!Number.isInteger(y.year) || y.year < 1 || y.year > 9999) {
        throw new DomainError('INVALID_DATE', `calendar year ${y.year} is not a year`);
      }
      if (map.has(y.year)) throw new DomainError('INVALID_DATE', `calendar year ${y.year} is loaded twice`);
      map.set(y.year, validateYear(y));
    }
    this.years = map;
  }

  /** The loaded years, ascending. */
  loadedYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  isLoaded(year: number): boolean {
    return this.years.has(year);
  }

  /** True when some year from `from` to `to` (either order) has no holiday table: what lies between is a guess. */
  isProvisionalBetween(from: string, to: string): boolean {
    const [a, b] = compareDates(from, to) <= 0 ? [from, to] : [to, from];
    for (let year = Number(a.slice(0, 4)); year <= Number(b.slice(0, 4)); year += 1) {
      if (!this.years.has(year)) return true;
    }
    return false;
  }

  /** {@link deadline} with the flag that says whether it was counted over a year without its holiday table. */
  deadlineOf(from: string, days: number, unit: DeadlineUnit): DatedDeadline {
    const dueDate = this.deadline(from, days, unit);
    // A calendar-day period counts every day alike; only where its last day lands (and rolls to) needs the holiday
    // table. A working-day period needs it for every day it counts.
    const countedFrom = unit === 'working' ? from : addDays(from, days);
    return { dueDate, unit, provisional: this.isProvisionalBetween(countedFrom, dueDate) };
  }

  /** A weekday that is not a holiday, or a make-up weekend day (rules §9). */
  isWorkingDay(date: string): boolean {
    const year = this.yearOf(date);
    if (year.makeupWorkdays.has(date)) return true;
    if (year.holidays.has(date)) return false;
    return !isWeekend(date);
  }

  /** A holiday, or a weekend day that is not a make-up workday — the "法定休假日" of the rollover rule (§9). */
  isRestDay(date: string): boolean {
    return !this.isWorkingDay(date);
  }

  /**
   * The n-th working day after `from`; `from` itself is not counted, make-up days are (rules §9, E11):
   * 15 working days from 2025-09-26 is 2025-10-23. n = 0 gives `from`.
   */
  addWorkingDays(from: string, n: number): string {
    assertCount(n);
    let date = addDays(from, 0); // validates `from` even when n = 0
    for (let counted = 0; counted < n;) {
      date = addDays(date, 1);
      if (this.isWorkingDay(date)) counted += 1;
    }
    return date;
  }

  /**
   * Day n after `from` (start day not counted); when it is a rest day the period ends on the first working day
   * after it (民法典 art. 203, rules §9, E11): 15 days from 2025-09-20 is 2025-10-09, not 2025-10-05.
   */
  addCalendarDays(from: string, n: number): string {
    assertCount(n);
    let date = addDays(from, n);
    while (this.isRestDay(date)) date = addDays(date, 1);
    return date;
  }

  /** The last day of a period of `days` in the rule's unit (rules principle 4, §9). */
  deadline(from: string, days: number, unit: DeadlineUnit): string {
    return unit === 'working' ? this.addWorkingDays(from, days) : this.addCalendarDays(from, days);
  }

  /**
   * Working days in (from, to] — e.g. how much of a working-day period has been used. Negative when `to` is
   * before `from`, mirroring `daysBetween`.
   */
  workingDaysBetween(from: string, to: string): number {
    const order = compareDates(from, to);
    if (order > 0) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let date = from; compareDates(date, to) < 0;) {
      date = addDays(date, 1);
      if (this.isWorkingDay(date)) count += 1;
    }
    return count;
  }

  private yearOf(date: string): YearSets {
    if (!isIsoDate(date)) throw new DomainError('INVALID_DATE', `"${date}" is not a real date in the form YYYY-MM-DD`);
    const year = this.years.get(Number(date.slice(0, 4)));
    if (year === undefined && this.unloaded === 'weekendsOnly') return NO_HOLIDAYS;
    if (year === undefined) {
      const loaded = this.loadedYears().join(', ') || 'none';
      throw new DomainError('CALENDAR_NOT_LOADED', `no holiday calendar for ${date.slice(0, 4)} (loaded: ${loaded})`);
    }
    return year;
  }
}
