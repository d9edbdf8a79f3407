import { DomainError } from '../errors.js';

/*
 * Date-only arithmetic on 'YYYY-MM-DD' strings in Asia/Shanghai (rules principle 3, §9).
 * Shanghai is UTC+8 all year (no DST since 1991), so a day is exactly 86 400 000 ms and the arithmetic is done on
 * day numbers with the civil-calendar algorithms below instead of `Date`: no host time zone can leak in, and the
 * module stays deterministic inside Temporal workflows.
 */

const MS_PER_DAY = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

interface Civil {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1..12) of `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function parts(date: string): Civil | null {
  const m = ISO_DATE.exec(date);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function parse(date: string): Civil {
  const civil = parts(date);
  if (civil === null) throw new DomainError('INVALID_DATE', `"${date}" is not a real date in the form YYYY-MM-DD`);
  return civil;
}

// Howard Hinnant's days_from_civil / civil_from_days: proleptic Gregorian, day 0 = 1970-01-01.
function toDayNumber({ year, month, day }: Civil): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function fromDayNumber(n: number): string {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return format({ year, month, day });
}

function format({ year, month, day }: Civil): string {
  if (year < 1 || year > 9999) throw new DomainError('INVALID_DATE', `year ${year} is outside 0001–9999`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new DomainError('INVALID_DATE', `${what} must be a whole number, got ${n}`);
}

/** True when `s` is 'YYYY-MM-DD' and names a day that exists (29 Feb only in leap years). */
export function isIsoDate(s: string): boolean {
  return parts(s) !== null;
}

/** The Asia/Shanghai calendar date of an instant (e.g. the workflow clock's `Date.now()`). */
export function shanghaiDateOf(epochMs: number): string {
  if (!Number.isFinite(epochMs)) throw new DomainError('INVALID_DATE', `${epochMs} is not an instant`);
  return fromDayNumber(Math.floor((epochMs + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
}

/** Epoch ms of 00:00 (+08:00) on `date`; a deadline "at 24:00 on D" is `shanghaiStartOfDay(addDays(D, 1))`. */
export function shanghaiStartOfDay(date: string): number {
  return toDayNumber(parse(date)) * MS_PER_DAY - SHANGHAI_OFFSET_MS;
}

/** `date` moved by `n` calendar days (negative moves back). */
export function addDays(date: string, n: number): string {
  assertInteger(n, 'the number of days');
  return fromDayNumber(toDayNumber(parse(date)) + n);
}

/** `to − from` in calendar days: daysBetween('2025-01-10', '2025-03-11') === 60. */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(parse(to)) - toDayNumber(parse(from));
}

export function compareDates(a: string, b: string): -1 | 0 | 1 {
  const d = daysBetween(b, a);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** 0 = Sunday … 6 = Saturday, as `Date#getDay()`. */
export function dayOfWeek(date: string): DayOfWeek {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(parse(date)) + 4) % 7) + 7) % 7) as DayOfWeek;
}

/**
 * `date` moved by `n` months, ending on the corresponding day of the final month or on its last day when that
 * month is shorter — the period rule of 民法典 art. 202 (rules §9): 2025-01-31 + 1 month = 2025-02-28.
 */
export function addMonths(date: string, n: number): string {
  assertInteger(n, 'the number of months');
  const { year, month, day } = parse(date);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return format({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: string): string {
  parse(date);
  return date.slice(0, 7);
}

/**
 * Completed years and months of age on `date`. A month is completed on the corresponding day of the month (or the
 * month's last day when it has none), the same rule as {@link addMonths}: someone born 2000-02-29 is 25 on 2025-02-28.
 */
export function ageOn(birthDate: string, date: string): { years: number; months: number } {
  const birth = parse(birthDate);
  const on = parse(date);
  if (daysBetween(birthDate, date) < 0) {
    throw new DomainError('INVALID_DATE', `${date} is before the birth date ${birthDate}`);
  }
  let total = (on.year - birth.year) * 12 + (on.month - birth.month);
  if (compareDates(addMonths(birthDate, total), date) > 0) total -= 1;
  return { years: Math.floor(total / 12), months: total % 12 };
}
