import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors.js';
import { creditCodeCheckChar, isCreditCode, organisationCodeCheckChar, parseCreditCode } from '../../../domain/identity/credit-code.js';

const refusal = (input: string, mode: 'strict' | 'warn' = 'strict'): DomainError => {
  try {
    parseCreditCode(input, mode);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('INVALID_CREDIT_CODE');
    return err as DomainError;
  }
  throw new Error(`expected ${input} to be refused`);
};

describe('creditCodeCheckChar', () => {
  it('computes G for the published code 9144030071526726XG (§1.2, E8: S = 1782)', () => {
    expect(creditCodeCheckChar('9144030071526726X')).toBe('G');
  });

  it('computes 6 for the second vector 914403001922038216 (E8: S = 831)', () => {
    expect(creditCodeCheckChar('91440300192203821')).toBe('6');
  });

  it('maps c = 31 to 0 (§1.2)', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
    expect(creditCodeCheckChar('10000000000000000')).toBe('Y'); // S = 1 → c = 30 → Y
  });

  it('refuses a body of the wrong length or with a character outside the charset', () => {
    expect(() => creditCodeCheckChar('9144030071526726')).toThrow(/17 characters/);
    expect(() => creditCodeCheckChar('9144030071526726I')).toThrow(/character 17/);
  });
});

describe('organisationCodeCheckChar', () => {
  it('computes X for 71526726 (GB 11714, E8: S = 199)', () => {
    expect(organisationCodeCheckChar('71526726')).toBe('X');
  });

  it('maps c = 11 to 0 and values letters over the full alphabet (§1.2)', () => {
    expect(organisationCodeCheckChar('00000000')).toBe('0');
    // A = 10 at weight 3 → S = 30, 30 mod 11 = 8, 11 − 8 = 3.
    expect(organisationCodeCheckChar('A0000000')).toBe('3');
  });
});

describe('parseCreditCode', () => {
  it('splits the E8 code into authority, category, region and organisation code', () => {
    expect(parseCreditCode('9144030071526726XG')).toEqual({
      value: '9144030071526726XG',
      authority: '9',
      category: '1',
      regionCode: '440300',
      organisationCode: '71526726X',
      warnings: [],
    });
  });

  it('accepts lower-case input and stores it upper case', () => {
    expect(parseCreditCode('9144030071526726xg').value).toBe('9144030071526726XG');
  });

  it('accepts an unknown registration authority inside the charset (§1.2: do not hard-reject)', () => {
    const code = `A2440300${'71526726'}${organisationCodeCheckChar('71526726')}`;
    expect(parseCreditCode(code + creditCodeCheckChar(code))).toMatchObject({ authority: 'A', category: '2' });
  });

  it('refuses the wrong length and says how long it was', () => {
    expect(refusal('9144030071526726X').message).toMatch(/18 characters, got 17/);
  });

  it('always refuses a character outside the 31-symbol set, even in warn mode (§1.2)', () => {
    expect(refusal('9144030071526726XI', 'warn').message).toMatch(/character 18 \("I"\)/);
    expect(refusal('91440300715267260Z', 'warn').message).toMatch(/not allowed/);
    expect(refusal('914403007152-726XG', 'warn').message).toMatch(/character 13/);
  });

  it('always refuses a region segment that is not 6 digits', () => {
    const code = '91A40300' + '71526726X';
    expect(refusal(code + creditCodeCheckChar(code), 'warn').message).toMatch(/characters 3–8/);
  });

  it('refuses a wrong check character in strict mode and names the expected one (§1.2, E8)', () => {
    expect(refusal('9144030071526726XH').message).toMatch(/check character \(18th\) is "H", expected "G"/);
  });

  it('refuses a wrong embedded organisation-code check in strict mode (GB 11714, §1.2)', () => {
    const code = '9144030071526726' + '1';
    expect(refusal(code + creditCodeCheckChar(code)).message).toMatch(/organisation-code check character \(17th\) is "1", expected "X"/);
  });

  it('returns checksum failures as warnings in warn mode for manual confirmation (§1.2 known exceptions)', () => {
    const parsed = parseCreditCode('9144030071526726XH', 'warn');
    expect(parsed.value).toBe('9144030071526726XH');
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0]).toMatch(/expected "G".*confirm/);
    const both = parseCreditCode('91440300715267261H', 'warn');
    expect(both.warnings).toHaveLength(2);
  });

  it('is strict by default', () => {
    expect(() => parseCreditCode('9144030071526726XH')).toThrow(DomainError);
    expect(isCreditCode('9144030071526726XH')).toBe(false);
    expect(isCreditCode('914403001922038216')).toBe(true);
  });
});
