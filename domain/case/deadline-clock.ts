import { DomainError } from '../errors.js';
import { type CalendarYear, type DeadlineUnit, HolidayCalendar } from '../calendar/holiday-calendar.js';
import { addDays, shanghaiStartOfDay } from '../calendar/local-date.js';

export interface ComputedDeadline {
  dueDate: string;
  /** The end of the due day: 24:00 Asia/Shanghai (domain-rules §9: the deadline is 24:00). */
  dueAtMs: number;
  unit: DeadlineUnit;
  /** True when a year on the way had no holiday table and was counted as plain Monday–Friday weeks. */
  provisional: boolean;
}

/**
 * A deadline that never stops a case: with every year loaded it is exact; when a year's State Council notice is not
 * loaded yet (published each November), that year counts as plain weeks and the deadline says it is provisional, so
 * staff see it and an admin can load the calendar. Refusing would leave a running case without a clock.
 */
export function computeDeadline(years: readonly CalendarYear[], from: string, days: number, unit: DeadlineUnit): ComputedDeadline {
  try {
    const dueDate = new HolidayCalendar(years).deadline(from, days, unit);
    return { dueDate, dueAtMs: endOfDayMs(dueDate), unit, provisional: false };
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'CALENDAR_NOT_LOADED') throw error;
    const loaded = new Set(years.map((year) => year.year));
    const start = Number(from.slice(0, 4));
    const filler: CalendarYear[] = [];
    for (let year = start - 1; year <= start + 3; year += 1) {
      if (!loaded.has(year)) filler.push({ year, holidays: [], makeupWorkdays: [] });
    }
    const dueDate = new HolidayCalendar([...years, ...filler]).deadline(from, days, unit);
    return { dueDate, dueAtMs: endOfDayMs(dueDate), unit, provisional: true };
  }
}

/** Working days left in (today, dueDate], with the same provisional fallback; 0 once the day has passed. */
export function workingDaysLeft(years: readonly CalendarYear[], today: string, dueDate: string): number {
  if (dueDate <= today) return 0;
  const loaded = new Set(years.map((year) => year.year));
  const filler: CalendarYear[] = [];
  for (let year = Number(today.slice(0, 4)) - 1; year <= Number(dueDate.slice(0, 4)) + 1; year += 1) {
    if (!loaded.has(year)) filler.push({ year, holidays: [], makeupWorkdays: [] });
  }
  return new HolidayCalendar([...years, ...filler]).workingDaysBetween(today, dueDate);
}

/** 24:00 of a Shanghai date, as epoch milliseconds. */
export function endOfDayMs(date: string): number {
  return shanghaiStartOfDay(addDays(date, 1));
}

/** An instant as ISO 8601 in Asia/Shanghai (UTC+8, no daylight saving): 2026-12-12T00:00:00+08:00. */
export function toShanghaiIso(epochMs: number): string {
  return new Date(epochMs + 8 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}
