import { describe, expect, it } from 'vitest';
import { DEFAULT_PERSONAL_ACCOUNT_POLICY } from '../../../domain/insurance/personal-account.js';
import {
  collectionDueOnTransfer,
  periodsAfter,
  temporaryAccountStatement,
  type CollectedAccount,
} from '../../../domain/transfer/temporary-account-collection.js';
import { periodsLeavingPlace } from '../../../domain/transfer/carried-history.js';
import { transferAmountsOf } from '../../../domain/transfer/transfer-amounts.js';
import { DEFAULT_TRANSFER_POLICY, transferPolicyWith } from '../../../domain/transfer/transfer-policy.js';
import { expectDomainError } from './domain-error.js';

// A temporary account in Ningbo (330200) for a man whose relationship stayed in Hangzhou (330100): he paid on 8 000.00 a
// month from March 2024 to June 2025, then on 9 000.00 from July 2025 (an open record).
const account = { poolingArea: '330200', keptInPoolingArea: '330100', openedOn: '2024-03-20' };
const periods = [
  { startMonth: '2024-03', endMonth: '2025-06', monthlyWage: '8000.00', employeeRate: '0.08' },
  { startMonth: '2025-07', endMonth: null, monthlyWage: '9000.00', employeeRate: '0.08' },
];

describe('temporaryAccountStatement (§6.1 临时基本养老保险缴费账户, 归集)', () => {
  it('records every month paid in its place and collects 12 % pooled and the personal part into the relationship’s place (§6.1, 国办发〔2009〕66号 art. 5)', () => {
    const s = temporaryAccountStatement({ account, periods, throughMonth: '2025-12' });
    // 2024: 10 months × 8 000 = 80 000; 2025: 6 × 8 000 + 6 × 9 000 = 102 000 → pooled 12 % = 9 600.00 + 12 240.00.
    expect(s.months).toBe(22);
    expect(s.amounts).toEqual({ pooledFund: '21840.00', personalAccount: '14560.00' });
    expect(s.collectInto).toBe('330100');
    expect(s.workings[0]).toContain('22 contribution months through 2025-12');
    expect(s.workings.at(-1)).toContain('collected into 330100');
  });

  it('counts an open record up to the month given, and a part year by its months (§6.1 pooled part)', () => {
    const s = temporaryAccountStatement({ account, periods, throughMonth: '2024-05' });
    expect(s.months).toBe(3);
    expect(s.amounts).toEqual({ pooledFund: '2880.00', personalAccount: '1920.00' });
  });

  it('credits the yearly 记账利率 on the personal part by the insurance record’s rule when the rates are given (§5.1, §6.1)', () => {
    const plain = temporaryAccountStatement({ account, periods, throughMonth: '2026-03' });
    const credited = temporaryAccountStatement({ account, periods, throughMonth: '2026-03', accountInterest: DEFAULT_PERSONAL_ACCOUNT_POLICY });
    expect(credited.amounts.pooledFund).toBe(plain.amounts.pooledFund);
    expect(Number(credited.amounts.personalAccount)).toBeGreaterThan(Number(plain.amounts.personalAccount));
  });

  it('follows a configured pooled rate (pooledFund.rate)', () => {
    const policy = transferPolicyWith({ pooledFund: { ...DEFAULT_TRANSFER_POLICY.pooledFund, rate: '0.10' } });
    expect(temporaryAccountStatement({ account, periods, throughMonth: '2024-05' }, policy).amounts.pooledFund).toBe('2400.00');
  });

  it('refuses an account kept in its own place, a malformed month and records that count a month twice', () => {
    expectDomainError(
      () => temporaryAccountStatement({ account: { ...account, keptInPoolingArea: '330200' }, periods, throughMonth: '2025-12' }),
      'INVALID_REGION_CODE',
      'keptInPoolingArea',
    );
    expectDomainError(() => temporaryAccountStatement({ account, periods, throughMonth: '2025-13' }), 'INVALID_DATE', 'throughMonth');
    expectDomainError(() => temporaryAccountStatement({ account, periods: [...periods, { ...periods[0]! }], throughMonth: '2025-12' }), 'INVALID_DATE');
  });
});

