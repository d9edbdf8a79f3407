import { describe, expect, it } from 'vitest';
import type { GatheredLine } from '../../../domain/payroll/payroll-gathering.js';
import { type OpenRecovery, withholdRecoveries } from '../../../domain/payroll/recovery-offset.js';
import { DEFAULT_OVERPAYMENT_POLICY } from '../../../domain/payroll/payroll-policy.js';

const PERSON = '330102196003013491';
const line = (over: Partial<GatheredLine> = {}): GatheredLine => ({
  lineKey: 'e1:2026-12:monthly',
  entitlementId: 'e1',
  citizenId: PERSON,
  benefit: 'funeralGrant',
  kind: 'oneOff',
  months: 1,
  amount: '5000.00',
  holds: [],
  bankCode: 'ICBC',
  bankAccount: '6222021234567890123',
  payeeName: '王五',
  workings: null,
  ...over,
});
const recovery = (over: Partial<OpenRecovery> = {}): OpenRecovery => ({
  id: 7,
  citizenId: PERSON,
  available: '3300.00',
  agreement: null,
  takenThisPeriod: '0.00',
  ...over,
});

describe('withholding open recoveries in the payroll (社会保险经办条例 art. 46)', () => {
  it('art. 46 offset: withholds overpayment.offsetShare of the line and names it in the workings', () => {
    const { lines, withholdings } = withholdRecoveries([line()], [recovery()], '2026-12');
    expect(lines[0]!.amount).toBe('2500.00');
    expect(withholdings).toEqual([{ recoveryId: 7, lineKey: 'e1:2026-12:monthly', amount: '2500.00' }]);
    expect(lines[0]!.workings).toEqual([
      'recovery of overpayment 7 (追回, 社会保险经办条例 art. 46, overpayment.offsetShare):',
      'withheld = min(5000.00 × 0.5 = 2500.00, outstanding 3300.00) = 2500.00',
      'net 5000.00 − 2500.00 = 2500.00; still outstanding 800.00',
    ]);
  });

  it('art. 46 offset: never more than is available, across two lines of the person and two recoveries, oldest first', () => {
    const two = [line(), line({ lineKey: 'e2:2026-12:monthly', entitlementId: 'e2', amount: '1000.00', kind: 'monthly', benefit: 'basicPension' })];
    const { lines, withholdings } = withholdRecoveries(two, [recovery({ id: 9, available: '100.00' }), recovery({ id: 8, available: '2450.00' })], '2026-12');
    expect(lines.map((l) => l.amount)).toEqual(['2500.00', '950.00']);
    expect(withholdings).toEqual([
      { recoveryId: 8, lineKey: 'e1:2026-12:monthly', amount: '2450.00' },
      { recoveryId: 9, lineKey: 'e1:2026-12:monthly', amount: '50.00' },
      { recoveryId: 9, lineKey: 'e2:2026-12:monthly', amount: '50.00' },
    ]);
  });

  it('art. 46: a held line, another person, or a recovery with nothing available withholds nothing', () => {
    const held = line({ holds: [{ code: 'NO_ACCOUNT', reason: 'no account' }] });
    const other = line({ citizenId: '330102196003010000', lineKey: 'x' });
    const r = withholdRecoveries([held, other], [recovery()], '2026-12');
    expect(r.lines.map((l) => l.amount)).toEqual(['5000.00', '5000.00']);
    expect(r.lines.map((l) => l.workings)).toEqual([null, null]);
    expect(withholdRecoveries([line()], [recovery({ available: '0.00' })], '2026-12').withholdings).toEqual([]);
  });

  it('art. 46 instalment agreement: takes the agreed amount instead of the share, once a month across lines and chunks', () => {
    const agreement = { monthlyAmount: '1000.00', firstMonth: '2026-12' };
    const two = [line(), line({ lineKey: 'e2', entitlementId: 'e2', amount: '800.00' })];
    const r = withholdRecoveries(two, [recovery({ agreement, takenThisPeriod: '300.00' })], '2026-12');
    expect(r.withholdings.map((w) => w.amount)).toEqual(['700.00']);
    expect(r.lines.map((l) => l.amount)).toEqual(['4300.00', '800.00']);
    expect(r.lines[0]!.workings![1]).toBe(
      'withheld = min(agreed 1000.00 a month, 700.00 left this month (instalment agreement, art. 46), line 5000.00, outstanding 3300.00) = 700.00',
    );
    // Before the agreement's first month: nothing (the agreement replaces the share).
    const early = withholdRecoveries([line()], [recovery({ agreement: { monthlyAmount: '1000.00', firstMonth: '2027-01' } })], '2026-12');
    expect(early.withholdings).toEqual([]);
    expect(early.lines[0]!.amount).toBe('5000.00');
  });

  it('art. 46 offset: follows a configured share (overpayment.offsetShare)', () => {
    const r = withholdRecoveries([line()], [recovery()], '2026-12', { ...DEFAULT_OVERPAYMENT_POLICY, offsetShare: '0.3' });
    expect(r.withholdings[0]!.amount).toBe('1500.00');
  });
});
