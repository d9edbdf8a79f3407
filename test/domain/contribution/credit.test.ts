import { describe, expect, it } from 'vitest';
import { allocateWithCredit } from '../../../domain/contribution/credit.js';
import type { PeriodDebt } from '../../../domain/contribution/allocation.js';
import { Money } from '../../../domain/money.js';

const m = (amount: string) => Money.of(amount);
const table = (r: ReturnType<typeof allocateWithCredit>) => r.lines.map((l) => [l.period, l.component, l.amount.toString()]);

describe('allocateWithCredit (a credit pays the next bills — rules §4 "Partial payments", issue 3)', () => {
  it('spends a held credit on a newly booked bill, oldest period first, and keeps nothing when the bill is larger (§4)', () => {
    const r = allocateWithCredit(
      Money.zero(),
      m('100.00'),
      [{ period: '2026-11', principal: m('2400.00'), lateFee: Money.zero() }],
      'PER_PERIOD_PRINCIPAL_FIRST',
    );
    expect(table(r)).toEqual([['2026-11', 'principal', '100.00']]);
    expect([r.creditHeld.toString(), r.credit.toString(), r.creditChange.toString()]).toEqual(['100.00', '0.00', '-100.00']);
  });

  it('keeps what the bills do not take as credit, and books only the change (§4)', () => {
    const r = allocateWithCredit(
      Money.zero(),
      m('3000.00'),
      [{ period: '2026-11', principal: m('2400.00'), lateFee: Money.zero() }],
      'PER_PERIOD_PRINCIPAL_FIRST',
    );
    expect(table(r)).toEqual([['2026-11', 'principal', '2400.00']]);
    expect([r.credit.toString(), r.creditChange.toString()]).toEqual(['600.00', '-2400.00']);
  });

  it('spreads a payment and the credit together by the rule: oldest first, principal before late fee (§4 PER_PERIOD_PRINCIPAL_FIRST)', () => {
    const debts: PeriodDebt[] = [
      { period: '2026-10', principal: m('1000.00'), lateFee: Money.zero() },
      { period: '2026-09', principal: m('2400.00'), lateFee: m('12.00') },
    ];
    const r = allocateWithCredit(m('3000.00'), m('100.00'), debts, 'PER_PERIOD_PRINCIPAL_FIRST');
    expect(table(r)).toEqual([
      ['2026-09', 'principal', '2400.00'],
      ['2026-09', 'lateFee', '12.00'],
      ['2026-10', 'principal', '688.00'],
    ]);
    expect([r.credit.toString(), r.creditChange.toString()]).toEqual(['0.00', '-100.00']);
    expect(r.workings[0]).toBe('payment 3000.00 + credit held 100.00');
  });

  it('settles a whole period under REQUIRE_FULL_PERIOD with credit and payment together that neither settles alone (§4)', () => {
    const debts: PeriodDebt[] = [{ period: '2026-10', principal: m('2400.00'), lateFee: Money.zero() }];
    expect(allocateWithCredit(Money.zero(), m('100.00'), debts, 'REQUIRE_FULL_PERIOD').lines).toEqual([]);
    const r = allocateWithCredit(m('2300.00'), m('100.00'), debts, 'REQUIRE_FULL_PERIOD');
    expect(table(r)).toEqual([['2026-10', 'principal', '2400.00']]);
    expect(r.creditChange.toString()).toBe('-100.00');
  });

  it('turns an overpayment into credit when nothing is held: a positive change (§4, issue 3 "overpayments become a credit")', () => {
    const r = allocateWithCredit(
      m('2500.00'),
      Money.zero(),
      [{ period: '2026-10', principal: m('2400.00'), lateFee: Money.zero() }],
      'PER_PERIOD_PRINCIPAL_FIRST',
    );
    expect([r.credit.toString(), r.creditChange.toString()]).toEqual(['100.00', '100.00']);
  });

  it('always adds up: lines plus the new credit equal payment plus credit held, to the fen (§4)', () => {
    const debts: PeriodDebt[] = [
      { period: '2026-08', principal: m('0.01'), lateFee: m('0.02') },
      { period: '2026-09', principal: m('333.33'), lateFee: m('1.67') },
    ];
    for (const rule of ['PER_PERIOD_PRINCIPAL_FIRST', 'LATE_FEE_FIRST', 'REQUIRE_FULL_PERIOD'] as const) {
      const r = allocateWithCredit(m('200.00'), m('134.99'), debts, rule);
      const paid = r.lines.reduce((sum, l) => sum.plus(l.amount), Money.zero());
      expect(paid.plus(r.credit).toString()).toBe('334.99');
    }
  });

  it('refuses a negative credit (INVALID_AMOUNT)', () => {
    expect(() => allocateWithCredit(Money.zero(), m('-1.00'), [], 'PER_PERIOD_PRINCIPAL_FIRST')).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });
});

describe('allocateWithCredit and fines (§4, 社会保险法 art. 86)', () => {
  it('spends a held credit on an unpaid fine once the periods are paid', () => {
    const r = allocateWithCredit(
      Money.zero(),
      m('500.00'),
      [{ period: '2026-11', principal: m('100.00'), lateFee: Money.zero() }],
      'PER_PERIOD_PRINCIPAL_FIRST',
      {
        fines: [{ caseId: 'AR-1', amount: m('1000.00') }],
      },
    );
    expect(r.lines.map((l) => [l.component, l.amount.toString()])).toEqual([
      ['principal', '100.00'],
      ['fine', '400.00'],
    ]);
    expect([r.credit.toString(), r.creditChange.toString()]).toEqual(['0.00', '-500.00']);
  });
});
