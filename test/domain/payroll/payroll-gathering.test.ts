import { describe, expect, it } from 'vitest';
import { type EntitlementRow, gatherLines, gatheringLanes } from '../../../domain/payroll/payroll-gathering.js';
import { lineStatusAfter } from '../../../domain/payroll/payroll-tasks.js';
import { fixedCitizenId } from './fixtures.js';

const row = (overrides: Partial<EntitlementRow> = {}): EntitlementRow => ({
  id: 'E-1',
  caseId: 'C-1',
  citizenId: fixedCitizenId(),
  claimType: 'pension',
  benefit: 'basicPension',
  kind: 'monthly',
  amount: '3300.00',
  startMonth: '2026-09',
  endMonth: null,
  firstPayrollMonth: '2026-12',
  deathDate: null,
  imprisonments: [],
  otherPensionEntitlementId: null,
  newEnrollmentOn: null,
  bankCode: 'ICBC',
  bankAccount: '6222021234567890123',
  payeeName: '王五',
  ...overrides,
});
const codes = (lines: ReturnType<typeof gatherLines>) => lines.map((l) => l.holds.map((h) => h.code));

describe('gatherLines', () => {
  it('pays a late-approved pension its month and the months before as back pay, keyed by entitlement and month (§5.1, §8 待遇拨付)', () => {
    const lines = gatherLines([row()], '2026-12');
    expect(lines.map((l) => [l.lineKey, l.kind, l.months, l.amount])).toEqual([
      ['E-1:2026-12:monthly', 'monthly', 1, '3300.00'],
      ['E-1:2026-12:lateStart', 'backPay', 3, '9900.00'],
    ]);
    expect(codes(lines)).toEqual([[], []]);
  });

  it('holds every line of a dead, imprisoned or doubly pensioned person, and one without an account (§8 patterns 1–3)', () => {
    expect(codes(gatherLines([row({ firstPayrollMonth: '2026-09', deathDate: '2026-10-03' })], '2026-12'))).toEqual([['DECEASED']]);
    expect(codes(gatherLines([row({ firstPayrollMonth: '2026-09', imprisonments: [{ from: '2026-11-01', to: null }] })], '2026-12'))).toEqual([['IMPRISONED']]);
    expect(codes(gatherLines([row({ firstPayrollMonth: '2026-09', otherPensionEntitlementId: 'E-9' })], '2026-12'))).toEqual([['DUPLICATE_PENSION']]);
    expect(codes(gatherLines([row({ firstPayrollMonth: '2026-09', bankAccount: null, bankCode: null })], '2026-12'))).toEqual([['NO_ACCOUNT']]);
  });

  it('holds unemployment benefit once the person is enrolled with an employer again (社会保险法 art. 51)', () => {
    const unemployment = row({ claimType: 'unemployment', benefit: 'unemploymentBenefit', firstPayrollMonth: '2026-09', newEnrollmentOn: '2026-12-01' });
    expect(codes(gatherLines([unemployment], '2026-12'))).toEqual([['REEMPLOYED']]);
    expect(codes(gatherLines([unemployment], '2026-11'))).toEqual([[]]);
  });

  it('does not hold funeral and survivor lines for the death they are paid for (§8)', () => {
    const grant = row({
      claimType: 'funeral',
      benefit: 'funeralGrant',
      kind: 'oneOff',
      amount: '5000.00',
      firstPayrollMonth: '2026-12',
      deathDate: '2026-11-20',
    });
    expect(codes(gatherLines([grant], '2026-12'))).toEqual([[]]);
  });

  it('keys a one-off by its entitlement alone, so no later month pays it again (§8 待遇拨付)', () => {
    const oneOff = row({ claimType: 'medical', benefit: 'medicalReimbursement', kind: 'oneOff', amount: '1234.56', firstPayrollMonth: '2026-11' });
    expect(gatherLines([oneOff], '2026-12').map((l) => [l.lineKey, l.amount])).toEqual([['E-1:oneOff', '1234.56']]);
    expect(gatherLines([oneOff], '2027-01').map((l) => l.lineKey)).toEqual(['E-1:oneOff']);
  });

  it('pays a release in this batch before approval and in the next payroll after it; a retry always next month', () => {
    expect(lineStatusAfter('release', false)).toBe('due');
    expect(lineStatusAfter('release', true)).toBe('carried');
    expect(lineStatusAfter('retry', false)).toBe('carried');
    expect(lineStatusAfter('stopAndRecover', false)).toBe('stopped');
  });

  it('pays nothing while a verification suspension is open, and the held months back with their workings on resumption (§8 verification)', () => {
    const open = row({
      firstPayrollMonth: '2026-09',
      suspensions: [{ from: '2026-10', to: null, reason: 'verification overdue', resumedIn: null, backPay: false }],
    });
    expect(gatherLines([open], '2026-09').map((l) => l.kind)).toEqual(['monthly']);
    expect(gatherLines([open], '2026-10')).toEqual([]);
    expect(gatherLines([open], '2026-11')).toEqual([]);
    const resumed = row({
      firstPayrollMonth: '2026-09',
      suspensions: [{ from: '2026-10', to: '2026-11', reason: 'verification overdue', resumedIn: '2026-12', backPay: true }],
    });
    const lines = gatherLines([resumed], '2026-12');
    expect(lines.map((l) => [l.lineKey, l.kind, l.months, l.amount])).toEqual([
      ['E-1:2026-12:monthly', 'monthly', 1, '3300.00'],
      ['E-1:2026-12:backPay:2026-10', 'backPay', 2, '6600.00'],
    ]);
    expect(lines[0]!.workings).toBeNull();
    expect(lines[1]!.workings).toEqual([
      'payment suspended from 2026-10 (verification overdue), resumed in 2026-12',
      'back-pay (补发) for 2026-10 – 2026-11: 3300.00 × 2 months = 6600.00',
    ]);
    // the next month pays the regular line only: the back-pay is not paid twice
    expect(gatherLines([resumed], '2027-01').map((l) => l.lineKey)).toEqual(['E-1:2027-01:monthly']);
  });
});

describe('gatheringLanes', () => {
  // Which lane an ID falls in, by the lanes' own bounds (UUIDs in their canonical lower-case form sort as strings).
  const laneOf = (lanes: ReturnType<typeof gatheringLanes>, id: string) =>
    lanes.findIndex((l) => (l.after === null || id > l.after) && (l.before === null || id < l.before));

  it('cuts the entitlement IDs into slices that together hold every ID exactly once', () => {
    const ids = [
      '00000000-0000-0000-0000-000000000001',
      '3fffffff-ffff-4fff-bfff-ffffffffffff',
      '40000000-0000-4000-8000-000000000000',
      '7fffffff-ffff-ffff-ffff-ffffffffffff',
      '80000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
    ];
    for (const n of [1, 2, 3, 4]) {
      const lanes = gatheringLanes(n);
      expect(lanes).toHaveLength(n);
      for (const id of ids) expect(lanes.filter((l) => (l.after === null || id > l.after) && (l.before === null || id < l.before))).toHaveLength(1);
    }
    expect(gatheringLanes(2)).toEqual([
      { after: null, before: '80000000-0000-0000-0000-000000000000' },
      { after: '7fffffff-ffff-ffff-ffff-ffffffffffff', before: null },
    ]);
    expect(ids.map((id) => laneOf(gatheringLanes(4), id))).toEqual([0, 0, 1, 1, 2, 3]);
  });

  it('walks one slice when asked for none', () => {
    expect(gatheringLanes(0)).toEqual([{ after: null, before: null }]);
  });
});
