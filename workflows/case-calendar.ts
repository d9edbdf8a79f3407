import * as wf from '@temporalio/workflow';
import type { CalendarYear, DeadlineUnit } from '../domain/calendar/holiday-calendar.js';
import { computeDeadline, type ComputedDeadline } from '../domain/case/deadline-clock.js';
import { calendarLoaded } from './messages.js';

/**
 * The holiday calendar a case counts its deadlines with. It comes in with the case (read by an activity, so a replay
 * counts the same days) and is replaced when an admin loads a year (the `calendarLoaded` signal): deadlines that were
 * provisional are then computed again. `changes` lets a waiting step notice that it should recount.
 */
export class CaseCalendar {
  private current: CalendarYear[];
  changes = 0;

  constructor(years: readonly CalendarYear[]) {
    this.current = [...years];
  }

  get years(): readonly CalendarYear[] {
    return this.current;
  }

  deadline(from: string, days: number, unit: DeadlineUnit): ComputedDeadline {
    return computeDeadline(this.current, from, days, unit);
  }

  /** Listens for `calendarLoaded` (services/calendars/load-calendar-year.ts sends it to cases with provisional dates). */
  listen(): this {
    wf.setHandler(calendarLoaded, ({ calendar }) => {
      this.current = [...calendar];
      this.changes += 1;
    });
    return this;
  }
}