describe('collectionDueOnTransfer (§6.1: collected when the person moves on again)', () => {
  const open = { poolingArea: '330200', collectedOn: null };
  const done = { poolingArea: '320100', collectedOn: '2026-01-05' };

  it('collects every open account on a next pension transfer, not one collected already', () => {
    expect(collectionDueOnTransfer('pension', [open, done], '330100')).toEqual([open]);
  });

  it('leaves an account in the new transfer’s own old place to that transfer, which moves its records itself (no month moved twice)', () => {
    expect(collectionDueOnTransfer('pension', [open], '330200')).toEqual([]);
  });

  it('sets nothing off for a medical or unemployment transfer', () => {
    expect(collectionDueOnTransfer('medical', [open], '330100')).toEqual([]);
    expect(collectionDueOnTransfer('unemployment', [open], '330100')).toEqual([]);
  });
});

describe('periodsLeavingPlace with collections (§6.1: a collected month moves once)', () => {
  // Hangzhou's own months, 2019 to 2023; the Ningbo account collected into Hangzhou through 2025-12 as it counted them.
  const hangzhou = [{ startMonth: '2019-01', endMonth: '2023-12', monthlyWage: '7000.00', employeeRate: '0.08' }];
  const collected: CollectedAccount = {
    poolingArea: '330200',
    collectedInto: '330100',
    throughMonth: '2025-12',
    periods: [
      { startMonth: '2024-03', endMonth: '2025-06', monthlyWage: '8000.00', employeeRate: '0.08' },
      { startMonth: '2025-07', endMonth: '2025-12', monthlyWage: '9000.00', employeeRate: '0.08' },
    ],
    movedOn: false,
  };

  it('cuts spans to the months after a collection, dropping those wholly collected (§6.1 归集)', () => {
    expect(periodsAfter(periods, '2025-06')).toEqual([{ startMonth: '2025-07', endMonth: null, monthlyWage: '9000.00', employeeRate: '0.08' }]);
    expect(periodsAfter(periods, '2025-12')).toEqual([{ startMonth: '2026-01', endMonth: null, monthlyWage: '9000.00', employeeRate: '0.08' }]);
    expect(periodsAfter([{ ...periods[0]! }], '2025-06')).toEqual([]);
    expect(periodsAfter(periods, '2023-12')).toEqual(periods);
  });

  it('leaves out of a later transfer from the account’s place the months its collection moved: only the months after it go (§6.1, no month moved twice)', () => {
    const out = periodsLeavingPlace({ fromPoolingArea: '330200', ownPeriods: periods, collected: [collected] });
    expect(out.periods).toEqual([{ startMonth: '2026-01', endMonth: null, monthlyWage: '9000.00', employeeRate: '0.08' }]);
    expect(out.movedOn).toEqual([]);
    expect(out.workings[0]).toContain('through 2025-12 were collected');
    // Through 2026-03 the transfer moves the three months of 2026 alone: 3 × 9 000 × 12 %.
    expect(transferAmountsOf({ insurance: 'pension', periods: out.periods, throughMonth: '2026-03' }).amounts.pooledFund).toBe('3240.00');
  });

  it('takes the months collected into the kept place along when the relationship moves on from there, once (§6.1 归集, 国办发〔2009〕66号 art. 5)', () => {
    const out = periodsLeavingPlace({ fromPoolingArea: '330100', ownPeriods: hangzhou, collected: [collected] });
    expect(out.periods.map((p) => [p.startMonth, p.endMonth])).toEqual([
      ['2019-01', '2023-12'],
      ['2024-03', '2025-06'],
      ['2025-07', '2025-12'],
    ]);
    expect(out.movedOn).toEqual([collected]);
    const own = transferAmountsOf({ insurance: 'pension', periods: hangzhou, throughMonth: '2026-03' }).amounts;
    const moved = transferAmountsOf({ insurance: 'pension', periods: out.periods, throughMonth: '2026-03' }).amounts;
    // The pooled part is the place's own plus what the collection booked (21 840.00, the statement above).
    expect(Number(moved.pooledFund)).toBe(Number(own.pooledFund) + 21840);
    expect(Number(moved.personalAccount)).toBe(Number(own.personalAccount) + 14560);
    // Moved on already by an earlier transfer out of the kept place: not again.
    expect(periodsLeavingPlace({ fromPoolingArea: '330100', ownPeriods: hangzhou, collected: [{ ...collected, movedOn: true }] }).periods).toEqual(hangzhou);
  });

  it('changes nothing for a place no collection touched', () => {
    expect(periodsLeavingPlace({ fromPoolingArea: '320100', ownPeriods: hangzhou, collected: [collected] })).toEqual({
      periods: hangzhou,
      movedOn: [],
      transferredIn: [],
      credits: [],
      workings: [],
    });
  });
});
