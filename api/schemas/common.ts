// Reusable request/response fields. Each refuses bad input with a message that says what is wrong, and the
// validation hook reports it under the field's own path (e.g. `monthlyWage`, `person.citizenId`).
import { z } from '@hono/zod-openapi';
import { DomainError } from '../../domain/errors.js';
import { parseCitizenId } from '../../domain/identity/citizen-id.js';
import { parseCreditCode } from '../../domain/identity/credit-code.js';
import { parseRegionCode } from '../../domain/region-code.js';

/** Runs a domain parser as a zod check, so the field is refused with the parser's own precise reason. */
const refusedBy =
  (parse: (s: string) => unknown) =>
  (s: string, ctx: z.RefinementCtx<string>): void => {
    try {
      parse(s);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      ctx.addIssue({ code: 'custom', message: err.message });
    }
  };

// Years 1900–2199: every date this system counts (births, hires, deadlines) lies there; a year 0096 is a typing error.
const ISO_DATE = /^((?:19|2[01])\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True when y-m-d names a day that exists in the proleptic Gregorian calendar (leap years included). */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999.
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * A date the law counts, 'YYYY-MM-DD' (Asia/Shanghai calendar day, no time, no zone — rules principle 3), in
 * the years 1900–2199. The pattern declares the shape; `format: date` declares that it is a real calendar day.
 */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD', abort: true })
  .refine(
    (s) => {
      const year = Number(s.slice(0, 4));
      return year >= 1900 && year <= 2199;
    },
    { error: 'must be a date in the years 1900 to 2199', abort: true },
  )
  .refine((s) => isCalendarDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))), {
    error: 'is not a real calendar date',
    abort: true,
  })
  .openapi({ example: '2025-03-01', format: 'date', pattern: ISO_DATE.source });

const ISO_MONTH = /^(?:19|2[01])\d{2}-(0[1-9]|1[0-2])$/;

/** A calendar month 'YYYY-MM' (a contribution period, the first month of a change), years 1900–2199. */
export const IsoMonth = z
  .string()
  .regex(ISO_MONTH, { error: 'must be a month written YYYY-MM between 1900 and 2199' })
  .openapi({ example: '2026-10', pattern: ISO_MONTH.source });

/** An instant: ISO 8601 date-time with an explicit offset (`Z` or `+08:00`), never a bare local time. */
export const Instant = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time with an offset, e.g. 2025-03-01T09:30:00+08:00' })
  .openapi({ example: '2025-03-01T09:30:00+08:00' });

// numeric(18,2): at most 16 digits before the point.
const AMOUNT = /^(0|[1-9]\d{0,15})(\.\d{1,2})?$/;

/**
 * Money as a non-negative decimal string with at most two places (docs/api.md, General; rules
 * principle 2). A JSON number is refused: binary floating point must never carry an amount.
 */
export const Amount = z
  .string({ error: 'must be a decimal string such as "8000.00", not a number' })
  .superRefine((s, ctx) => {
    if (AMOUNT.test(s)) return;
    let message = 'must be a non-negative decimal string with at most 2 decimal places, e.g. "8000.00"';
    if (/^\d+\.\d{3,}$/.test(s)) message = `has more than 2 decimal places ("${s}"); amounts are in yuan and fen`;
    else if (s.startsWith('-')) message = 'must not be negative';
    else if (/^\d{17,}(\.\d*)?$/.test(s)) message = 'is too large (at most 16 digits before the decimal point)';
    ctx.addIssue({ code: 'custom', message });
  })
  .openapi({ example: '8000.00', pattern: AMOUNT.source });

// Province-level prefixes of GB/T 2260 (rules §1.1), the same list domain/identity/citizen-id.ts checks.
const PROVINCE = '(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3])';
// A known province, then either a prefecture (not 00) with any county digits, or 0000 for the province itself.
const REGION_CODE = new RegExp(`^${PROVINCE}(?:0000|(?:0[1-9]|[1-9]\\d)\\d{2})$`);

