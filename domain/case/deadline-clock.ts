import { type CalendarYear, type DeadlineUnit, HolidayCalendar } from '../calendar/holiday-calendar.js';
import { addDays, shanghaiStartOfDay } from '../calendar/local-date.js';

export interface ComputedDeadline {
  dueDate: string;
  /** The end of the due day: 24:00 Asia/Shanghai (rules §9: the deadline is 24:00). */
  dueAtMs: number;
  unit: DeadlineUnit;
  /** True when a year on the way had no holiday table and was counted as plain Monday–Friday weeks. */
  provisional: boolean;
}

/**
 * A deadline that never stops a case: with every year loaded it is exact; when a year's State Council notice is not
 * loaded yet (published each November), that year counts as plain weeks and the deadline says it is provisional, so
 * staff see it and it is computed again when an admin loads the year. Refusing would leave a running case without a
 * clock.
 */
export function computeDeadline(years: readonly CalendarYear[], from: string, days: number, unit: DeadlineUnit): ComputedDeadline {
  const due = new HolidayCalendar(years).deadlineOf(from, days, unit);
  return { dueDate: due.dueDate, dueAtMs: endOfDayMs(due.dueDate), unit, provisional: due.provisional };
}

/** Working days left in (today, dueDate], with the same provisional counting; 0 once the day has passed. */
export function workingDaysLeft(years: readonly CalendarYear[], today: string, dueDate: string): number {
  if (dueDate <= today) return 0;
  return new HolidayCalendar(years).workingDaysBetween(today, dueDate);
}

/** 24:00 of a Shanghai date, as epoch milliseconds. */
export function endOfDayMs(date: string): number {
  return shanghaiStartOfDay(addDays(date, 1));
}

/** An instant as ISO 8601 in Asia/Shanghai (UTC+8, no daylight saving): 2026-12-12T00:00:00+08:00. */
export function toShanghaiIso(epochMs: number): string {
  return new Date(epochMs + 8 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}
