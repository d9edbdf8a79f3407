import type { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarYear } from '../../domain/calendar/holiday-calendar.js';

/** Replaces a year's holiday arrangement (a correction of a notice replaces the whole year) and records its source. */
export async function writeCalendarYear(em: EntityManager, year: CalendarYear, source: { notice: string; loadedBy: string; now: Date }): Promise<boolean> {
  const [before] = await em.execute<{ year: number }[]>('select year from calendar_year where year = ?', [year.year]);
  await em.execute('delete from calendar_day where year = ?', [year.year]);
  for (const [kind, dates] of [
    ['holiday', year.holidays],
    ['makeup', year.makeupWorkdays],
  ] as const) {
    for (const date of dates) await em.execute('insert into calendar_day (date, year, kind) values (?, ?, ?)', [date, year.year, kind]);
  }
  await em.execute(
    `insert into calendar_year (year, notice, loaded_by, loaded_at) values (?, ?, ?, ?)
     on conflict (year) do update set notice = excluded.notice, loaded_by = excluded.loaded_by, loaded_at = excluded.loaded_at`,
    [year.year, source.notice, source.loadedBy, source.now],
  );
  return before === undefined;
}

/** A bill's due date counted again with the calendar now loaded. */
export async function setBillDueDate(em: EntityManager, billId: string, due: { dueDate: string; provisional: boolean }): Promise<void> {
  await em.execute('update bill set due_date = ?, due_date_provisional = ? where id = ?', [due.dueDate, due.provisional, billId]);
}
