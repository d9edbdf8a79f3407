import { compareDates, daysInMonth, isIsoDate } from '../calendar/local-date.js';
import { DomainError } from '../errors.js';

/** A validated resident identity number, which is also the social security number (rules §1.1). */
export interface CitizenId {
  /** 18 characters, check character `X` in upper case. */
  value: string;
  /** Positions 1–6: the county of household registration when the number was issued (frozen; may no longer exist). */
  addressCode: string;
  /** Positions 7–14 as YYYY-MM-DD. */
  birthDate: string;
  /** From position 17: odd = male, even = female. */
  sex: 'male' | 'female';
}

// ISO 7064 MOD 11-2 weights for positions 1–17 and the check character for S mod 11 (rules §1.1, E7).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

// Province-level codes 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82, 83 (rules §1.1).
const PROVINCE_CODES: ReadonlySet<string> = new Set(
  [
    [11, 15],
    [21, 23],
    [31, 37],
    [41, 46],
    [50, 54],
    [61, 65],
    [71, 71],
    [81, 83],
  ].flatMap(([from = 0, to = 0]) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i))),
);

// Nobody alive or in migrated records was born before this; earlier years are typing errors, not people.
const EARLIEST_BIRTH_YEAR = 1800;

// Reasons name positions, not values: error messages are returned and may be logged, and a birth date is personal data.
function invalid(reason: string): DomainError {
  return new DomainError('INVALID_CITIZEN_ID', reason);
}

function describeBadDate(yyyymmdd: string): string {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1) return 'no year 0000';
  if (month < 1 || month > 12) return 'no such month';
  if (month === 2 && day === 29) return 'not a leap year';
  return day < 1 ? 'no day 00' : `that month has only ${daysInMonth(year, month)} days`;
}

/** True when `code` (2 digits) is a province-level code accepted at the head of an ID number (rules §1.1). */
export function isProvinceCode(code: string): boolean {
  return PROVINCE_CODES.has(code);
}

/**
 * The check character for 17 body digits — GB 11643-1999, ISO 7064 MOD 11-2 (rules §1.1, E7):
 * `citizenIdCheckChar('11010519491231002') === 'X'`.
 */
export function citizenIdCheckChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw invalid(`the body must be exactly 17 digits (got ${body17.length} characters)`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(body17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

const WELL_FORMED = /^\d{17}[0-9X]$/;

// A roster checks a million numbers against the same business day: that day is validated once (compareDates throws
// for a malformed date, as it would on every call), then two valid YYYY-MM-DD dates order as their text does.
let checkedToday: string | undefined;
function bornAfter(birthDate: string, today: string): boolean {
  if (today !== checkedToday) {
    compareDates(today, today);
    checkedToday = today;
  }
  return birthDate > today;
}

/**
 * Parses and validates an 18-character resident identity number (rules §1.1): length and characters,
 * province code, a real birth date (leap years), not after `today` when given, and the check character.
 * Lower-case `x` is accepted and stored upper case. The address code is deliberately not checked against the
 * current GB/T 2260 list — it is frozen at issue and counties are renamed over time.
 * @throws DomainError INVALID_CITIZEN_ID with the precise reason.
 */
export function parseCitizenId(input: string, opts: { today?: string } = {}): CitizenId {
  if (input.length !== 18) {
    if (/^\d{15}$/.test(input)) {
      throw invalid('this is a legacy 15-digit number; convert it to 18 characters first');
    }
    throw invalid(`must be 18 characters, got ${input.length}`);
  }
  const value = input.toUpperCase();
  // The shape in one test (a bank file checks a million); the character at fault is looked for only when it fails.
  if (!WELL_FORMED.test(value)) {
    const badDigit = [...value.slice(0, 17)].findIndex((c) => c < '0' || c > '9');
    if (badDigit >= 0) {
      throw invalid(`character ${badDigit + 1} must be a digit, got "${value.charAt(badDigit)}"`);
    }
    throw invalid(`character 18 must be a digit or X, got "${input.charAt(17)}"`);
  }
  if (!isProvinceCode(value.slice(0, 2))) {
    throw invalid(`"${value.slice(0, 2)}" is not a province-level code`);
  }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isIsoDate(birthDate)) {
    throw invalid(`characters 7–14 are not a real birth date (${describeBadDate(value.slice(6, 14))})`);
  }
  if (Number(value.slice(6, 10)) < EARLIEST_BIRTH_YEAR) {
    throw invalid(`characters 7–10 give a birth year before ${EARLIEST_BIRTH_YEAR}`);
  }
  if (opts.today !== undefined && bornAfter(birthDate, opts.today)) {
    throw invalid('the birth date (characters 7–14) is in the future');
  }
  const expected = citizenIdCheckChar(value.slice(0, 17));
  if (value.charAt(17) !== expected) {
    throw invalid(`wrong check character: expected "${expected}", got "${value.charAt(17)}"`);
  }
  return {
    value,
    addressCode: value.slice(0, 6),
    birthDate,
    sex: Number(value.charAt(16)) % 2 === 1 ? 'male' : 'female',
  };
}

/** True when `input` is a valid 18-character resident identity number (see {@link parseCitizenId}). */
export function isCitizenId(input: string, opts: { today?: string } = {}): boolean {
  try {
    parseCitizenId(input, opts);
    return true;
  } catch (err) {
    if (err instanceof DomainError) return false;
    throw err;
  }
}

/**
 * Converts a first-generation 15-digit number (6 address + YYMMDD + 3 sequence) to 18 characters by inserting
 * "19" before the birth year and appending the check character (rules §1.1, E7):
 * `convertLegacyCitizenId('110105491231002') === '11010519491231002X'`.
 * @throws DomainError INVALID_CITIZEN_ID when the input is not 15 digits or the result is invalid.
 */
export function convertLegacyCitizenId(id15: string): string {
  if (!/^\d{15}$/.test(id15)) {
    throw invalid(`a legacy number must be exactly 15 digits (got ${id15.length} characters)`);
  }
  const body = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return parseCitizenId(body + citizenIdCheckChar(body)).value;
}
