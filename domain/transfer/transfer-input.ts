import { DomainError } from '../errors.js';
import { AMOUNT_PATTERN, Money } from '../money.js';
import { parseRegionCode } from '../region-code.js';

// Contribution records start with the 1951 labour-insurance regulations; an earlier year is a typing error.
const EARLIEST_YEAR = 1951;

/* Input checks shared by the transfer calculators; every refusal names the field it is about (`errors[0].path`). */

/**
 * Checks the year keys of a per-year record (a contribution history, an account statement): whole years from 1951,
 * none after `asOfYear` (a year that has not begun holds no contributions), none listed twice — two lines for one
 * year would count its money twice.
 * @throws DomainError INVALID_DATE naming the offending line, e.g. `history[3].year`.
 */
export function assertYearLines(lines: readonly { year: number }[], asOfYear: number, list: string): void {
  if (!Number.isInteger(asOfYear) || asOfYear < EARLIEST_YEAR || asOfYear > 9999) {
    throw new DomainError('INVALID_DATE', `asOfYear ${asOfYear} is not a year`, { path: 'asOfYear' });
  }
  const seen = new Map<number, number>();
  lines.forEach(({ year }, i) => {
    const path = `${list}[${i}].year`;
    if (!Number.isInteger(year) || year < EARLIEST_YEAR) {
      throw new DomainError('INVALID_DATE', `${year} is not a contribution year (whole years from ${EARLIEST_YEAR})`, { path });
    }
    if (year > asOfYear) {
      throw new DomainError('INVALID_DATE', `${year} is in the future (as of ${asOfYear})`, { path });
    }
    const first = seen.get(year);
    if (first !== undefined) {
      throw new DomainError('INVALID_DATE', `${year} is listed twice (${list}[${first}] and ${list}[${i}])`, { path });
    }
    seen.set(year, i);
  });
}

/**
 * A non-negative amount with at most two decimals, as the API contract writes money.
 * @throws DomainError INVALID_AMOUNT with the field's path.
 */
export function parseAmount(value: string, path: string): Money {
  if (!AMOUNT_PATTERN.test(value)) {
    throw new DomainError('INVALID_AMOUNT', `"${value}" is not a non-negative amount with at most 2 decimals`, { path });
  }
  return Money.of(value);
}

/**
 * A GB/T 2260 region code, the refusal naming the field.
 * @throws DomainError INVALID_REGION_CODE with `path`.
 */
export function parseRegionAt(code: string, path: string): string {
  try {
    return parseRegionCode(code);
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError(error.code, error.message, { path });
    throw error;
  }
}

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * A month 'YYYY-MM' as a running month number (year × 12 + month − 1), so months subtract and compare as integers.
 * @throws DomainError INVALID_DATE with `path`.
 */
export function parseMonthAt(month: string, path: string): number {
  const m = YEAR_MONTH.exec(month);
  if (m === null || Number(m[1]) < 1) throw new DomainError('INVALID_DATE', `"${month}" is not a month YYYY-MM`, { path });
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/**
 * A whole, non-negative number of months.
 * @throws DomainError INVALID_DATE with `path`.
 */
export function assertMonthCount(months: number, path: string): void {
  if (!Number.isInteger(months) || months < 0) {
    throw new DomainError('INVALID_DATE', `months must be a whole number ≥ 0, got ${months}`, { path });
  }
}
