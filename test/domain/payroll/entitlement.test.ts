import { describe, expect, it } from 'vitest';
import { dueLines } from '../../../domain/payroll/entitlement.js';
import { resumeEntitlement, stopEntitlement, suspendEntitlement } from '../../../domain/payroll/entitlement-status.js';
import { DomainError } from '../../../domain/errors.js';
import { e4Unemployment, e5Maternity, e6Pension } from './fixtures.js';

describe('dueLines', () => {
  it('pays the E6 pension of 4 594.96 every month from its start (§5.1, E6)', () => {
    const lines = dueLines([e6Pension()], '2025-03');
    expect(lines).toEqual([
      {
        lineId: 'PEN-1:2025-03:monthly',
        entitlementId: 'PEN-1',
        citizenId: e6Pension().citizenId,
        benefit: 'pension',
        kind: 'monthly',
        period: '2025-03',
        amount: '4594.96',
        months: ['2025-03'],
      },
    ]);
    expect(dueLines([e6Pension()], '2024-12')).toEqual([]);
  });

  it('pays unemployment benefit only within its 10 months, 2025-03 to 2025-12 (§5.3, E4)', () => {
    expect(dueLines([e4Unemployment()], '2025-02')).toEqual([]);
    expect(dueLines([e4Unemployment()], '2025-03').map((l) => l.amount)).toEqual(['2070.00']);
    expect(dueLines([e4Unemployment()], '2025-12').map((l) => l.amount)).toEqual(['2070.00']);
    expect(dueLines([e4Unemployment()], '2026-01')).toEqual([]);
  });

  it('pays a one-off once: from its payable month until a payroll has paid it (§5.4, E5)', () => {
    expect(dueLines([e5Maternity()], '2025-04')).toEqual([]);
    expect(dueLines([e5Maternity()], '2025-05')).toEqual([
      expect.objectContaining({ kind: 'oneOff', amount: '29400.00', lineId: 'MAT-1:2025-05:oneOff', months: [] }),
    ]);
    // Not yet confirmed paid (e.g. the bank failed it): the next payroll offers it again.
    expect(dueLines([e5Maternity()], '2025-06')).toHaveLength(1);
    const paid = e5Maternity({ paidIn: '2025-05' });
    expect(dueLines([paid], '2025-06')).toEqual([]);
    expect(dueLines([paid], '2025-05')).toHaveLength(1); // rebuilding the month that paid it gives the same line
  });

  it('pays nothing while suspended or after a stop (§8 verification, stop events)', () => {
    const suspended = suspendEntitlement(e6Pension(), '2025-06', 'verification overdue');
    expect(dueLines([suspended], '2025-06')).toEqual([]);
    expect(dueLines([suspended], '2025-09')).toEqual([]);
    const stopped = stopEntitlement(e6Pension(), '2025-03');
    expect(stopped).toMatchObject({ status: 'stopped', endMonth: '2025-03' });
    expect(dueLines([stopped], '2025-03')).toEqual([]);
    expect(dueLines([stopEntitlement(e5Maternity(), '2025-05')], '2025-05')).toEqual([]);
  });

  it('pays the suspended months back as their own line in the month of resumption (§8)', () => {
    const resumed = resumeEntitlement(suspendEntitlement(e6Pension(), '2025-06', 'verification overdue'), '2025-09', {
      backPay: true,
    });
    expect(resumed.status).toBe('active');
    const lines = dueLines([resumed], '2025-09');
    expect(lines.map((l) => [l.kind, l.amount, l.months])).toEqual([
      ['monthly', '4594.96', ['2025-09']],
      ['backPay', '13784.88', ['2025-06', '2025-07', '2025-08']], // 3 × 4 594.96
    ]);
    expect(lines[1]).toMatchObject({ cause: 'resumed', lineId: 'PEN-1:2025-09:backPay:2025-06' });
    expect(dueLines([resumed], '2025-10').map((l) => l.kind)).toEqual(['monthly']);
    expect(dueLines([resumed], '2025-07')).toEqual([]); // a suspended month never pays a regular line
  });

  it('forfeits the suspended months when resumed without back-pay (§8 待遇拨付)', () => {
    const resumed = resumeEntitlement(suspendEntitlement(e6Pension(), '2025-06', 'investigation'), '2025-09', {
      backPay: false,
    });
    expect(dueLines([resumed], '2025-09').map((l) => l.kind)).toEqual(['monthly']);
  });

  it('limits back-pay to the months inside the span of the benefit (§5.3, E4)', () => {
    const resumed = resumeEntitlement(suspendEntitlement(e4Unemployment(), '2025-11', 'overdue'), '2026-02', {
      backPay: true,
    });
    expect(dueLines([resumed], '2026-02')).toEqual([expect.objectContaining({ kind: 'backPay', amount: '4140.00', months: ['2025-11', '2025-12'] })]);
  });

  it('pays the months before a late first payroll as one back-pay line (§8 待遇拨付)', () => {
    const late = e6Pension({ firstPayrollMonth: '2025-03' });
    expect(dueLines([late], '2025-02')).toEqual([]);
    expect(dueLines([late], '2025-03').map((l) => [l.kind, l.amount, l.cause ?? null])).toEqual([
      ['monthly', '4594.96', null],
      ['backPay', '9189.92', 'lateStart'],
    ]);
    expect(dueLines([late], '2025-04')).toHaveLength(1);
  });

  it('gives the same lines when a month is built twice, so nothing is paid twice (§8 待遇拨付)', () => {
    const all = [e6Pension(), e4Unemployment(), e5Maternity()];
    expect(dueLines(all, '2025-05')).toEqual(dueLines(all, '2025-05'));
    expect(new Set(dueLines(all, '2025-05').map((l) => l.lineId)).size).toBe(3);
  });

  it('refuses a malformed period (§8 待遇拨付)', () => {
    expect(() => dueLines([], '2025-13')).toThrow(DomainError);
  });
});

describe('entitlement status changes', () => {
  it('does nothing twice when suspended twice, and refuses to resume what is not suspended (§8 待遇拨付)', () => {
    const once = suspendEntitlement(e6Pension(), '2025-06', 'overdue');
    expect(suspendEntitlement(once, '2025-07', 'again')).toBe(once);
    expect(() => resumeEntitlement(e6Pension(), '2025-07', { backPay: true })).toThrow(/not suspended/);
    expect(() => resumeEntitlement(once, '2025-05', { backPay: true })).toThrow(/before the suspension/);
    expect(() => suspendEntitlement(stopEntitlement(e6Pension(), '2025-03'), '2025-06', 'x')).toThrow(/stopped/);
  });

  it('never extends an end month when stopping (§5.3 stop conditions)', () => {
    expect(stopEntitlement(e4Unemployment(), '2026-05')).toMatchObject({ endMonth: '2025-12' });
    expect(stopEntitlement(e4Unemployment(), '2025-07')).toMatchObject({ endMonth: '2025-07' });
  });
});
