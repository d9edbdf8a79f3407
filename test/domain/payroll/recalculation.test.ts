import { describe, expect, it } from 'vitest';
import { DEFAULT_PENSION_ADJUSTMENT_RULES, adjustPension, adjustmentRuleInForce, recalculate } from '../../../domain/payroll/recalculation.js';

const provisional = ['2025-01', '2025-02', '2025-03', '2025-04'].map((period) => ({ period, amount: '4594.96' }));
const rule = { effectiveFrom: '2025-01-01', fixedAmount: '50.00', share: '0.02', basis: 'test notice' };

describe('recalculate (待遇重算)', () => {
  it('pays back 105.04 a month when the new calculation base raises the E6 pension to 4 700.00 (补发, §5.1, E6)', () => {
    const r = recalculate({
      effectiveDate: '2025-01-01',
      paid: provisional,
      recalculated: { kind: 'amount', monthlyAmount: '4700.00', basis: '2024 calculation base published' },
      nextPayroll: '2025-05',
    });
    expect(r.months.map((m) => [m.period, m.difference, m.direction])).toEqual([
      ['2025-01', '105.04', 'backPay'],
      ['2025-02', '105.04', 'backPay'],
      ['2025-03', '105.04', 'backPay'],
      ['2025-04', '105.04', 'backPay'],
    ]);
    expect(r).toMatchObject({ total: '420.16', direction: 'backPay', nextPayroll: '2025-05' });
    expect(r.workings).toContain('2025-01: due 4700.00 − paid 4594.96 = 105.04 (补发)');
    expect(r.workings.at(-1)).toBe('total for payroll 2025-05: 420.16 补发');
  });

  it('deducts 94.96 a month when the recalculated pension is lower (补扣; §5.1)', () => {
    const r = recalculate({
      effectiveDate: '2025-02-15',
      paid: provisional,
      recalculated: { kind: 'amount', monthlyAmount: '4500.00', basis: 'corrected index' },
      nextPayroll: '2025-05',
    });
    expect(r.months.map((m) => m.period)).toEqual(['2025-02', '2025-03', '2025-04']); // from the month of the effective date
    expect(r).toMatchObject({ total: '-284.88', direction: 'deduction' });
    expect(r.workings.at(-1)).toBe('total for payroll 2025-05: -284.88 补扣');
  });

  it('applies a fixed amount plus a share of each month paid (yearly adjustment, configurable; §5.1)', () => {
    expect(adjustPension('4594.96', rule)).toEqual({
      increase: '141.90', // 50.00 + 4 594.96 × 0.02 = 91.8992 → 91.90
      adjusted: '4736.86',
      workings: ['adjustment from 2025-01-01: fixed 50.00 + 4594.96 × 0.02 = 91.90 = 141.90; 4594.96 → 4736.86 (test notice)'],
    });
    const r = recalculate({
      effectiveDate: '2025-01-01',
      paid: [...provisional, { period: '2024-12', amount: '4594.96' }],
      recalculated: { kind: 'adjustment', rule },
      nextPayroll: '2025-07',
    });
    expect(r.months).toHaveLength(4);
    expect(r.total).toBe('567.60');
  });

  it('adds an amount per contribution year when the rule has one (§5.1)', () => {
    expect(adjustPension('4594.96', { ...rule, perContributionYear: '2.00' }, '30').increase).toBe('201.90');
  });

  it('adds several payments of one month before comparing (§5.1)', () => {
    const paid = [
      { period: '2025-01', amount: '4000.00' },
      { period: '2025-01', amount: '594.96' },
    ];
    expect(
      recalculate({
        effectiveDate: '2025-01-01',
        paid,
        recalculated: { kind: 'amount', monthlyAmount: '4594.96', basis: 'x' },
        nextPayroll: '2025-02',
      }),
    ).toMatchObject({ total: '0.00', direction: 'none' });
  });

  it('picks the dated adjustment rule in force (DEFAULT_PENSION_ADJUSTMENT_RULES; §5.1)', () => {
    expect(adjustmentRuleInForce(DEFAULT_PENSION_ADJUSTMENT_RULES, '2025-07-01')?.share).toBe('0.02');
    expect(adjustmentRuleInForce(DEFAULT_PENSION_ADJUSTMENT_RULES, '2024-12-31')?.share).toBe('0.03');
    expect(adjustmentRuleInForce(DEFAULT_PENSION_ADJUSTMENT_RULES, '2023-12-31')).toBeNull();
  });
});
