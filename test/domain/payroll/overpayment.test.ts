import { describe, expect, it } from 'vitest';
import { dueLines } from '../../../domain/payroll/entitlement.js';
import {
  agreeInstalments,
  applyOffset,
  instalmentPlan,
  lastDueMonthFor,
  offsetPlan,
  outstandingOf,
  overpaymentAfterLastDue,
  overpaymentAfterStop,
  paidMonthsOf,
  recordRepayment,
} from '../../../domain/payroll/overpayment.js';
import { DEFAULT_OVERPAYMENT_POLICY } from '../../../domain/payroll/payroll-policy.js';
import { Money } from '../../../domain/money.js';
import { e4Unemployment, e6Pension } from './fixtures.js';

const paidJanToJun = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'].map((period) => ({
  period,
  amount: '4594.96',
}));

describe('overpaymentAfterStop', () => {
  it('counts every month after the death month as overpaid: 3 × 4 594.96 = 13 784.88 (§8 pattern 1, art. 46, E6)', () => {
    const r = overpaymentAfterStop({ stop: { kind: 'death', date: '2025-03-10' }, payments: paidJanToJun });
    expect(r.lastDueMonth).toBe('2025-03');
    expect(r.months.map((m) => m.period)).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(r.overpaid).toBe('13784.88');
    expect(r.workings.join('\n')).toContain('last month due 2025-03 (overpayment.lastDueMonth.death = eventMonth');
    expect(r.workings.at(-1)).toBe('overpaid = 4594.96 + 4594.96 + 4594.96 = 13784.88');
  });

  it('still owes the death month when death is on its last day, and nothing when no later month was paid (§8, art. 46)', () => {
    expect(overpaymentAfterStop({ stop: { kind: 'death', date: '2025-03-31' }, payments: paidJanToJun }).overpaid).toBe('13784.88');
    expect(overpaymentAfterStop({ stop: { kind: 'death', date: '2025-06-01' }, payments: paidJanToJun }).overpaid).toBe('0.00');
  });

  it('follows a configured last-month rule (overpayment.lastDueMonth; §8, art. 46)', () => {
    const policy = {
      ...DEFAULT_OVERPAYMENT_POLICY,
      lastDueMonth: { ...DEFAULT_OVERPAYMENT_POLICY.lastDueMonth, death: 'previousMonth' as const },
    };
    expect(lastDueMonthFor({ kind: 'death', date: '2025-03-10' }, policy)).toBe('2025-02');
    expect(overpaymentAfterStop({ stop: { kind: 'death', date: '2025-03-10' }, payments: paidJanToJun, policy }).overpaid).toBe('18379.84');
  });

  it('refuses a malformed date or amount (§8, art. 46)', () => {
    expect(() => lastDueMonthFor({ kind: 'death', date: '2025-02-30' })).toThrow(/not a date/);
    expect(() =>
      overpaymentAfterStop({
        stop: { kind: 'death', date: '2025-03-10' },
        payments: [{ period: '2025-04', amount: '1.005' }],
      }),
    ).toThrow(/at most 2 decimals/);
  });
});

describe('paidMonthsOf and overpaymentAfterLastDue', () => {
  it('splits a back-pay line into its months to the fen, leftover fen to the earliest (§8, art. 46)', () => {
    expect(paidMonthsOf({ period: '2025-06', amount: '100.00', paidMonths: ['2025-05', '2025-03', '2025-04'] })).toEqual([
      { period: '2025-03', amount: '33.34' },
      { period: '2025-04', amount: '33.33' },
      { period: '2025-05', amount: '33.33' },
    ]);
    expect(paidMonthsOf({ period: '2025-06', amount: '-10.00', paidMonths: null })).toEqual([{ period: '2025-06', amount: '-10.00' }]);
  });

  it('counts every month after a given last month due, heading the workings with why (art. 46)', () => {
    const r = overpaymentAfterLastDue({ lastDueMonth: '2025-04', because: 'stopped by the payroll of 2025-05', payments: paidJanToJun });
    expect(r.months.map((m) => m.period)).toEqual(['2025-05', '2025-06']);
    expect(r.overpaid).toBe('9189.92');
    expect(r.workings[0]).toBe('stopped by the payroll of 2025-05');
  });
});

