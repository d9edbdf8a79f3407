import { loadCalendarYears, readCalendarYear } from '../../db/queries/calendar.query.js';
import { HolidayCalendar, type DatedDeadline, type DeadlineUnit } from '../../domain/calendar/holiday-calendar.js';
import type { CommandContext } from '../command-context.js';

/** A year as the system counts it: the loaded arrangement (official), or plain weeks until it is loaded (provisional). */
export async function readCalendar(ctx: CommandContext, year: number) {
  const loaded = await readCalendarYear(ctx.em, year);
  if (!loaded) return { year, status: 'provisional' as const, notice: null, loadedAt: null, holidays: [], workdays: [] };
  return { year, status: 'official' as const, notice: loaded.notice, loadedAt: loaded.loadedAt, holidays: loaded.holidays, workdays: loaded.makeupWorkdays };
}

/** The last day of a period of `days` in the rule's unit (rules §9), provisional across an unloaded year. */
export async function computeDeadline(ctx: CommandContext, from: string, days: number, unit: DeadlineUnit): Promise<DatedDeadline> {
  return new HolidayCalendar(await loadCalendarYears(ctx.em)).deadlineOf(from, days, unit);
}
