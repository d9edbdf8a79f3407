import { Decimal } from 'decimal.js'; // named import: the default import is mistyped under NodeNext (CJS-style .d.ts)
import { DomainError } from './errors.js';

// A private constructor for money maths. Never call Decimal.set(): global config leaks into every importer.
const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export type Currency = 'CNY';

/** Wire shape, as in the API contract: `{ "amount": "8000.00", "currency": "CNY" }`. Never a JSON number. */
export interface MoneyDTO {
  readonly amount: string;
  readonly currency: Currency;
}

/** Local rounding practice (rules §3.4). It comes from dated regional configuration, never a default. */
export type RoundingRule = 'HALF_UP_FEN' | 'CEIL_JIAO' | 'HALF_UP_JIAO' | 'HALF_UP_YUAN';

export const ROUNDING_RULES = ['HALF_UP_FEN', 'CEIL_JIAO', 'HALF_UP_JIAO', 'HALF_UP_YUAN'] as const satisfies readonly RoundingRule[];

// "Ceil" means away from zero (ROUND_UP), not towards +∞: a negative correction of a contribution must round to
// exactly the negation of the original, which ROUND_CEIL would not give. For positive amounts the two agree.
const ROUNDING: Record<RoundingRule, { places: number; mode: Decimal.Rounding }> = {
  HALF_UP_FEN: { places: 2, mode: Decimal.ROUND_HALF_UP },
  CEIL_JIAO: { places: 1, mode: Decimal.ROUND_UP },
  HALF_UP_JIAO: { places: 1, mode: Decimal.ROUND_HALF_UP },
  HALF_UP_YUAN: { places: 0, mode: Decimal.ROUND_HALF_UP },
};

/** A non-negative input amount with at most 2 decimals that fits numeric(18,2); for API validation. */
export const AMOUNT_PATTERN = /^\d{1,16}(\.\d{1,2})?$/;

// Ledger corrections are negative, so the value object itself accepts a sign; inputs are checked with AMOUNT_PATTERN.
const SIGNED_AMOUNT_PATTERN = /^-?\d{1,16}(\.\d{1,2})?$/;

// Rates come from configuration as decimal strings ("0.005", "1.2"); exponent notation and signs are refused.
const RATE_PATTERN = /^\d{1,6}(\.\d{1,12})?$/;

export function isMoneyDTO(value: unknown): value is MoneyDTO {
  if (typeof value !== 'object' || value === null) return false;
  const { amount, currency } = value as Record<string, unknown>;
  return typeof amount === 'string' && SIGNED_AMOUNT_PATTERN.test(amount) && currency === 'CNY';
}

/** True for a non-negative decimal rate string such as "0.16" or "1.5". */
export function isRate(value: string): boolean {
  return RATE_PATTERN.test(value);
}

/** An amount of yuan, exact to the fen. Immutable; every operation returns a new value (rules principle 2). */
export class Money {
  private constructor(
    private readonly value: Decimal,
    readonly currency: Currency,
  ) {}

  /** Accepts only decimal strings with at most 2 decimals; there is deliberately no `number` overload. */
  static of(amount: string, currency: Currency = 'CNY'): Money {
    if (!SIGNED_AMOUNT_PATTERN.test(amount)) {
      throw new DomainError('INVALID_AMOUNT', `"${amount}" is not an amount with at most 2 decimals`);
    }
    return new Money(new Dec(amount), currency);
  }

  static fromDTO(dto: MoneyDTO): Money {
    return Money.of(dto.amount, dto.currency);
  }

  /** From a numeric(18,2) column (see db/types/amount.type.ts). */
  static fromDecimal(value: Decimal, currency: Currency = 'CNY'): Money {
    return Money.of(value.toFixed(), currency);
  }

  static zero(currency: Currency = 'CNY'): Money {
    return new Money(new Dec(0), currency);
  }

  /** Adds any number of amounts exactly; an empty list sums to zero. */
  static sum(amounts: readonly Money[], currency: Currency = 'CNY'): Money {
    return amounts.reduce((total, m) => total.plus(m), Money.zero(currency));
  }