describe('recovery plans (社会保险经办条例 art. 46)', () => {
  it('splits 13 784.88 into 7 instalments that add up to the fen (§8, art. 46)', () => {
    const plan = instalmentPlan('13784.88', 7, '2025-08');
    expect(plan.instalments.map((i) => i.amount)).toEqual(['1969.27', '1969.27', '1969.27', '1969.27', '1969.27', '1969.27', '1969.26']);
    expect(plan.instalments.map((i) => i.dueMonth)).toEqual(['2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
    expect(Money.sum(plan.instalments.map((i) => Money.of(i.amount))).toString()).toBe('13784.88');
    expect(plan.workings[0]).toContain('= 13784.88');
    expect(() => instalmentPlan('13784.88', 0, '2025-08')).toThrow(/positive integer/);
    expect(() => instalmentPlan('0.00', 3, '2025-08')).toThrow(/nothing to recover/);
  });

  it('withholds the configured share of each later payment, never more than is outstanding (default 0.5; §8, art. 46)', () => {
    const plan = offsetPlan('2500.00');
    expect(plan.share).toBe('0.5');
    const [line] = dueLines([e4Unemployment()], '2025-08');
    const first = applyOffset(plan, line!);
    expect(first.recovered).toBe('1035.00');
    expect(first.line).toMatchObject({
      amount: '1035.00',
      grossAmount: '2070.00',
      recovered: '1035.00',
      lineId: line!.lineId,
    });
    expect(first.plan.outstanding).toBe('1465.00');
    const second = applyOffset(first.plan, line!);
    const third = applyOffset(second.plan, line!);
    expect(third.recovered).toBe('430.00');
    expect(third.line.amount).toBe('1640.00');
    expect(third.plan.outstanding).toBe('0.00');
    expect(applyOffset(third.plan, line!).recovered).toBe('0.00');
  });

  it('rounds the withheld share half-up to the fen and follows a changed share (overpayment.offsetShare; §8, art. 46)', () => {
    const [line] = dueLines([e6Pension()], '2025-08');
    expect(applyOffset(offsetPlan('13784.88'), line!).recovered).toBe('2297.48');
    const plan = offsetPlan('13784.88', { ...DEFAULT_OVERPAYMENT_POLICY, offsetShare: '0.3' });
    expect(applyOffset(plan, line!).recovered).toBe('1378.49'); // 4 594.96 × 0.3 = 1 378.488
    expect(() => offsetPlan('100.00', { ...DEFAULT_OVERPAYMENT_POLICY, offsetShare: '0' })).toThrow(/\(0, 1\]/);
    expect(() => offsetPlan('100.00', { ...DEFAULT_OVERPAYMENT_POLICY, offsetShare: '1.5' })).toThrow(/\(0, 1\]/);
  });

  it('records direct repayments and refuses more than is outstanding (§8, art. 46)', () => {
    const plan = instalmentPlan('300.00', 3, '2025-08');
    expect(recordRepayment(plan, '100.00').outstanding).toBe('200.00');
    expect(() => recordRepayment(plan, '300.01')).toThrow(/exceeds the outstanding/);
  });
});

describe('collecting a recovery (社会保险经办条例 art. 46)', () => {
  it('art. 46 instalment agreement: withholds the agreed amount a month from its first month, never more than the line or what is owed', () => {
    const [line] = dueLines([e4Unemployment()], '2025-08');
    const agreed = agreeInstalments({ outstanding: '2500.00', monthlyAmount: '1000.00', firstMonth: '2025-08', currentMonth: '2025-07' });
    expect(agreed).toMatchObject({ instalments: 3, lastInstalment: '500.00', lastMonth: '2025-10' });
    expect(agreed.workings[0]).toContain('3 instalments, the last 500.00 in 2025-10');
    const first = applyOffset(agreed.plan, line!);
    expect(first.recovered).toBe('1000.00');
    expect(first.line.amount).toBe('1070.00');
    expect(first.workings[0]).toContain('agreed 1000.00 a month (instalment agreement, art. 46)');
    // A second line of the same month takes only what is left of the month's instalment: nothing.
    expect(applyOffset(first.plan, line!).recovered).toBe('0.00');
    // Before the first month nothing is withheld.
    const [july] = dueLines([e4Unemployment()], '2025-07');
    const early = applyOffset(agreed.plan, july!);
    expect(early.recovered).toBe('0.00');
    expect(early.workings[0]).toBe('instalment agreement from 2025-08: nothing withheld in 2025-07');
    // A line smaller than the instalment: the line, not more.
    const big = agreeInstalments({ outstanding: '9000.00', monthlyAmount: '3000.00', firstMonth: '2025-08', currentMonth: '2025-08' });
    expect(applyOffset(big.plan, line!).recovered).toBe('2070.00');
  });

  it('art. 46 instalment agreement: refuses a monthly amount of nothing or above what is owed, and a first month already past', () => {
    const base = { outstanding: '2500.00', firstMonth: '2025-08', currentMonth: '2025-08' };
    expect(() => agreeInstalments({ ...base, monthlyAmount: '0.00' })).toThrow(expect.objectContaining({ path: 'monthlyAmount' }));
    expect(() => agreeInstalments({ ...base, monthlyAmount: '2500.01' })).toThrow(expect.objectContaining({ path: 'monthlyAmount' }));
    expect(() => agreeInstalments({ ...base, monthlyAmount: '100.00', firstMonth: '2025-07' })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', path: 'firstMonth' }),
    );
    expect(agreeInstalments({ ...base, monthlyAmount: '2500.00' })).toMatchObject({ instalments: 1, lastInstalment: '2500.00', lastMonth: '2025-08' });
  });

  it('art. 46 outstanding: the amount less every ledger entry, exactly; never below zero', () => {
    expect(outstandingOf('3300.00', [])).toBe('3300.00');
    expect(outstandingOf('3300.00', ['1650.00', '0.01', '1649.99'])).toBe('0.00');
    expect(outstandingOf('0.30', ['0.10', '0.10'])).toBe('0.10');
    expect(() => outstandingOf('100.00', ['100.01'])).toThrow(/exceed/);
  });
});
