import { describe, expect, it } from 'vitest';
import { csvField, inFileOrder, readTable } from '../../../domain/payroll/csv-table.js';
import { addPeriods, firstDayOf, isPeriod, lastDayOf, monthsInclusive, periodRange } from '../../../domain/payroll/payroll-month.js';

describe('payroll months', () => {
  it('counts months inclusively across a year end, so 2020-01 – 2022-12 is 36 (人社厅发〔2019〕94号 threshold, §6.1)', () => {
    expect(monthsInclusive('2020-01', '2022-12')).toBe(36);
    expect(monthsInclusive('2020-02', '2022-12')).toBe(35);
    expect(monthsInclusive('2025-03', '2025-02')).toBe(0);
    expect(periodRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(addPeriods('2025-12', 1)).toBe('2026-01');
  });

  it('knows the bounds of a month, leap years included (§9 calendars)', () => {
    expect([firstDayOf('2024-02'), lastDayOf('2024-02'), lastDayOf('2025-02'), lastDayOf('2025-04')]).toEqual([
      '2024-02-01',
      '2024-02-29',
      '2025-02-28',
      '2025-04-30',
    ]);
  });

  it('accepts only YYYY-MM (§8 file formats)', () => {
    expect(['2025-01', '2025-12'].map(isPeriod)).toEqual([true, true]);
    expect(['2025-13', '2025-1', '0000-05', '2025-05-01'].map(isPeriod)).toEqual([false, false, false, false]);
    expect(() => addPeriods('2025-13', 1)).toThrow(/YYYY-MM/);
  });
});

describe('readTable', () => {
  const spec = { columns: { a: ['a', '甲'], b: ['b'] }, required: ['a'] } as const;

  it('keeps an empty last field at the end of a file without a final line break (§8 file formats)', () => {
    expect(readTable('a,b\n1,', spec).rows).toEqual([{ row: 0, cells: { a: '1', b: '' } }]);
    expect(readTable('甲\r\n 2 \r\n', spec)).toEqual({ rows: [{ row: 0, cells: { a: '2', b: '' } }], issues: [] });
  });

  it('orders issues header first, then by row (§8 file formats)', () => {
    expect(
      inFileOrder([
        { path: 'rows[2].x', message: '1' },
        { path: 'rows[10]', message: '2' },
        { path: 'columns', message: '3' },
        { path: 'rows[2]', message: '4' },
      ]).map((i) => i.message),
    ).toEqual(['3', '1', '4', '2']);
  });

  it('quotes fields with separators, quotes or line breaks (RFC 4180; §8 file formats)', () => {
    expect([csvField('plain'), csvField('a,b'), csvField('say "x"'), csvField('two\nlines')]).toEqual(['plain', '"a,b"', '"say ""x"""', '"two\nlines"']);
  });
});
