import { DomainError } from '../errors.js';

/** A structurally valid unified social credit code (统一社会信用代码, rules §1.2). */
export interface CreditCode {
  /** 18 characters, upper case. */
  value: string;
  /** Position 1: registration authority (9 market regulation, 5 civil affairs, 1 establishment, Y other, …). */
  authority: string;
  /** Position 2: organisation category within the authority (91 enterprise, 92 individual business, …). */
  category: string;
  /** Positions 3–8: administrative division of the registering authority (GB/T 2260). */
  regionCode: string;
  /** Positions 9–17: the GB 11714 organisation code, its own check character last. */
  organisationCode: string;
  /** Checksum failures accepted in `warn` mode; each needs manual confirmation against the register. */
  warnings: string[];
}

/** `strict` refuses checksum failures; `warn` returns them in `warnings` (some early pilot codes fail, §1.2). */
export type CreditCodeMode = 'strict' | 'warn';

/** The 31 symbols of GB 32100; a symbol's value is its index (I, O, S, V, Z are never used). */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// Weights 3^(i−1) mod 31 for positions 1–17 (rules §1.2, E8).
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
// GB 11714 weights for positions 9–16.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

function invalid(reason: string): DomainError {
  return new DomainError('INVALID_CREDIT_CODE', reason);
}

/** GB 11714 letters are valued over the full alphabet (A=10 … Z=35), unlike GB 32100's 31-symbol set. */
function orgValue(c: string): number {
  return /^\d$/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
}

/**
 * The GB 11714 check character of an 8-character organisation-code body (rules §1.2, E8):
 * `organisationCodeCheckChar('71526726') === 'X'`.
 */
export function organisationCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw invalid('an organisation-code body must be 8 digits or capital letters');
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += orgValue(body8.charAt(i)) * (ORG_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * The GB 32100 check character for a 17-character body (rules §1.2, E8):
 * `creditCodeCheckChar('9144030071526726X') === 'G'`.
 */
export function creditCodeCheckChar(body17: string): string {
  if (body17.length !== 17) throw invalid(`the body must be 17 characters (got ${body17.length})`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_CHARSET.indexOf(body17.charAt(i));
    if (value < 0) throw invalid(`character ${i + 1} ("${body17.charAt(i)}") is not in the GB 32100 character set`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Parses a unified social credit code (GB 32100-2015, rules §1.2). Malformed structure or characters always
 * throw; a failed check character (overall, or the embedded GB 11714 organisation code) throws in `strict` mode and
 * is returned in `warnings` in `warn` mode. An unknown registration authority inside the character set is accepted.
 * Lower-case input is accepted and stored upper case.
 * @throws DomainError INVALID_CREDIT_CODE with the precise reason.
 */
export function parseCreditCode(input: string, mode: CreditCodeMode = 'strict'): CreditCode {
  if (input.length !== 18) throw invalid(`must be 18 characters, got ${input.length}`);
  const value = input.toUpperCase();
  for (let i = 0; i < 18; i += 1) {
    const c = value.charAt(i);
    if (!CREDIT_CODE_CHARSET.includes(c)) {
      throw invalid(`character ${i + 1} ("${input.charAt(i)}") is not allowed (I, O, S, V, Z and symbols are never used)`);
    }
  }
  const regionCode = value.slice(2, 8);
  if (!/^\d{6}$/.test(regionCode)) {
    throw invalid('characters 3–8 must be the 6-digit region code of the registering authority');
  }
  const organisationCode = value.slice(8, 17);
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(organisationCode)) {
    throw invalid('characters 9–17 must be an organisation code (8 digits or letters, then a digit or X)');
  }

  const failures: string[] = [];
  const orgExpected = organisationCodeCheckChar(organisationCode.slice(0, 8));
  if (organisationCode.charAt(8) !== orgExpected) {
    failures.push(`organisation-code check character (17th) is "${organisationCode.charAt(8)}", expected "${orgExpected}"`);
  }
  const expected = creditCodeCheckChar(value.slice(0, 17));
  if (value.charAt(17) !== expected) {
    failures.push(`check character (18th) is "${value.charAt(17)}", expected "${expected}"`);
  }
  if (mode === 'strict' && failures.length > 0) throw invalid(`wrong ${failures.join('; ')}`);

  return {
    value,
    authority: value.charAt(0),
    category: value.charAt(1),
    regionCode,
    organisationCode,
    warnings: failures.map((f) => `${f} — confirm against the registration system`),
  };
}

/** True when `input` is a credit code that passes every check (strict mode). */
export function isCreditCode(input: string): boolean {
  try {
    parseCreditCode(input, 'strict');
    return true;
  } catch (err) {
    if (err instanceof DomainError) return false;
    throw err;
  }
}
