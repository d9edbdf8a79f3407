import { describe, expect, it } from 'vitest';
import { allocatePayment, type PeriodDebt } from '../../../domain/contribution/allocation.js';
import { Money } from '../../../domain/money.js';

const debts: PeriodDebt[] = [
  { period: '2025-03', principal: Money.of('1000.00'), lateFee: Money.of('50.00') },
  { period: '2025-02', principal: Money.of('8000.00'), lateFee: Money.of('180.00') },
];
const table = (r: ReturnType<typeof allocatePayment>) => r.lines.map((l) => [l.period, l.component, l.amount.toString()]);

describe('allocatePayment', () => {
  it('pays the oldest period first, principal before its late fee, by default (§4 PER_PERIOD_PRINCIPAL_FIRST)', () => {
    const r = allocatePayment(Money.of('8500.00'), debts, 'PER_PERIOD_PRINCIPAL_FIRST');
    expect(table(r)).toEqual([
      ['2025-02', 'principal', '8000.00'],
      ['2025-02', 'lateFee', '180.00'],
      ['2025-03', 'principal', '320.00'],
    ]);
    expect(r.credit.toString()).toBe('0.00');
  });

  it('pays the late fee before the principal under LATE_FEE_FIRST (§4)', () => {
    const r = allocatePayment(Money.of('100.00'), debts, 'LATE_FEE_FIRST');
    expect(table(r)).toEqual([['2025-02', 'lateFee', '100.00']]);
  });

  it('settles whole periods only under REQUIRE_FULL_PERIOD and keeps the rest as credit (§4)', () => {
    const r = allocatePayment(Money.of('8500.00'), debts, 'REQUIRE_FULL_PERIOD');
    expect(table(r)).toEqual([
      ['2025-02', 'principal', '8000.00'],
      ['2025-02', 'lateFee', '180.00'],
    ]);
    expect(r.credit.toString()).toBe('320.00');
  });

  it('turns an overpayment into a credit, and the parts always add up to the payment (issue 3, principle 2)', () => {
    const r = allocatePayment(Money.of('10000.01'), debts, 'PER_PERIOD_PRINCIPAL_FIRST');
    expect(r.credit.toString()).toBe('770.01');
    const sum = Money.sum(r.lines.map((l) => l.amount)).plus(r.credit);
    expect(sum.toString()).toBe('10000.01');
  });
});
