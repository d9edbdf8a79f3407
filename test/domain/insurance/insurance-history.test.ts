import { describe, expect, it } from 'vitest';
import { buildInsuranceHistory, monthsBetweenInclusive, monthsCovered, type HistoryRecord } from '../../../domain/insurance/insurance-history.js';

const record = (overrides: Partial<HistoryRecord>): HistoryRecord => ({
  insuranceType: 'pension',
  region: '330102',
  employerCreditCode: 'E1',
  personnelCategory: 'employee',
  status: 'active',
  startMonth: '2026-01',
  endMonth: null,
  endReason: null,
  contributionBase: '8000.00',
  ...overrides,
});

describe('insurance history (个人权益记录)', () => {
  it('counts months inclusive and each month once across overlapping relationships (§2: years are not double counted)', () => {
    expect(monthsBetweenInclusive('2025-11', '2026-02')).toBe(4);
    expect(monthsBetweenInclusive('2026-03', '2026-02')).toBe(0);
    expect(
      monthsCovered(
        [
          { startMonth: '2026-01', endMonth: '2026-06' },
          { startMonth: '2026-05', endMonth: null },
        ],
        '2026-08',
      ),
    ).toBe(8);
  });

  it('gives periods per insurance and employer and counts a month as contributed once its bill is paid (or a flexible worker paid it)', () => {
    const records = [
      record({ employerCreditCode: 'E1', startMonth: '2026-01', endMonth: '2026-03', status: 'terminated', endReason: 'resigned' }),
      record({ employerCreditCode: 'E2', startMonth: '2026-04' }),
      record({
        insuranceType: 'medical',
        employerCreditCode: null,
        personnelCategory: 'flexible',
        startMonth: '2026-02',
        endMonth: '2026-03',
        status: 'terminated',
      }),
    ];
    const paid = new Set(['E1:2026-01', 'E1:2026-02', 'E2:2026-04']);
    const history = buildInsuranceHistory(records, '2026-05', (r, m) => paid.has(`${r.employerCreditCode}:${m}`));
    expect(history.periods.map((p) => [p.insuranceType, p.employerCreditCode, p.startMonth, p.endMonth, p.recordedMonths, p.paidMonths])).toEqual([
      ['medical', null, '2026-02', '2026-03', 2, 2],
      ['pension', 'E1', '2026-01', '2026-03', 3, 2],
      ['pension', 'E2', '2026-04', null, 2, 1],
    ]);
    expect(history.contributionMonths).toEqual({ medical: 2, pension: 3 });
    expect(history.unpaidMonths).toEqual({ medical: 0, pension: 2 });
  });
});
