import { describe, expect, it } from 'vitest';
import { hardshipDeferral } from '../../../domain/arrears/arrears-decision.js';
import { DEFAULT_CONTRIBUTION_POLICY, type ContributionPolicy } from '../../../domain/arrears/arrears-policy.js';
import { arrearsStatement, isSettled } from '../../../domain/arrears/arrears-statement.js';
import { closureObstacles, closureRefusal } from '../../../domain/arrears/employer-closure.js';
import { Money } from '../../../domain/money.js';

const flood = (until: string) => ({ until, reason: 'flood' });

describe('hardship deferral of "up to one year" is a calendar year (rules §4 (b), 民法典 arts. 201–202)', () => {
  it('allows 2027-06-01 to 2028-06-01, a year that holds 29 February (366 days)', () => {
    expect(hardshipDeferral(flood('2028-06-01'), '2027-06-01', DEFAULT_CONTRIBUTION_POLICY)).toEqual({
      deferral: { kind: 'hardship', from: '2027-06-02', until: '2028-06-01', reason: 'flood', instalments: 1 },
    });
  });

  it('refuses a day more than the calendar year and says until when it may run', () => {
    expect(hardshipDeferral(flood('2028-06-02'), '2027-06-01', DEFAULT_CONTRIBUTION_POLICY)).toEqual({
      refused: 'a hardship deferral lasts at most 12 months: until 2028-06-01 at the latest (rules §4)',
    });
  });

  it('ends on the last day of the month when the year has no corresponding day (asked on 29 February)', () => {
    expect(hardshipDeferral(flood('2029-02-28'), '2028-02-29', DEFAULT_CONTRIBUTION_POLICY)).toHaveProperty('deferral');
    expect(hardshipDeferral(flood('2029-03-01'), '2028-02-29', DEFAULT_CONTRIBUTION_POLICY)).toHaveProperty('refused');
  });

  it('keeps the day count for a case whose policy has no hardshipMaxMonths (started before the rule)', () => {
    const { hardshipMaxMonths: _months, ...before } = DEFAULT_CONTRIBUTION_POLICY;
    const old: ContributionPolicy = before;
    expect(hardshipDeferral(flood('2028-05-31'), '2027-06-01', old)).toHaveProperty('deferral'); // 365 days
    expect(hardshipDeferral(flood('2028-06-01'), '2027-06-01', old)).toEqual({ refused: 'a hardship deferral lasts at most 365 days (rules §4)' });
  });
});

const period = (p: string, dueDate: string, charged: string, repaid: string | null = null) => ({
  period: p,
  dueDate,
  charged: Money.of(charged),
  repayments: repaid ? [{ date: dueDate, amount: Money.of(repaid) }] : [],
  lateFeePayments: [],
});

describe('an unpaid fine keeps the arrears case open (社会保险法 art. 86, 社会保险经办条例 art. 10)', () => {
  it('is settled only when principal, late fee and fine are all paid', () => {
    const paid = arrearsStatement({ asOf: '2026-11-20', periods: [period('2026-09', '2026-10-15', '2400.00', '2400.00')] });
    expect(isSettled(paid)).toBe(true);
    expect(isSettled({ ...paid, fine: Money.of('2400.00') })).toBe(false);
    expect(isSettled({ ...paid, fine: Money.of('0.01') })).toBe(false);
    const owing = arrearsStatement({ asOf: '2026-11-20', periods: [period('2026-09', '2026-10-15', '2400.00')] });
    expect(isSettled(owing)).toBe(false);
  });
});

describe('an employer is not closed while anything is owed (社会保险经办条例 art. 10)', () => {
  const statement = (...periods: ReturnType<typeof period>[]) => arrearsStatement({ asOf: '2026-11-20', periods });
  const clear = {
    today: '2026-11-20',
    openArrearsCase: null,
    unpaidFine: Money.zero(),
    statement: statement(period('2026-09', '2026-10-15', '2400.00', '2400.00')),
  };

  it('allows closure when every bill is paid, no fine is unpaid and no arrears case is open', () => {
    expect(closureRefusal(clear)).toBeNull();
  });

  it('refuses while an arrears case is open', () => {
    expect(closureObstacles({ ...clear, openArrearsCase: { reference: 'AR2026000007' } })).toEqual([{ kind: 'openArrearsCase', reference: 'AR2026000007' }]);
  });

  it('refuses while a fine is unpaid, even with no case open', () => {
    expect(closureRefusal({ ...clear, unpaidFine: Money.of('2400.00') })).toEqual({
      code: 'NOT_ALLOWED_NOW',
      reason: 'the registration cannot be closed until arrears, late fees and fines are settled (社会保险经办条例 art. 10): a fine of 2400.00 is unpaid',
    });
  });

  it('refuses while a bill past its due date is unpaid, whether or not a sweep has reached it, but not for a bill not yet due', () => {
    const facts = { ...clear, statement: statement(period('2026-09', '2026-10-15', '2400.00'), period('2026-10', '2026-11-20', '2400.00')) };
    expect(closureObstacles(facts).map((o) => (o.kind === 'overdueBill' ? o.period : o.kind))).toEqual(['2026-09']);
    expect(closureRefusal(facts)?.reason).toContain('bill 2026-09 (due 2026-10-15) is unpaid: 2400.00 principal, 43.20 late fee');
  });

  it('refuses while only the late fee of a bill paid late is unpaid', () => {
    const late = { ...period('2026-09', '2026-10-15', '2400.00'), repayments: [{ date: '2026-10-25', amount: Money.of('2400.00') }] };
    expect(closureObstacles({ ...clear, statement: statement(late) })).toEqual([
      { kind: 'overdueBill', period: '2026-09', dueDate: '2026-10-15', principal: Money.zero(), lateFee: Money.of('12.00') },
    ]);
  });

  it('names every reason at once', () => {
    const reason = closureRefusal({
      ...clear,
      openArrearsCase: { reference: 'AR2026000007' },
      unpaidFine: Money.of('1.00'),
      statement: statement(period('2026-09', '2026-10-15', '2400.00')),
    })?.reason;
    expect(reason).toMatch(/arrears case AR2026000007 is open; a fine of 1.00 is unpaid; bill 2026-09/);
  });
});
