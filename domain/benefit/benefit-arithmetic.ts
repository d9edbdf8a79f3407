import { Decimal } from 'decimal.js';
import { DomainError } from '../errors.js';
import { AMOUNT_PATTERN, Money, isRate } from '../money.js';

/**
 * Exact decimal arithmetic for the benefit calculators. Products and quotients stay exact (40 significant digits)
 * until a component is rounded half-up to the fen, once (docs/api.md "Benefit calculators": component by component,
 * totals add the rounded parts). A private clone: Decimal.set() would leak into every importer.
 */
export const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** An exact value rounded half-up to the fen, as Money. */
export function toFen(value: Decimal): Money {
  return Money.of(value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
}

/** A calculator input amount: a non-negative decimal string with at most 2 decimals ("9000.00"). */
export function amountInput(value: string, path: string): Money {
  if (typeof value !== 'string' || !AMOUNT_PATTERN.test(value)) {
    throw new DomainError('INVALID_AMOUNT', `${path}: "${String(value)}" is not a non-negative amount with at most 2 decimals`, { path });
  }
  return Money.of(value);
}

/** A configured or input rate or factor: a non-negative decimal string ("0.90", "1.2"), never a number. */
export function rateInput(value: string, path: string): Decimal {
  if (typeof value !== 'string' || !isRate(value)) {
    throw new DomainError('INVALID_AMOUNT', `${path}: "${String(value)}" is not a non-negative decimal string`, {
      path,
    });
  }
  return new Exact(value);
}

/** A whole count (months, days, babies) within [min, max]. */
export function countInput(value: number, path: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new DomainError('INVALID_AMOUNT', `${path}: ${String(value)} is not a whole number from ${min} to ${max}`, {
      path,
    });
  }
  return value;
}

/** A decimal for workings: at most `places` decimals, trailing zeros dropped (15.4166… → "15.4167"). */
export function shown(value: Decimal, places = 4): string {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed();
}
