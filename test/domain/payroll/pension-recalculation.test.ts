import { describe, expect, it } from 'vitest';
import { paidMonthsOf, recalculatePensions, type PensionLine, type RecalculationCause } from '../../../domain/payroll/pension-recalculation.js';
import { periodRange } from '../../../domain/payroll/payroll-month.js';

const rule = { effectiveFrom: '2025-07-01', fixedAmount: '50.00', share: '0.02', basis: 'test notice' };
const adjustment: RecalculationCause = { kind: 'adjustment', rule };
const paid = (amount: string, from: string, to: string) => periodRange(from, to).map((period) => ({ period, amount }));
const line = (over: Partial<PensionLine> & Pick<PensionLine, 'entitlementId' | 'benefit' | 'amount'>): PensionLine => ({
  caseId: 'case-1',
  citizenId: '330102196003013491',
  startMonth: '2024-01',
  createdAt: '2024-01-20T02:00:00.000Z',
  paid: paid(over.amount, '2024-01', '2025-10'),
  ...over,
});

describe('recalculatePensions (待遇重算, issue 12 point 5)', () => {
  it('adds a yearly adjustment worked out on the whole pension to the basic pension line, with 补发 for each month paid since (§5.1)', () => {
    const lines = [
      line({ entitlementId: 'basic', benefit: 'basicPension', amount: '3300.00' }),
      line({ entitlementId: 'account', benefit: 'accountPension', amount: '1294.96' }),
    ];
    const [basic, ...rest] = recalculatePensions(lines, adjustment, '2025-11');
    expect(rest).toEqual([]);
    // 50.00 + 4594.96 × 0.02 (= 91.8992 → 91.90) = 141.90 a month; July to October paid → 4 × 141.90.
    expect(basic).toMatchObject({ entitlementId: 'basic', fromMonth: '2025-07', oldAmount: '3300.00', newAmount: '3441.90', months: 4, total: '567.60' });
    expect(basic!.workings[0]).toContain('4594.96 × 0.02 = 91.90');
    expect(basic!.workings.at(-1)).toBe('total for payroll 2025-11: 567.60 补发');
  });

  it('leaves out a pension that began after the adjustment date (the yearly notices adjust those retired before it)', () => {
    const late = line({
      entitlementId: 'basic',
      benefit: 'basicPension',
      amount: '3300.00',
      startMonth: '2025-08',
      paid: paid('3300.00', '2025-08', '2025-10'),
    });
    expect(recalculatePensions([late], adjustment, '2025-11')).toEqual([]);
  });

  const base: RecalculationCause = {
    kind: 'calculationBase',
    effectiveFrom: '2025-01-01',
    until: '2026-01-01',
    provisionalBase: '8100.00',
    base: '8400.00',
    recordedAt: '2025-07-10T01:00:00.000Z',
  };

  it('scales the lines the calculation base enters by new ÷ provisional base, rounded half-up to the fen, and leaves the account pension (§5.1)', () => {
    const retired = { startMonth: '2025-03', createdAt: '2025-03-05T01:00:00.000Z' };
    const lines = [
      line({ entitlementId: 'basic', benefit: 'basicPension', amount: '3300.00', ...retired, paid: paid('3300.00', '2025-03', '2025-06') }),
      line({ entitlementId: 'account', benefit: 'accountPension', amount: '1294.96', ...retired, paid: paid('1294.96', '2025-03', '2025-06') }),
      line({ entitlementId: 'transitional', benefit: 'transitionalPension', amount: '100.01', ...retired, paid: paid('100.01', '2025-03', '2025-06') }),
    ];
    const out = recalculatePensions(lines, base, '2025-07');
    // 3300 × 8400 ÷ 8100 = 3422.2222… → 3422.22; 100.01 × 8400 ÷ 8100 = 103.7140… → 103.71.
    expect(out.map((l) => [l.entitlementId, l.fromMonth, l.newAmount, l.months, l.total])).toEqual([
      ['basic', '2025-03', '3422.22', 4, '488.88'],
      ['transitional', '2025-03', '103.71', 4, '14.80'],
    ]);
  });

  it('leaves a pension granted after the base was recorded, and one retired in another year of bases', () => {
    const granted = line({ entitlementId: 'a', benefit: 'basicPension', amount: '3300.00', startMonth: '2025-09', createdAt: '2025-09-02T01:00:00.000Z' });
    const before = line({ entitlementId: 'b', caseId: 'case-2', benefit: 'basicPension', amount: '3300.00', startMonth: '2025-01' }); // retired in 2024-12
    const after = line({
      entitlementId: 'c',
      caseId: 'case-3',
      benefit: 'basicPension',
      amount: '3300.00',
      startMonth: '2026-02',
      createdAt: '2025-06-01T00:00:00.000Z',
    });
    expect(recalculatePensions([granted, before, after], base, '2026-03')).toEqual([]);
  });

  it('splits a back-pay line into the months it paid, ending the month before its payroll', () => {
    expect(
      paidMonthsOf([
        { period: '2025-05', kind: 'backPay', months: 3, amount: '9900.00' },
        { period: '2025-05', kind: 'monthly', months: 1, amount: '3300.00' },
      ]),
    ).toEqual([
      { period: '2025-02', amount: '3300.00' },
      { period: '2025-03', amount: '3300.00' },
      { period: '2025-04', amount: '3300.00' },
      { period: '2025-05', amount: '3300.00' },
    ]);
  });
});