// More than zero: 0.01 to 16 digits, no leading zeros; the same two places as Amount.
const POSITIVE_AMOUNT = /^(0\.(0[1-9]|[1-9]\d?)|[1-9]\d{0,15}(\.\d{1,2})?)$/;

/** An amount that must be more than zero (a payment, a wage): Amount, and not 0 / 0.0 / 0.00. */
export const PositiveAmount = Amount.refine((a) => POSITIVE_AMOUNT.test(a), { error: 'must be more than zero' }).openapi({
  example: '8000.00',
  pattern: POSITIVE_AMOUNT.source,
});

/** A multipart file part (`format: binary`), required and not empty. */
export const FilePart = (description: string) =>
  z
    .custom<File>((value) => value instanceof File, { error: 'must be a file part named "file"' })
    .openapi({ type: 'string', format: 'binary', minLength: 1, description });

/** A 6-digit administrative division code (GB/T 2260), checked by the domain's parser; the pattern says the same. */
export const RegionCode = z
  .string()
  .regex(/^\d{6}$/, { error: 'must be a 6-digit administrative division code, e.g. 330102' })
  .superRefine(refusedBy(parseRegionCode))
  .openapi({ example: '330102', pattern: REGION_CODE.source });

// Structure of GB 11643: province, 4 address digits, a birth date from 1800, 3 sequence digits, the check character.
// The check character itself (ISO 7064 MOD 11-2) and the birth date's being a real day are beyond a pattern:
// `format: citizen-id` names them (docs/api.md, Formats).
const CITIZEN_ID = new RegExp(`^${PROVINCE}\\d{4}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]$`);

/** How a citizen ID is described in the document, for fields that leave the check to the command (declaration rows). */
export const citizenIdDocumentation = {
  example: '11010519491231002X',
  minLength: 18,
  maxLength: 18,
  pattern: CITIZEN_ID.source,
  format: 'citizen-id',
} as const;

/**
 * Resident identity number (GB 11643-1999, rules §1.1, E7): 17 digits and a MOD 11-2 check character,
 * a real birth date and a known province. A lowercase `x` is accepted and stored uppercase. The message names
 * what is wrong ("wrong check character: expected "X", got "1"") without echoing the number.
 */
export const CitizenIdField = z.string().trim().toUpperCase().superRefine(refusedBy(parseCitizenId)).openapi(citizenIdDocumentation);

// GB 32100 character set (digits and capitals without I, O, S, V, Z); characters 3–8 a region code, 9–17 the GB 11714
// organisation code ending in a digit or X. The check characters are not enforced here (§1.2, warn mode).
const CREDIT_CHAR = '[0-9A-HJ-NP-RTUWXY]';
const CREDIT_CODE = new RegExp(`^${CREDIT_CHAR}{2}\\d{6}${CREDIT_CHAR}{8}[0-9X]${CREDIT_CHAR}$`);

/**
 * Unified social credit code (GB 32100-2015, rules §1.2): the structure and character set are enforced; a
 * failed check character is not, because some early pilot codes fail it legitimately (§1.2, known exceptions —
 * the domain's `warn` mode). Routes that must be strict call parseCreditCode(code, 'strict') themselves.
 */
export const CreditCodeField = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine(refusedBy((s) => parseCreditCode(s, 'warn')))
  .openapi({ example: '9144030071526726XG', minLength: 18, maxLength: 18, pattern: CREDIT_CODE.source });

export const insuranceTypes = ['pension', 'medical', 'unemployment', 'workInjury'] as const;
export type InsuranceType = (typeof insuranceTypes)[number];

/** The four insurances a person is enrolled in; maternity is merged into medical (docs/architecture.md). */
export const InsuranceTypeField = z.enum(insuranceTypes, { error: `must be one of ${insuranceTypes.join(', ')}` }).openapi({ example: 'pension' });

/** A choice of insurances: at least one, none twice. */
export const InsuranceTypeList = z
  .array(InsuranceTypeField)
  .min(1, { error: 'choose at least one insurance' })
  .refine((types) => new Set(types).size === types.length, { error: 'lists an insurance twice' })
  .openapi({ uniqueItems: true });
