import { Decimal } from 'decimal.js';
import { compareDates, isIsoDate } from '../calendar/local-date.js';
import { DomainError } from '../errors.js';
import { Exact, countInput, shown } from './benefit-arithmetic.js';

/** One version of the 计发月数 table: months over which the personal account is paid out, by whole years of age. */
export interface PensionDivisorTable {
  /** YYYY-MM-DD from which this table applies to retirements, until the next table's effectiveFrom. */
  effectiveFrom: string;
  /** Whole age in years → divisor (months). Ages absent from the table are refused. */
  divisors: Readonly<Record<number, number>>;
  /** Where the table comes from, for the workings. */
  source: string;
}

/**
 * The 2005 table for ages 40–70 — 国发〔2005〕38号 annex (rules §5.1; table ◐ secondary, consistent across
 * independent implementations). In force for retirements from 1 Jan 2006.
 */
export const DIVISOR_TABLE_2006: PensionDivisorTable = {
  effectiveFrom: '2006-01-01',
  source: '国发〔2005〕38号 annex',
  // prettier-ignore
  divisors: {
    40: 233, 41: 230, 42: 226, 43: 223, 44: 220, 45: 216, 46: 212, 47: 208, 48: 204, 49: 199,
    50: 195, 51: 190, 52: 185, 53: 180, 54: 175, 55: 170, 56: 164, 57: 158, 58: 152, 59: 145,
    60: 139, 61: 132, 62: 125, 63: 117, 64: 109, 65: 101, 66: 93, 67: 84, 68: 75, 69: 65, 70: 56,
  },
};

/** The dated versions shipped with the code; a new national table is appended with its own effectiveFrom. */
export const DEFAULT_PENSION_DIVISOR_TABLES: readonly PensionDivisorTable[] = [DIVISOR_TABLE_2006];

/**
 * How a divisor is chosen for an age with months (61 y 5 m under the 2025 reform). No national rule was found
 * (rules §5.1, open item 4): 'floorToWholeYears' is the suggested default (unverified);
 * 'interpolateByMonths' goes linearly from the whole-year divisor towards the next one, rounded half-up to `decimals`.
 */
export type FractionalAgeRule = { kind: 'floorToWholeYears' } | { kind: 'interpolateByMonths'; decimals: number };

export const DEFAULT_FRACTIONAL_AGE_RULE: FractionalAgeRule = { kind: 'floorToWholeYears' };

export interface AgeAtRetirement {
  years: number;
  /** 0–11 months past `years`. */
  months: number;
}

export type DivisorRefusalCode = 'AGE_OUTSIDE_DIVISOR_TABLE';

export type DivisorLookup = { ok: true; divisor: string; workings: string[] } | { ok: false; refusal: { code: DivisorRefusalCode; reason: string } };

/**
 * The table version in force on a retirement date: the latest effectiveFrom on or before it. Without a date, the
 * newest version (a calculator asked "what would it be now" has no clock of its own).
 * @throws DomainError PARAMETERS_NOT_FOUND when no version has started by `date`; INVALID_DATE for a malformed date.
 */
export function divisorTableInForce(tables: readonly PensionDivisorTable[], date?: string): PensionDivisorTable {
  if (date !== undefined && !isIsoDate(date)) {
    throw new DomainError('INVALID_DATE', `"${date}" is not a real date in the form YYYY-MM-DD`, {
      path: 'retirementDate',
    });
  }
  let found: PensionDivisorTable | undefined;
  for (const table of tables) {
    if (date !== undefined && compareDates(table.effectiveFrom, date) > 0) continue;
    if (found === undefined || compareDates(table.effectiveFrom, found.effectiveFrom) >= 0) found = table;
  }
  if (found === undefined) {
    throw new DomainError('PARAMETERS_NOT_FOUND', `no pension divisor table in force on ${date ?? 'any date'}`);
  }
  return found;
}

/**
 * The divisor (计发月数) for an age at retirement (国发〔2005〕38号; rules §5.1, E6: 60 → 139). An age the
 * table does not cover is refused as data, so callers can show the reason. Pure.
 * @throws DomainError INVALID_AMOUNT for a malformed age or rule.
 */
export function pensionDivisor(age: AgeAtRetirement, table: PensionDivisorTable, rule: FractionalAgeRule): DivisorLookup {
  countInput(age.years, 'retirementAge.years', 0, 150);
  countInput(age.months, 'retirementAge.months', 0, 11);
  const whole = table.divisors[age.years];
  if (whole === undefined) return outside(age, table, `no divisor for age ${age.years}`);
  const label = `${age.years} y ${age.months} m`;
  if (rule.kind === 'floorToWholeYears' || age.months === 0) {
    const how = age.months === 0 ? '' : ', months dropped (fractionalAgeRule floorToWholeYears)';
    return {
      ok: true,
      divisor: String(whole),
      workings: [`divisor for age ${label} = ${whole} (${table.source}, age ${age.years}${how})`],
    };
  }
  countInput(rule.decimals, 'fractionalAgeRule.decimals', 0, 10);
  const next = table.divisors[age.years + 1];
  if (next === undefined) return outside(age, table, `no divisor for age ${age.years + 1} to interpolate towards`);
  const exact = new Exact(whole).plus(new Exact(next - whole).times(age.months).dividedBy(12));
  const divisor = exact.toDecimalPlaces(rule.decimals, Decimal.ROUND_HALF_UP).toFixed();
  return {
    ok: true,
    divisor,
    workings: [
      `divisor for age ${label} = ${whole} + (${next} − ${whole}) × ${age.months} / 12 = ${shown(exact, 6)} → ${divisor} ` +
        `(${table.source}, ages ${age.years}–${age.years + 1}; fractionalAgeRule interpolateByMonths, ${rule.decimals} decimals)`,
    ],
  };
}

function outside(age: AgeAtRetirement, table: PensionDivisorTable, why: string): DivisorLookup {
  const ages = Object.keys(table.divisors).map(Number);
  const range = ages.length === 0 ? 'none' : `${Math.min(...ages)}–${Math.max(...ages)}`;
  return {
    ok: false,
    refusal: {
      code: 'AGE_OUTSIDE_DIVISOR_TABLE',
      reason: `age ${age.years} y ${age.months} m is outside the divisor table of ${table.effectiveFrom} (ages ${range}): ${why}`,
    },
  };
}
