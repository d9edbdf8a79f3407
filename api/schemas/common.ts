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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when y-m-d names a day that exists in the proleptic Gregorian calendar (leap years included). */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A date the law counts, 'YYYY-MM-DD' (Asia/Shanghai calendar day, no time, no zone — domain-rules principle 3). */
export const IsoDate = z
  .string()
  .regex(ISO_DATE, { error: 'must be a date written YYYY-MM-DD' })
  .refine(
    (s) => {
      const m = ISO_DATE.exec(s);
      return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
    },
    { error: 'is not a real calendar date', abort: true },
  )
  .openapi({ example: '2025-03-01', format: 'date' });

/** An instant: ISO 8601 date-time with an explicit offset (`Z` or `+08:00`), never a bare local time. */
export const Instant = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time with an offset, e.g. 2025-03-01T09:30:00+08:00' })
  .openapi({ example: '2025-03-01T09:30:00+08:00' });

// numeric(18,2): at most 16 digits before the point.
const AMOUNT = /^(0|[1-9]\d{0,15})(\.\d{1,2})?$/;

/**
 * Money as a non-negative decimal string with at most two places (api-contract.md, General; domain-rules
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

/** A 6-digit administrative division code (GB/T 2260), checked by the domain's parser. */
export const RegionCode = z
  .string()
  .regex(/^\d{6}$/, { error: 'must be a 6-digit administrative division code, e.g. 330102' })
  .superRefine(refusedBy(parseRegionCode))
  .openapi({ example: '330102' });

/**
 * Resident identity number (GB 11643-1999, domain-rules §1.1, E7): 17 digits and a MOD 11-2 check character,
 * a real birth date and a known province. A lowercase `x` is accepted and stored uppercase. The message names
 * what is wrong ("wrong check character: expected "X", got "1"") without echoing the number.
 */
export const CitizenIdField = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine(refusedBy(parseCitizenId))
  .openapi({ example: '11010519491231002X', minLength: 18, maxLength: 18 });

/**
 * Unified social credit code (GB 32100-2015, domain-rules §1.2): the structure and character set are enforced; a
 * failed check character is not, because some early pilot codes fail it legitimately (§1.2, known exceptions —
 * the domain's `warn` mode). Routes that must be strict call parseCreditCode(code, 'strict') themselves.
 */
export const CreditCodeField = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine(refusedBy((s) => parseCreditCode(s, 'warn')))
  .openapi({ example: '9144030071526726XG', minLength: 18, maxLength: 18 });

export const insuranceTypes = ['pension', 'medical', 'unemployment', 'workInjury'] as const;
export type InsuranceType = (typeof insuranceTypes)[number];

/** The four insurances a person is enrolled in; maternity is merged into medical (design.md). */
export const InsuranceTypeField = z
  .enum(insuranceTypes, { error: `must be one of ${insuranceTypes.join(', ')}` })
  .openapi({ example: 'pension' });
