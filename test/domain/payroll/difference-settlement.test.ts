import { describe, expect, it } from 'vitest';
import { settleDifferences, type OpenDifference } from '../../../domain/payroll/difference-settlement.js';
import type { GatheredLine } from '../../../domain/payroll/payroll-gathering.js';
import { DEFAULT_OVERPAYMENT_POLICY } from '../../../domain/payroll/payroll-policy.js';

const monthly = (entitlementId: string, amount: string, holds: GatheredLine['holds'] = []): GatheredLine => ({
  lineKey: `${entitlementId}:2025-11:monthly`,
  entitlementId,
  citizenId: '330102196003013491',
  benefit: 'basicPension',
  kind: 'monthly',
  months: 1,
  amount,
  holds,
  bankCode: 'ICBC',
  bankAccount: '6222021234567890123',
  payeeName: '王五',
  workings: null,
});
const difference = (id: number, entitlementId: string, outstanding: string): OpenDifference => ({
  id,
  entitlementId,
  months: 4,
  outstanding,
  workings: [`total for payroll 2025-11: ${outstanding}`],
});

describe('settleDifferences (补发 / 补扣 in the payroll, 社会保险经办条例 art. 46)', () => {
  it('pays a positive difference as a line of its own, keyed to be paid once, with the workings', () => {
    const { lines, settlements } = settleDifferences([monthly('e1', '3441.90')], [difference(7, 'e1', '567.60')], '2025-11');
    expect(lines.map((l) => [l.lineKey, l.kind, l.amount])).toEqual([
      ['e1:2025-11:monthly', 'monthly', '3441.90'],
      ['e1:adjust:7', 'adjust', '567.60'],
    ]);
    expect(lines[1]!.workings).toEqual(['total for payroll 2025-11: 567.60', 'paid as back pay (补发) in the payroll of 2025-11']);
    expect(settlements).toEqual([{ differenceId: 7, lineKey: 'e1:adjust:7', amount: '567.60' }]);
  });

  it('withholds a negative one at most at the offset share of the monthly line, never below zero, the rest left open', () => {
    const { lines, settlements } = settleDifferences([monthly('e1', '2062.50')], [difference(8, 'e1', '-4950.00')], '2025-11');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.amount).toBe('1031.25');
    expect(lines[0]!.workings).toContain('withheld = min(2062.50 × 0.5 = 1031.25, outstanding 4950.00) = 1031.25');
    expect(settlements).toEqual([{ differenceId: 8, lineKey: 'e1:2025-11:monthly', amount: '-1031.25' }]);
    // The last part: only what is still owed; a custom share (policy) of the whole line.
    const last = settleDifferences([monthly('e1', '2062.50')], [difference(8, 'e1', '-100.00')], '2025-12', {
      ...DEFAULT_OVERPAYMENT_POLICY,
      offsetShare: '1',
    });
    expect(last.lines[0]!.amount).toBe('1962.50');
    expect(last.settlements[0]!.amount).toBe('-100.00');
  });

  it('settles nothing against a held line or for a person without a line this month: the difference waits', () => {
    const held = monthly('e1', '3300.00', [{ code: 'IMPRISONED', reason: 'prison term' }]);
    expect(settleDifferences([held], [difference(9, 'e1', '500.00'), difference(10, 'e1', '-500.00')], '2025-11')).toEqual({ lines: [held], settlements: [] });
    expect(settleDifferences([monthly('e2', '3300.00')], [difference(11, 'e1', '500.00')], '2025-11').settlements).toEqual([]);
  });
});
