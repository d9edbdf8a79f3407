import type { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarYear } from '../../domain/calendar/holiday-calendar.js';
import { CalendarDay } from '../entities/index.js';

/** The loaded holiday calendar (holidays and make-up workdays per year), as the domain calendar takes it. */
export async function loadCalendarYears(em: EntityManager): Promise<CalendarYear[]> {
  // Read on every declaration and deadline: plain rows, not entities, which cost about ten times as much to hydrate.
  const days = await em.execute<{ date: string; year: number; kind: string }[]>(
    `select to_char(date, 'YYYY-MM-DD') as date, year, kind from calendar_day order by date`,
  );
  const years = new Map<number, CalendarYear>();
  for (const day of days) {
    const year = years.get(day.year) ?? { year: day.year, holidays: [], makeupWorkdays: [] };
    (day.kind === 'holiday' ? year.holidays : year.makeupWorkdays).push(day.date);
    years.set(day.year, year);
  }
  return [...years.values()];
}

/** A year's arrangement as loaded, or null when the year is provisional (no notice loaded). */
export async function readCalendarYear(
  em: EntityManager,
  year: number,
): Promise<{ year: number; notice: string; loadedBy: string; loadedAt: string; holidays: string[]; makeupWorkdays: string[] } | null> {
  const [meta] = await em.execute<{ notice: string; loaded_by: string; loaded_at: Date }[]>(
    'select notice, loaded_by, loaded_at from calendar_year where year = ?',
    [year],
  );
  if (!meta) return null;
  const days = await em.find(CalendarDay, { year }, { orderBy: { date: 'asc' } });
  return {
    year,
    notice: meta.notice,
    loadedBy: meta.loaded_by,
    loadedAt: new Date(meta.loaded_at).toISOString(),
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date),
    makeupWorkdays: days.filter((d) => d.kind === 'makeup').map((d) => d.date),
  };
}

/** Open cases with a deadline or an open task counted provisionally: they count again when a year is loaded. */
export async function casesWithProvisionalDeadlines(em: EntityManager): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `select c.id from case_record c
      where c.closed_at is null
        and (c.deadlines @> '[{"provisional": true}]'
             or exists (select 1 from task t where t.case_id = c.id and t.due_provisional and t.status in ('open', 'claimed', 'waiting')))`,
  );
  return rows.map((r) => r.id);
}

/** Bills whose due date was rolled over a year without its calendar, in `year`. */
export async function billsWithProvisionalDueDates(em: EntityManager, year: number): Promise<{ id: string; period: string; region: string }[]> {
  return em.execute(`select id, period, region from bill where due_date_provisional and extract(year from due_date) between ? and ?`, [year - 1, year]);
}
