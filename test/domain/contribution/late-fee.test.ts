import { describe, expect, it } from 'vitest';
import { calculateLateFee } from '../../../domain/contribution/late-fee.js';
import { DomainError } from '../../../domain/errors.js';
import { Money } from '../../../domain/money.js';

const fee = (input: Partial<Parameters<typeof calculateLateFee>[0]> = {}) =>
  calculateLateFee({ principal: Money.of('8000.00'), dueDate: '2025-03-15', asOf: '2025-04-29', ...input });

describe('calculateLateFee', () => {
  it('charges 45 days and 180.00 on 8 000.00 due 2025-03-15 paid 2025-04-29 (§4, E2)', () => {
    const r = fee();
    expect(r.days).toBe(45);
    expect(r.dailyRate).toBe('0.0005');
    expect(r.lateFee.toString()).toBe('180.00');
    expect(r.segments).toEqual([expect.objectContaining({ from: '2025-03-16', to: '2025-04-29', days: 45 })]);
    expect(r.workings.join('\n')).toContain('8000.00 × 0.0005 × 45 days');
  });

  it('charges nothing when paid on or before the due date (§4: from the day after the due date)', () => {
    expect(fee({ asOf: '2025-03-15' }).lateFee.toString()).toBe('0.00');
    expect(fee({ asOf: '2025-03-01' }).days).toBe(0);
    expect(fee({ asOf: '2025-03-16' }).lateFee.toString()).toBe('4.00');
  });

  it('counts the payment day and stops the paid part the day after (§4, partial payments)', () => {
    // 3 000 paid on 2025-03-25: 10 days on 8 000 (16–25 Mar), then 35 days on 5 000 (26 Mar – 29 Apr).
    const r = fee({ repayments: [{ date: '2025-03-25', amount: Money.of('3000.00') }] });
    expect(r.days).toBe(45);
    expect(r.segments.map((s) => [s.from, s.to, s.principal.toString(), s.days])).toEqual([
      ['2025-03-16', '2025-03-25', '8000.00', 10],
      ['2025-03-26', '2025-04-29', '5000.00', 35],
    ]);
    expect(r.lateFee.toString()).toBe('127.50'); // 40.00 + 87.50
  });

  it('stops accruing when the principal is repaid in full (§4)', () => {
    const r = fee({ repayments: [{ date: '2025-03-20', amount: Money.of('8000.00') }] });
    expect(r.days).toBe(5);
    expect(r.lateFee.toString()).toBe('20.00');
  });

  it('runs no fee during an agreed or approved deferral (§4, installments / deferral)', () => {
    const r = fee({ feeFree: [{ from: '2025-04-01', to: '2025-04-29', reason: 'hardship deferral' }] });
    expect(r.days).toBe(16);
    expect(r.feeFreeDays).toBe(29);
    expect(r.lateFee.toString()).toBe('64.00');
  });

  it('caps the fee at the principal only when capAtPrincipal is on (§4, 行政强制法 art. 45, default off)', () => {
    const longAgo = { principal: Money.of('1000.00'), dueDate: '2020-01-15', asOf: '2026-01-15' };
    const uncapped = calculateLateFee(longAgo);
    expect(uncapped.lateFee.compare(Money.of('1000.00'))).toBe(1);
    expect(uncapped.capped).toBe(false);
    const capped = calculateLateFee({ ...longAgo, policy: { capAtPrincipal: true } });
    expect(capped.lateFee.toString()).toBe('1000.00');
    expect(capped.capped).toBe(true);
  });

  it('rounds the exact sum once with the configured rule (§3.4 rounding variants)', () => {
    // 1 234.57 × 0.0005 × 3 = 1.851855
    const base = { principal: Money.of('1234.57'), dueDate: '2025-03-15', asOf: '2025-03-18' };
    expect(calculateLateFee(base).lateFee.toString()).toBe('1.85');
    expect(calculateLateFee({ ...base, policy: { rounding: 'CEIL_JIAO' } }).lateFee.toString()).toBe('1.90');
    expect(calculateLateFee({ ...base, policy: { rounding: 'HALF_UP_YUAN' } }).lateFee.toString()).toBe('2.00');
  });

  it('refuses repayments larger than the principal', () => {
    expect(() => fee({ repayments: [{ date: '2025-03-20', amount: Money.of('9000.00') }] })).toThrow(DomainError);
  });
});

describe('calculateLateFee with a part due later (a back-payment approved without late fee, issue 13)', () => {
  const later = (amount: string, dueDate: string) => [{ amount: Money.of(amount), dueDate }];

  it('§4 charges no fee on the part before its own due date and the whole principal after it', () => {
    // 16 Mar – 19 Apr: 35 days on 5 000 = 87.50; 20 – 29 Apr: 10 days on 8 000 = 40.00.
    const r = fee({ laterDue: later('3000.00', '2025-04-19') });
    expect(r.segments.map((s) => [s.from, s.to, s.principal.toString(), s.days])).toEqual([
      ['2025-03-16', '2025-04-19', '5000.00', 35],
      ['2025-04-20', '2025-04-29', '8000.00', 10],
    ]);
    expect(r.days).toBe(45);
    expect(r.lateFee.toString()).toBe('127.50');
    expect(r.workings.join('\n')).toContain('3000.00 of the principal is due on 2025-04-19');
  });

  it('§4 charges nothing while the whole principal is not yet due, and only the days after its own due date', () => {
    expect(fee({ laterDue: later('8000.00', '2025-04-29') }).lateFee.toString()).toBe('0.00');
    expect(fee({ laterDue: later('8000.00', '2025-04-29') }).days).toBe(0);
    const r = fee({ laterDue: later('8000.00', '2025-04-24') });
    expect([r.days, r.lateFee.toString()]).toEqual([5, '20.00']);
  });

  it('§4 a repayment pays the part due first first: the later part bears nothing before its due date', () => {
    // 6 000 paid on 25 Mar: 10 days on the 5 000 already due (25.00); then 2 000 of the later part, due 19 Apr: 10 days (10.00).
    const r = fee({ laterDue: later('3000.00', '2025-04-19'), repayments: [{ date: '2025-03-25', amount: Money.of('6000.00') }] });
    expect(r.segments.map((s) => [s.from, s.to, s.principal.toString(), s.days])).toEqual([
      ['2025-03-16', '2025-03-25', '5000.00', 10],
      ['2025-04-20', '2025-04-29', '2000.00', 10],
    ]);
    expect(r.lateFee.toString()).toBe('35.00');
  });

  it('§4 without a later part the fee is unchanged', () => {
    expect(fee({ laterDue: [] }).lateFee.toString()).toBe(fee().lateFee.toString());
  });
});
