import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors.js';
import { citizenIdCheckChar, convertLegacyCitizenId, isCitizenId, parseCitizenId } from '../../../domain/identity/citizen-id.js';

/** A valid number for any 17-character body, using the check character verified against E7 below. */
const withCheck = (body17: string): string => body17 + citizenIdCheckChar(body17);

const reasonFor = (input: string, opts?: { today?: string }): string => {
  try {
    parseCitizenId(input, opts);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('INVALID_CITIZEN_ID');
    return (err as DomainError).message;
  }
  throw new Error(`expected ${input} to be refused`);
};

describe('citizenIdCheckChar', () => {
  it('computes X for the GB 11643 example body 11010519491231002 (E7, S = 167)', () => {
    expect(citizenIdCheckChar('11010519491231002')).toBe('X');
  });

  it('computes 4 for the second vector 44052418800101001 (E7, S = 195)', () => {
    expect(citizenIdCheckChar('44052418800101001')).toBe('4');
  });

  it('gives 1 when S mod 11 = 0 and 0 when it is 1 (§1.1 lookup "10X98765432")', () => {
    // 7 × 1 = 7 … pick bodies whose weighted sum is known: only position 8 (weight 1) set.
    expect(citizenIdCheckChar('00000000000000000')).toBe('1');
    expect(citizenIdCheckChar('00000001000000000')).toBe('0');
    expect(citizenIdCheckChar('00000002000000000')).toBe('X');
    expect(citizenIdCheckChar('00000003000000000')).toBe('9');
  });

  it('refuses a body that is not 17 digits', () => {
    expect(() => citizenIdCheckChar('1101051949123100')).toThrow(/17 digits/);
    expect(() => citizenIdCheckChar('1101051949123100A')).toThrow(DomainError);
  });
});

describe('parseCitizenId', () => {
  it('parses the GB 11643 example into address code, birth date and sex (§1.1, E7: female)', () => {
    expect(parseCitizenId('11010519491231002X')).toEqual({
      value: '11010519491231002X',
      addressCode: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('reads an odd 17th digit as male (§1.1, E7 second vector)', () => {
    expect(parseCitizenId('440524188001010014')).toMatchObject({ birthDate: '1880-01-01', sex: 'male' });
  });

  it('accepts a lower-case x and stores it upper case (§1.1 validation practice)', () => {
    expect(parseCitizenId('11010519491231002x').value).toBe('11010519491231002X');
  });

  it('says how long the input was when the length is wrong', () => {
    expect(reasonFor('11010519491231002')).toMatch(/18 characters, got 17/);
    expect(reasonFor('11010519491231002XX')).toMatch(/got 19/);
    expect(reasonFor('')).toMatch(/got 0/);
  });

  it('points at a legacy 15-digit number instead of calling it garbage (§1.1 legacy numbers)', () => {
    expect(reasonFor('110105491231002')).toMatch(/legacy 15-digit/);
  });

  it('names the position of a non-digit in the body', () => {
    expect(reasonFor('1101051949123A002X')).toMatch(/character 14 must be a digit/);
    expect(reasonFor('11010519491231002Y')).toMatch(/character 18 must be a digit or X/);
  });

  it('refuses an unknown province-level code but accepts 71, 81, 82 and 83 (§1.1)', () => {
    expect(reasonFor(withCheck('99010519491231002'))).toMatch(/"99" is not a province-level code/);
    expect(reasonFor(withCheck('20010519491231002'))).toMatch(/"20"/);
    for (const p of ['11', '15', '21', '37', '46', '54', '65', '71', '81', '82', '83']) {
      expect(isCitizenId(withCheck(`${p}010519800101001`)), p).toBe(true);
    }
  });

  it('does not check the address code against the current GB/T 2260 list (§1.1: frozen at issue)', () => {
    expect(isCitizenId(withCheck('33999919800101001'))).toBe(true);
  });

  it('accepts 29 Feb only in leap years, 2000 included and 1900 excluded (§1.1)', () => {
    expect(parseCitizenId(withCheck('11010520000229001')).birthDate).toBe('2000-02-29');
    expect(parseCitizenId(withCheck('11010519960229001')).birthDate).toBe('1996-02-29');
    expect(reasonFor(withCheck('11010519000229001'))).toMatch(/not a real birth date \(not a leap year\)/);
    expect(reasonFor(withCheck('11010520010229001'))).toMatch(/not a leap year/);
  });

  it('refuses impossible months and days with a precise reason', () => {
    expect(reasonFor(withCheck('11010519491331002'))).toMatch(/no such month/);
    expect(reasonFor(withCheck('11010519490431002'))).toMatch(/only 30 days/);
    expect(reasonFor(withCheck('11010519490100002'))).toMatch(/no day 00/);
  });

  it('refuses a birth date in the future when today is given, and accepts one born today (§1.1)', () => {
    const id = withCheck('11010520250601001');
    expect(reasonFor(id, { today: '2025-05-31' })).toMatch(/in the future/);
    expect(parseCitizenId(id, { today: '2025-06-01' }).birthDate).toBe('2025-06-01');
    expect(isCitizenId(id)).toBe(true); // without today the future is not known
  });

  it('refuses a birth year before 1800 as a typing error', () => {
    expect(reasonFor(withCheck('11010517990101001'))).toMatch(/before 1800/);
  });

  it('says which check character was expected when it is wrong (§1.1, E7)', () => {
    expect(reasonFor('110105194912310021')).toMatch(/expected "X", got "1"/);
    expect(reasonFor('440524188001010015')).toMatch(/expected "4", got "5"/);
  });

  it('never echoes the birth date in a refusal (messages are personal-data free)', () => {
    expect(reasonFor(withCheck('11010519000229001'))).not.toContain('1900');
    expect(reasonFor('110105194912310021')).not.toContain('19491231');
  });
});

describe('isCitizenId', () => {
  it('is true for a valid number and false for any refusal, without throwing', () => {
    expect(isCitizenId('11010519491231002X')).toBe(true);
    expect(isCitizenId('110105194912310021')).toBe(false);
    expect(isCitizenId('not an id')).toBe(false);
  });
});

describe('convertLegacyCitizenId', () => {
  it('inserts 19 and appends the check character (§1.1, E7: 110105491231002 → 11010519491231002X)', () => {
    expect(convertLegacyCitizenId('110105491231002')).toBe('11010519491231002X');
  });

  it('refuses input that is not 15 digits or whose birth date is impossible', () => {
    expect(() => convertLegacyCitizenId('11010549123100')).toThrow(/15 digits/);
    expect(() => convertLegacyCitizenId('11010549123100X')).toThrow(/15 digits/);
    expect(() => convertLegacyCitizenId('110105490230002')).toThrow(/not a real birth date/);
  });
});
