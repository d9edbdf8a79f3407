// Dates a test expects, derived at run time from the business clock the system under test uses, so the suite is right
// on whatever day it runs (issue "Right on any day"). The rules themselves are checked with literal dates in the unit
// tests of domain/; here they only turn "last month" into the month the system will also call last month.
import { Decimal } from 'decimal.js';
import { CN_CALENDAR_YEARS } from '../../domain/calendar/default-calendar.js';
import { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { addDays, addMonths, daysBetween, monthOf } from '../../domain/calendar/local-date.js';
import { billDueDate } from '../../domain/contribution/declaration.js';
import { Money } from '../../domain/money.js';
import type { BusinessClock } from '../../services/business-clock.js';

/** The calendar the seeded reference data loads (db/seed/reference-data.ts). */
export const seededCalendar = new HolidayCalendar(CN_CALENDAR_YEARS);

/** The seeded regions' due day of the month for the previous month's contributions. */
export const SEEDED_DUE_DAY = 15;

/** The late fee per day (社会保险法 art. 86), as configured by default. */
const DAILY_RATE = '0.0005';

export interface BusinessDates {
  today: string;
  /** `n` months from this month ('YYYY-MM'): period(0) is this month, period(-1) last month. */
  period(n: number): string;
  /** The due date of a period's bill in a seeded region (§3.3, rolled over rest days). */
  dueDate(period: string): string;
  /** `n` days from today. */
  day(n: number): string;
  /** The late fee on `principal` for the days after `dueDate` up to `asOf` (0 when not yet late). */
  lateFee(principal: string, dueDate: string, asOf: string): string;
  /** Days charged from the day after `dueDate` to `asOf` inclusive. */
  lateDays(dueDate: string, asOf: string): number;
}

export function businessDates(clock: BusinessClock): BusinessDates {
  const today = clock.today();
  const lateDays = (dueDate: string, asOf: string) => Math.max(0, daysBetween(dueDate, asOf));
  return {
    today,
    period: (n) => monthOf(addMonths(`${monthOf(today)}-01`, n)),
    dueDate: (period) => billDueDate(period, SEEDED_DUE_DAY, seededCalendar),
    day: (n) => addDays(today, n),
    lateDays,
    lateFee: (principal, dueDate, asOf) =>
      Money.of(principal)
        .applyRate(new Decimal(DAILY_RATE).times(lateDays(dueDate, asOf)).toFixed(), 'HALF_UP_FEN')
        .toString(),
  };
}
