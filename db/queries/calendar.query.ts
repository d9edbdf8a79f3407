import type { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarYear } from '../../domain/calendar/holiday-calendar.js';
import { CalendarDay } from '../entities/index.js';

/** The loaded holiday calendar (holidays and make-up workdays per year), as the domain calendar takes it. */
export async function loadCalendarYears(em: EntityManager): Promise<CalendarYear[]> {
  const days = await em.find(CalendarDay, {}, { orderBy: { date: 'asc' } });
  const years = new Map<number, CalendarYear>();
  for (const day of days) {
    const year = years.get(day.year) ?? { year: day.year, holidays: [], makeupWorkdays: [] };
    (day.kind === 'holiday' ? year.holidays : year.makeupWorkdays).push(day.date);
    years.set(day.year, year);
  }
  return [...years.values()];
}
