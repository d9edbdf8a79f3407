import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors.js';
import {
  DEFAULT_PENSION_DIVISOR_TABLES,
  DIVISOR_TABLE_2006,
  type PensionDivisorTable,
  divisorTableInForce,
  pensionDivisor,
} from '../../../domain/benefit/pension-divisor.js';

const floor = { kind: 'floorToWholeYears' } as const;
const interpolate2 = { kind: 'interpolateByMonths', decimals: 2 } as const;

// Typed out from rules §5.1 rather than copied from the code, so a wrong value in the table fails here.
// prettier-ignore
const EXPECTED: [number, number][] = [
  [40, 233], [41, 230], [42, 226], [43, 223], [44, 220], [45, 216], [46, 212], [47, 208], [48, 204], [49, 199],
  [50, 195], [51, 190], [52, 185], [53, 180], [54, 175], [55, 170], [56, 164], [57, 158], [58, 152], [59, 145],
  [60, 139], [61, 132], [62, 125], [63, 117], [64, 109], [65, 101], [66, 93], [67, 84], [68, 75], [69, 65], [70, 56],
];

describe('pension divisor (计发月数)', () => {
  it.each(EXPECTED)('gives the 国发〔2005〕38号 divisor for age %i: %i (§5.1)', (age, divisor) => {
    expect(pensionDivisor({ years: age, months: 0 }, DIVISOR_TABLE_2006, floor)).toMatchObject({
      ok: true,
      divisor: String(divisor),
    });
  });

  it('holds exactly the 31 ages 40–70 and nothing else (§5.1)', () => {
    expect(Object.keys(DIVISOR_TABLE_2006.divisors).map(Number)).toEqual(EXPECTED.map(([age]) => age));
  });

  it('drops the months of 61 y 5 m under the default floorToWholeYears rule → 132 (§5.1, open item 4)', () => {
    const r = pensionDivisor({ years: 61, months: 5 }, DIVISOR_TABLE_2006, floor);
    expect(r).toMatchObject({ ok: true, divisor: '132' });
    expect(r.ok && r.workings[0]).toMatch(/months dropped/);
  });

  it('interpolates 61 y 5 m between 132 and 125 by months: 129.0833… → 129.08 with 2 decimals (§5.1, open item 4)', () => {
    expect(pensionDivisor({ years: 61, months: 5 }, DIVISOR_TABLE_2006, interpolate2)).toMatchObject({
      ok: true,
      divisor: '129.08',
    });
    expect(pensionDivisor({ years: 60, months: 6 }, DIVISOR_TABLE_2006, interpolate2)).toMatchObject({
      divisor: '135.5',
    });
  });

  it('rounds the interpolated divisor to the configured number of decimals (§5.1)', () => {
    const r = pensionDivisor({ years: 61, months: 5 }, DIVISOR_TABLE_2006, {
      kind: 'interpolateByMonths',
      decimals: 0,
    });
    expect(r).toMatchObject({ divisor: '129' });
  });

  it('uses the whole-year value for a whole age under either rule (§5.1)', () => {
    expect(pensionDivisor({ years: 60, months: 0 }, DIVISOR_TABLE_2006, interpolate2)).toMatchObject({
      divisor: '139',
    });
  });

  it('refuses ages outside 40–70 as data with AGE_OUTSIDE_DIVISOR_TABLE (§5.1)', () => {
    expect(pensionDivisor({ years: 39, months: 11 }, DIVISOR_TABLE_2006, floor)).toMatchObject({
      ok: false,
      refusal: { code: 'AGE_OUTSIDE_DIVISOR_TABLE' },
    });
    expect(pensionDivisor({ years: 71, months: 0 }, DIVISOR_TABLE_2006, floor)).toMatchObject({ ok: false });
    expect(pensionDivisor({ years: 70, months: 3 }, DIVISOR_TABLE_2006, floor)).toMatchObject({
      ok: true,
      divisor: '56',
    });
    const beyond = pensionDivisor({ years: 70, months: 3 }, DIVISOR_TABLE_2006, interpolate2);
    expect(beyond.ok).toBe(false);
    expect(!beyond.ok && beyond.refusal.reason).toMatch(/age 71 to interpolate/);
  });

  it('throws INVALID_AMOUNT for a month count outside 0–11', () => {
    expect(() => pensionDivisor({ years: 60, months: 12 }, DIVISOR_TABLE_2006, floor)).toThrow(DomainError);
  });

  it('picks the table version in force on the retirement date, the newest without a date (§5.1 versioned table)', () => {
    const next: PensionDivisorTable = { effectiveFrom: '2030-01-01', source: 'test table', divisors: { 60: 150 } };
    const tables = [...DEFAULT_PENSION_DIVISOR_TABLES, next];
    expect(divisorTableInForce(tables, '2029-12-31')).toBe(DIVISOR_TABLE_2006);
    expect(divisorTableInForce(tables, '2030-01-01')).toBe(next);
    expect(divisorTableInForce(tables)).toBe(next);
    expect(pensionDivisor({ years: 60, months: 0 }, divisorTableInForce(tables, '2030-06-01'), floor)).toMatchObject({
      divisor: '150',
    });
    expect(() => divisorTableInForce(tables, '2005-12-31')).toThrow(/no pension divisor table/);
  });
});
