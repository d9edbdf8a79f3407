import { addMonths, daysInMonth } from '../calendar/local-date.js';
import { DomainError } from '../errors.js';

/*
 * Payroll months ('YYYY-MM'). Benefits are paid and stopped by the month (rules §8: a pension stops from the
 * month after death), so entitlements, payroll lines and back-pay count whole months, never days.
 */

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True when `s` is a month written 'YYYY-MM'. Valid periods compare correctly as strings ('2025-12' < '2026-01'). */
export function isPeriod(s: string): boolean {
  return PERIOD.test(s) && !s.startsWith('0000');
}

/**
 * @throws DomainError INVALID_DATE (with `path`) when `s` is not 'YYYY-MM'.
 */
export function assertPeriod(s: string, path = 'period'): void {
  if (!isPeriod(s)) throw new DomainError('INVALID_DATE', `"${s}" is not a month written YYYY-MM`, { path });
}

/** `period` moved by `n` months: addPeriods('2025-12', 1) === '2026-01'. */
export function addPeriods(period: string, n: number): string {
  assertPeriod(period);
  return addMonths(`${period}-01`, n).slice(0, 7);
}

/** Months from `from` to `to`, both counted: monthsInclusive('2025-01', '2025-12') === 12; 0 when `to` < `from`. */
export function monthsInclusive(from: string, to: string): number {
  assertPeriod(from, 'from');
  assertPeriod(to, 'to');
  const n = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
  return Math.max(0, n);
}

/** Every month from `from` to `to` inclusive, oldest first; empty when `to` < `from`. */
export function periodRange(from: string, to: string): string[] {
  const n = monthsInclusive(from, to);
  const out: string[] = [];
  for (let i = 0; i < n; i += 1) out.push(addPeriods(from, i));
  return out;
}

/** The first day of the month: '2025-02' → '2025-02-01'. */
export function firstDayOf(period: string): string {
  assertPeriod(period);
  return `${period}-01`;
}

/** The last day of the month, leap years included: '2024-02' → '2024-02-29'. */
export function lastDayOf(period: string): string {
  assertPeriod(period);
  return `${period}-${String(daysInMonth(Number(period.slice(0, 4)), Number(period.slice(5, 7))))}`;
}
