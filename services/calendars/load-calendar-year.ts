import { billsWithProvisionalDueDates, casesWithProvisionalDeadlines, loadCalendarYears } from '../../db/queries/calendar.query.js';
import { findParametersInForce } from '../../db/queries/region-parameters.query.js';
import { setBillDueDate, writeCalendarYear } from '../../db/writers/calendar.js';
import { appendAudit } from '../../db/writers/case-log.js';
import { HolidayCalendar, type CalendarYear } from '../../domain/calendar/holiday-calendar.js';
import { billDueDateOf } from '../../domain/contribution/declaration.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

export interface CalendarLoad {
  notice: string;
  holidays: string[];
  makeupWorkdays: string[];
}

/**
 * Loads a year's State Council holiday arrangement (国务院办公厅关于…部分节假日安排的通知, rules §9). Until then the
 * year counts as plain weeks and every deadline across it says it is provisional; now they are counted again: bills'
 * due dates at once, and each open case with a provisional deadline is told (its tasks' due dates follow, with a line
 * on the timeline). Nothing was ever refused or stuck for the missing year.
 */
export async function loadCalendarYear(
  ctx: CommandContext,
  year: number,
  load: CalendarLoad,
): Promise<{ year: number; replaced: boolean; billsRecounted: number; casesTold: number }> {
  authorize(ctx, 'manage', 'Calendar', {});
  const calendarYear: CalendarYear = { year, holidays: [...new Set(load.holidays)].sort(), makeupWorkdays: [...new Set(load.makeupWorkdays)].sort() };
  try {
    new HolidayCalendar([calendarYear], { unloadedYears: 'refuse' }); // validates the year's data
  } catch (error) {
    if (error instanceof DomainError) throw invalidInput([{ path: 'holidays', message: error.message }]);
    throw error;
  }
  const now = ctx.clock.now();
  const { replaced, billsRecounted } = await ctx.em.transactional(async (tx) => {
    const added = await writeCalendarYear(tx, calendarYear, { notice: load.notice, loadedBy: ctx.actor.id, now });
    const calendar = new HolidayCalendar(await loadCalendarYears(tx));
    let recounted = 0;
    for (const bill of await billsWithProvisionalDueDates(tx, year)) {
      const parameters = await findParametersInForce(tx, bill.region, `${bill.period}-01`);
      if (!parameters) continue;
      await setBillDueDate(tx, bill.id, billDueDateOf(bill.period, parameters.dueDay, calendar));
      recounted += 1;
    }
    await appendAudit(tx, {
      at: now,
      actorId: ctx.actor.id,
      actorRole: ctx.actor.role,
      region: null,
      action: added ? 'calendar.loaded' : 'calendar.replaced',
      objectType: 'Calendar',
      objectId: String(year),
      requestId: ctx.requestId,
      detail: { notice: load.notice, holidays: calendarYear.holidays.length, makeupWorkdays: calendarYear.makeupWorkdays.length, billsRecounted: recounted },
    });
    return { replaced: !added, billsRecounted: recounted };
  });
  // After the commit: a case that reads the calendar again must find the year. A case that finished meanwhile is skipped.
  const years = await loadCalendarYears(ctx.em);
  const cases = await casesWithProvisionalDeadlines(ctx.em);
  for (const caseId of cases) await ctx.workflows.calendarLoaded(caseId, years);
  return { year, replaced, billsRecounted, casesTold: cases.length };
}
