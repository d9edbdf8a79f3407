import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors.js';
import { Money } from '../../../domain/money.js';
import { csvRows, defaultPeriod, fundOf, MAX_REPORT_MONTHS, reportMonths, toCsv, type MonthFigures } from '../../../domain/statistics/monthly-statistics.js';

describe('statistics: the months of a report (issue 14 point 4)', () => {
  it('lists the months from and to inclusive, across a year end', () => {
    expect(reportMonths('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(reportMonths('2026-05', '2026-05')).toEqual(['2026-05']);
  });

  it('refuses `from` after `to` naming `from`, and more than 36 months naming `to`', () => {
    const refusal = (from: string, to: string) => {
      try {
        reportMonths(from, to);
      } catch (error) {
        return error instanceof DomainError ? { code: error.code, path: error.path } : error;
      }
      return null;
    };
    expect(refusal('2026-05', '2026-01')).toEqual({ code: 'VALIDATION_FAILED', path: 'from' });
    expect(refusal('2023-01', '2025-12')).toBeNull(); // exactly 36
    expect(reportMonths('2023-01', '2025-12')).toHaveLength(MAX_REPORT_MONTHS);
    expect(refusal('2023-01', '2026-01')).toEqual({ code: 'VALIDATION_FAILED', path: 'to' });
  });

  it('defaults to the twelve months up to today’s', () => {
    expect(defaultPeriod('2026-03-31')).toEqual({ from: '2025-04', to: '2026-03' });
  });
});

describe('statistics: the fund line and the CSV', () => {
  const contributions = { billed: Money.of('2400.00'), received: Money.of('1000.00'), arrears: Money.of('1400.00'), lateFees: Money.of('12.50') };
  const benefits = [
    { benefit: 'basicPension', granted: 1, paidLines: 2, paid: Money.of('3000.00') },
    { benefit: 'funeralGrant', granted: 1, paidLines: 1, paid: Money.of('0.10') },
  ];

  it('takes received and late fees as income, benefits paid as expenditure, and may be negative', () => {
    const fund = fundOf(contributions, benefits);
    expect([fund.income.toString(), fund.expenditure.toString(), fund.net.toString()]).toEqual(['1012.50', '3000.10', '-1987.60']);
    expect(fundOf(contributions, []).expenditure.toString()).toBe('0.00');
  });

  it('writes one figure a row with money as decimal strings, and quotes a field that needs it (RFC 4180)', () => {
    const month: MonthFigures = {
      month: '2026-11',
      insured: [{ insuranceType: 'pension', insured: 3, joined: 1, left: 0 }],
      contributions,
      benefits,
      cases: [{ caseType: 'enrollment', opened: 2, closed: 1, decided: 1, onTime: 1 }],
      fund: fundOf(contributions, benefits),
    };
    const rows = csvRows([month]);
    expect(rows).toContainEqual(['2026-11', 'insured', 'pension', 'joined', '1']);
    expect(rows).toContainEqual(['2026-11', 'contributions', 'all', 'lateFees', '12.50']);
    expect(rows).toContainEqual(['2026-11', 'benefits', 'funeralGrant', 'paid', '0.10']);
    expect(rows).toContainEqual(['2026-11', 'cases', 'enrollment', 'onTime', '1']);
    expect(rows).toContainEqual(['2026-11', 'fund', 'all', 'net', '-1987.60']);
    expect(rows).toHaveLength(3 + 4 + 2 * 3 + 4 + 3);
    expect(
      toCsv([
        ['a', 'b,c'],
        ['say "hi"', 'x'],
      ]),
    ).toBe('a,"b,c"\r\n"say ""hi""",x\r\n');
  });
});