  plus(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.value.plus(other.value), this.currency);
  }

  minus(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.value.minus(other.value), this.currency);
  }

  /**
   * Multiplies by a rate such as a contribution rate ("0.005") and rounds in one explicit, configured step
   * (rules §3.4). The product is exact before rounding, so 12 345.67 × 0.5 % = 61.72835 → 61.73 / 61.80.
   */
  applyRate(rate: string, rounding: RoundingRule): Money {
    if (!RATE_PATTERN.test(rate)) {
      throw new DomainError('INVALID_AMOUNT', `"${rate}" is not a non-negative decimal rate`);
    }
    const { places, mode } = ROUNDING[rounding];
    return new Money(this.value.times(rate).toDecimalPlaces(places, mode), this.currency);
  }

  /** Splits into `parts` instalments that add up exactly; leftover fen go to the first instalments. */
  allocate(parts: number): Money[] {
    if (!Number.isInteger(parts) || parts < 1 || this.value.isNegative()) {
      throw new DomainError('INVALID_AMOUNT', 'allocate() needs a non-negative amount and a positive integer');
    }
    const fen = this.value.times(100);
    const share = fen.dividedToIntegerBy(parts);
    const leftover = fen.minus(share.times(parts)).toNumber(); // always < parts, so safe as a number
    return Array.from({ length: parts }, (_, i) => new Money(share.plus(i < leftover ? 1 : 0).dividedBy(100), this.currency));
  }

  compare(other: Money): -1 | 0 | 1 {
    this.assertSameCurrency(other);
    return this.value.comparedTo(other.value) as -1 | 0 | 1;
  }

  equals(other: Money): boolean {
    return this.currency === other.currency && this.value.equals(other.value);
  }

  isZero(): boolean {
    return this.value.isZero();
  }

  isNegative(): boolean {
    // decimal.js keeps a signed zero: "-0.00" is zero, not a negative amount.
    return this.value.isNegative() && !this.value.isZero();
  }

  toDecimal(): Decimal {
    return this.value;
  }

  /** Always two decimals: "8000.00". */
  toString(): string {
    return this.value.toFixed(2);
  }

  toDTO(): MoneyDTO {
    return { amount: this.toString(), currency: this.currency };
  }

  toJSON(): MoneyDTO {
    return this.toDTO();
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) {
      throw new DomainError('CURRENCY_MISMATCH', 'Cannot combine amounts in different currencies');
    }
  }
}

// Two decimals, at most 12 digits of yuan, no leading zero: such an amount is under 10^14 fen.
const TALLY_AMOUNT = /^(0|[1-9]\d{0,11})\.\d\d$/;
// The whole fen of the tally move into its Decimal before they could pass 2^53 (about 9 × 10^15).
const TALLY_CARRY = 1e15;

/**
 * A running total of many amounts, exact to the fen without a Decimal per amount (a bank file adds a million): an
 * amount written with two decimals and at most 12 digits of yuan is added as whole fen in a number, which stays an
 * exact integer because it is carried into the Decimal total before it reaches 10^15 fen; any other amount goes
 * through Money (and is refused as Money refuses it). Principle 2 holds: no amount is ever a fraction in binary.
 */
export class MoneyTally {
  private fen = 0;
  private carried = Money.zero();

  add(amount: string): void {
    if (!TALLY_AMOUNT.test(amount)) {
      this.carried = this.carried.plus(Money.of(amount));
      return;
    }
    const point = amount.length - 3;
    this.fen += Number(amount.slice(0, point)) * 100 + Number(amount.slice(point + 1));
    if (this.fen >= TALLY_CARRY) this.carry();
  }

  total(): Money {
    this.carry();
    return this.carried;
  }

  private carry(): void {
    const cents = this.fen % 100;
    this.carried = this.carried.plus(Money.of(`${(this.fen - cents) / 100}.${String(cents).padStart(2, '0')}`));
    this.fen = 0;
  }
}
