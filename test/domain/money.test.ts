import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { AMOUNT_PATTERN, Money, MoneyTally, isMoneyDTO, isRate } from '../../domain/money.js';

const amount = (m: Money): string => m.toString();

describe('Money', () => {
  it('is built from a decimal string with one argument and prints two decimals', () => {
    expect(Money.of('8000').toString()).toBe('8000.00');
    expect(Money.of('8000.5').toString()).toBe('8000.50');
    expect(Money.of('0.01').currency).toBe('CNY');
  });

  it('refuses a third decimal, exponent notation, blanks and other junk (principle 2: no float money)', () => {
    for (const bad of ['1.005', '1e3', '', ' 1.00', '1,000.00', '0x10', 'NaN', '1.', '.5', '12345678901234567']) {
      expect(() => Money.of(bad), bad).toThrow(DomainError);
    }
    expect(() => Money.of('1.005')).toThrow(/at most 2 decimals/);
  });

  it('accepts a negative amount for ledger corrections', () => {
    expect(Money.of('-12.30').toString()).toBe('-12.30');
    expect(Money.of('-12.30').isNegative()).toBe(true);
  });

  it('adds and subtracts exactly where binary floating point would not (principle 2)', () => {
    expect(amount(Money.of('0.10').plus(Money.of('0.20')))).toBe('0.30');
    expect(amount(Money.of('100.00').minus(Money.of('0.01')))).toBe('99.99');
    expect(amount(Money.of('1.00').minus(Money.of('2.50')))).toBe('-1.50');
  });

  it('sums a list of amounts, and an empty list to zero', () => {
    expect(amount(Money.sum([Money.of('1920'), Money.of('1080'), Money.of('60'), Money.of('48')]))).toBe('3108.00');
    expect(Money.sum([]).isZero()).toBe(true);
  });

  it('rounds 12 345.67 × 0.5 % = 61.72835 to 61.73 (HALF_UP_FEN) and 61.80 (CEIL_JIAO) (§3.4, E1 step 6)', () => {
    const base = Money.of('12345.67');
    expect(amount(base.applyRate('0.005', 'HALF_UP_FEN'))).toBe('61.73');
    expect(amount(base.applyRate('0.005', 'CEIL_JIAO'))).toBe('61.80');
    expect(amount(base.applyRate('0.005', 'HALF_UP_JIAO'))).toBe('61.70');
    expect(amount(base.applyRate('0.005', 'HALF_UP_YUAN'))).toBe('62.00');
  });

  it('rounds 12 345.67 × 8 % = 987.6536 to 987.65 and 987.70 (§3.4, E1 step 6)', () => {
    const base = Money.of('12345.67');
    expect(amount(base.applyRate('0.08', 'HALF_UP_FEN'))).toBe('987.65');
    expect(amount(base.applyRate('0.08', 'CEIL_JIAO'))).toBe('987.70');
  });

  it('does not move an amount that is already a whole jiao under CEIL_JIAO (§3.4 见分进角)', () => {
    expect(amount(Money.of('12000').applyRate('0.005', 'CEIL_JIAO'))).toBe('60.00');
    expect(amount(Money.of('100.10').applyRate('1', 'CEIL_JIAO'))).toBe('100.10');
    expect(amount(Money.of('100.11').applyRate('1', 'CEIL_JIAO'))).toBe('100.20');
  });

  it('rounds exact halves up and is symmetric for negative corrections (§3.4)', () => {
    expect(amount(Money.of('0.05').applyRate('0.1', 'HALF_UP_FEN'))).toBe('0.01'); // 0.005
    expect(amount(Money.of('-0.05').applyRate('0.1', 'HALF_UP_FEN'))).toBe('-0.01');
    expect(amount(Money.of('-100.11').applyRate('1', 'CEIL_JIAO'))).toBe('-100.20');
    expect(amount(Money.of('2.50').applyRate('1', 'HALF_UP_YUAN'))).toBe('3.00');
  });

  it('refuses a rate that is not a plain non-negative decimal string', () => {
    for (const bad of ['-0.1', '5%', '1e-3', '', 'abc']) {
      expect(() => Money.of('1.00').applyRate(bad, 'HALF_UP_FEN'), bad).toThrow(DomainError);
    }
  });

  it('splits an amount into instalments that add up exactly, leftover fen first', () => {
    expect(Money.of('100.00').allocate(3).map(amount)).toEqual(['33.34', '33.33', '33.33']);
    expect(Money.of('0.02').allocate(3).map(amount)).toEqual(['0.01', '0.01', '0.00']);
    expect(Money.sum(Money.of('8000.01').allocate(7)).toString()).toBe('8000.01');
  });

  it('refuses to allocate into zero, fractional parts or a negative amount', () => {
    expect(() => Money.of('10').allocate(0)).toThrow(DomainError);
    expect(() => Money.of('10').allocate(1.5)).toThrow(DomainError);
    expect(() => Money.of('-10').allocate(2)).toThrow(DomainError);
  });

  it('compares by value, not by written form', () => {
    expect(Money.of('1.5').compare(Money.of('1.50'))).toBe(0);
    expect(Money.of('1.49').compare(Money.of('1.5'))).toBe(-1);
    expect(Money.of('10').compare(Money.of('9.99'))).toBe(1);
    expect(Money.of('1.5').equals(Money.of('1.50'))).toBe(true);
  });

  it('treats zero, including negative zero, as zero and not negative', () => {
    expect(Money.zero().isZero()).toBe(true);
    expect(Money.of('-0.00').isNegative()).toBe(false);
    expect(Money.of('-0.00').toString()).toBe('0.00');
    expect(Money.of('0.01').isZero()).toBe(false);
  });

  it('serialises as a decimal string, never a JSON number, and round-trips through the DTO', () => {
    const json = JSON.parse(JSON.stringify({ m: Money.of('8000') })) as { m: unknown };
    expect(json).toEqual({ m: { amount: '8000.00', currency: 'CNY' } });
    expect(isMoneyDTO(json.m)).toBe(true);
    expect(Money.fromDTO({ amount: '8000.00', currency: 'CNY' }).equals(Money.of('8000'))).toBe(true);
    expect(isMoneyDTO({ amount: 8000, currency: 'CNY' })).toBe(false);
  });

  it('converts to and from decimal.js without losing a fen', () => {
    const m = Money.of('12345.67');
    expect(Money.fromDecimal(m.toDecimal()).toString()).toBe('12345.67');
    expect(m.toDecimal().toFixed(2)).toBe('12345.67');
  });

  it('exposes AMOUNT_PATTERN for non-negative inputs with at most 2 decimals that fit numeric(18,2)', () => {
    expect(AMOUNT_PATTERN.test('8000.00')).toBe(true);
    expect(AMOUNT_PATTERN.test('9999999999999999.99')).toBe(true);
    expect(AMOUNT_PATTERN.test('-1.00')).toBe(false);
    expect(AMOUNT_PATTERN.test('1.001')).toBe(false);
    expect(AMOUNT_PATTERN.test('12345678901234567')).toBe(false);
    expect(isRate('0.005')).toBe(true);
    expect(isRate('0.5%')).toBe(false);
  });
});

describe('MoneyTally', () => {
  it('adds many amounts to the fen exactly, as Money.sum does (principle 2)', () => {
    const amounts = Array.from({ length: 10_000 }, (_, i) => `${(i * 7919) % 100_000}.${String(i % 100).padStart(2, '0')}`);
    amounts.push('0.10', '0.20', '8000', '8000.5', '1234567890123.45', '9999999999999999.99');
    const tally = new MoneyTally();
    for (const a of amounts) tally.add(a);
    expect(tally.total().toString()).toBe(Money.sum(amounts.map((a) => Money.of(a))).toString());
  });

  it('stays exact past 2^53 fen, carrying whole fen into its Decimal', () => {
    const tally = new MoneyTally();
    for (let i = 0; i < 200; i += 1) tally.add('999999999999.99');
    expect(tally.total().toString()).toBe('199999999999998.00');
  });

  it('refuses what Money refuses', () => {
    expect(() => new MoneyTally().add('1.234')).toThrow(DomainError);
  });
});
