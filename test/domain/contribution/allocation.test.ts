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

describe('allocatePayment with unpaid fines (社会保险法 art. 86; position is local practice, unverified)', () => {
  const fines = [{ caseId: 'AR-1', amount: Money.of('2400.00') }];
  const lines = (r: ReturnType<typeof allocatePayment>) =>
    r.lines.map((l) => (l.component === 'fine' ? ['fine', l.caseId, l.amount.toString()] : [l.period, l.component, l.amount.toString()]));

  it('takes an unpaid fine after every period by default, then keeps the rest as credit', () => {
    const r = allocatePayment(Money.of('12000.00'), debts, 'PER_PERIOD_PRINCIPAL_FIRST', { fines });
    expect(lines(r)).toEqual([
      ['2025-02', 'principal', '8000.00'],
      ['2025-02', 'lateFee', '180.00'],
      ['2025-03', 'principal', '1000.00'],
      ['2025-03', 'lateFee', '50.00'],
      ['fine', 'AR-1', '2400.00'],
    ]);
    expect(r.credit.toString()).toBe('370.00');
    expect(
      Money.sum(r.lines.map((l) => l.amount))
        .plus(r.credit)
        .toString(),
    ).toBe('12000.00');
  });

  it('pays part of a fine when the periods leave less than it, under the default rule', () => {
    const r = allocatePayment(Money.of('9330.00'), debts, 'PER_PERIOD_PRINCIPAL_FIRST', { fines });
    expect(lines(r).at(-1)).toEqual(['fine', 'AR-1', '100.00']);
    expect(r.credit.toString()).toBe('0.00');
  });

  it('takes the fine before the periods when its position is BEFORE_PERIODS', () => {
    const r = allocatePayment(Money.of('3000.00'), debts, 'PER_PERIOD_PRINCIPAL_FIRST', { fines, position: 'BEFORE_PERIODS' });
    expect(lines(r)).toEqual([
      ['fine', 'AR-1', '2400.00'],
      ['2025-02', 'principal', '600.00'],
    ]);
  });

  it('pays a fine whole or not at all under REQUIRE_FULL_PERIOD, as it does a period', () => {
    const r = allocatePayment(Money.of('10000.00'), debts, 'REQUIRE_FULL_PERIOD', { fines });
    expect(lines(r).map((l) => l[1])).toEqual(['principal', 'lateFee', 'principal', 'lateFee']);
    expect(r.credit.toString()).toBe('770.00');
    const first = allocatePayment(Money.of('2000.00'), debts, 'REQUIRE_FULL_PERIOD', { fines, position: 'BEFORE_PERIODS' });
    expect(first.lines).toEqual([]);
    expect(first.credit.toString()).toBe('2000.00');
  });

  it('takes several cases’ fines in the order given and skips a fine already paid', () => {
    const r = allocatePayment(Money.of('9231.00'), debts, 'PER_PERIOD_PRINCIPAL_FIRST', {
      fines: [
        { caseId: 'AR-0', amount: Money.zero() },
        { caseId: 'AR-1', amount: Money.of('0.50') },
        { caseId: 'AR-2', amount: Money.of('10.00') },
      ],
    });
    expect(lines(r).slice(-2)).toEqual([
      ['fine', 'AR-1', '0.50'],
      ['fine', 'AR-2', '0.50'],
    ]);
  });
});
