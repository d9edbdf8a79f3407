import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PERSONAL_ACCOUNT_POLICY } from '../../../domain/insurance/personal-account.js';
import { periodsLeavingPlace, spansOfInformationTable, spansThrough, type TransferredIn } from '../../../domain/transfer/carried-history.js';
import type { CollectedAccount } from '../../../domain/transfer/temporary-account-collection.js';
import { assessTransfer } from '../../../domain/transfer/transfer-assessment.js';
import { type AccountPeriod, transferAmountsOf } from '../../../domain/transfer/transfer-amounts.js';
import { DEFAULT_TRANSFER_POLICY } from '../../../domain/transfer/transfer-policy.js';
import { informationTableOf } from '../../../workflows/transfer/transfer-platform.js';
import { E3_TABLE } from '../../support/fake-counterpart.js';

// A worker who moves twice: Hangzhou (330100) 2010-01 to 2019-06 (E3), then Ningbo (330200) from 2019-07 on 7 000.00
// a month, then out of Ningbo — to an outside place (320100) or back to Hangzhou.
const E3: AccountPeriod[] = E3_TABLE.map((y) => ({
  startMonth: `${y.year}-01`,
  endMonth: `${y.year}-${String(y.months).padStart(2, '0')}`,
  monthlyWage: new Decimal(y.contributionWage).div(y.months).toFixed(2),
  employeeRate: '0.08',
}));
const NINGBO: AccountPeriod[] = [{ startMonth: '2019-07', endMonth: null, monthlyWage: '7000.00', employeeRate: '0.08' }];

/** What the Hangzhou → Ningbo transfer (case c1) carried into Ningbo, as its hand-over keeps it. */
const c1: TransferredIn = {
  byCase: 'transfer-c1',
  from: '330100',
  into: '330200',
  throughMonth: '2019-06',
  periods: spansThrough(E3, '2019-06').map((p) => ({ ...p, paidIn: '330100' })),
  movedOn: false,
};

const pension = (periods: readonly AccountPeriod[], throughMonth = '2026-03', accountInterest = DEFAULT_PERSONAL_ACCOUNT_POLICY) =>
  transferAmountsOf({ insurance: 'pension', periods, throughMonth, accountInterest });

describe('periodsLeavingPlace: multi-hop transfers (§6.1 a worker who moves twice loses no year and no fen)', () => {
  it('moves the Hangzhou years on with the Ningbo ones A → B → C: pooled fund 12 % of every year from 1998 by months, the personal account with what the first transfer credited (§6.1, E3)', () => {
    const out = periodsLeavingPlace({ fromPoolingArea: '330200', ownPeriods: NINGBO, transferredIn: [c1] });
    expect(out.transferredIn).toEqual([c1]);
    expect(out.periods.map((p) => [p.startMonth, p.endMonth, p.paidIn ?? 'own'])).toEqual([
      ...E3.map((p) => [p.startMonth, p.endMonth, '330100']),
      ['2019-07', null, 'own'],
    ]);
    expect(out.workings).toEqual([expect.stringContaining('transfer transfer-c1 moved from 330100 into 330200 through 2019-06 move on')]);

    // Without interest the sums can be read off: E3 62 136.00 + Ningbo 12 % × (6 × 7 000 + 72 × 7 000 + 3 × 7 000).
    const plain = transferAmountsOf({ insurance: 'pension', periods: out.periods, throughMonth: '2026-03' });
    expect(plain.months).toBe(114 + 81);
    expect(plain.amounts).toEqual({ pooledFund: '130176.00', personalAccount: '86784.00' }); // 62 136 + 68 040; 41 424 + 45 360
    // 2019 is paid in both places: one year, 39 000 + 42 000, rounded once.
    expect(plain.pooledFund?.years.find((y) => y.year === 2019)).toMatchObject({ months: 12, contributionWage: '81000.00', pooledFund: '9720.00' });

    // Reconciled to the fen: what leaves Ningbo is the first transfer's E3 money plus Ningbo's own, the E3 personal part
    // credited with the 记账利率 of the years it spent in Ningbo as well.
    const moved = pension(out.periods);
    const e3 = pension(E3);
    const own = pension(NINGBO);
    expect(moved.amounts.pooledFund).toBe((Number(e3.amounts.pooledFund) + Number(own.amounts.pooledFund)).toFixed(2));
    expect(moved.amounts).toEqual(pension([...E3, ...NINGBO]).amounts);
  });

  it('moves them once: the transfer out of Ningbo marks them, a later one moves Ningbo’s months after it only (§6.1, no month moved twice)', () => {
    const movedOn = { ...c1, movedOn: true };
    expect(periodsLeavingPlace({ fromPoolingArea: '330200', ownPeriods: NINGBO, transferredIn: [movedOn] }).periods).toEqual(NINGBO);
    // Carried into Ningbo, they are not Hangzhou's to move any more: Hangzhou's own records were marked by c1.
    expect(periodsLeavingPlace({ fromPoolingArea: '330100', ownPeriods: [], transferredIn: [c1] }).periods).toEqual([]);
  });

  it('follows the chain back to the first place A → B → A → …: the second transfer carried both places, the first is not counted again', () => {
    // Ningbo → Hangzhou (c2) carried the E3 months and Ningbo 2019-07 to 2026-02, then the person paid in Hangzhou again.
    const leavingNingbo = periodsLeavingPlace({ fromPoolingArea: '330200', ownPeriods: spansThrough(NINGBO, '2026-02'), transferredIn: [c1] });
    const c2: TransferredIn = {
      byCase: 'transfer-c2',
      from: '330200',
      into: '330100',
      throughMonth: '2026-02',
      periods: leavingNingbo.periods.map((p) => ({ ...p, paidIn: p.paidIn ?? '330200' })),
      movedOn: false,
    };
    const hangzhouAgain: AccountPeriod[] = [{ startMonth: '2026-03', endMonth: null, monthlyWage: '8000.00', employeeRate: '0.08' }];
    const out = periodsLeavingPlace({ fromPoolingArea: '330100', ownPeriods: hangzhouAgain, transferredIn: [{ ...c1, movedOn: true }, c2] });
    expect(out.transferredIn.map((t) => t.byCase)).toEqual(['transfer-c2']);
    const plain = transferAmountsOf({ insurance: 'pension', periods: out.periods, throughMonth: '2026-06' });
    expect(plain.months).toBe(114 + 80 + 4);
    expect(plain.amounts.pooledFund).toBe('133176.00'); // 62 136 + 12 % × (80 × 7 000) + 12 % × (4 × 8 000) = 62 136 + 67 200 + 3 840
  });

  it('counts a month once when the carried spans and the place’s own share it (a month is never counted in two places)', () => {
    // Medical: the new job in Ningbo began in 2026-01 while the Hangzhou record ran to the month before the take-over.
    const carried: TransferredIn = {
      ...c1,
      throughMonth: '2026-02',
      periods: [{ startMonth: '2024-01', endMonth: '2026-02', monthlyWage: '6000.00', employeeRate: '0.02', paidIn: '330100' }],
    };
    const own: AccountPeriod[] = [{ startMonth: '2026-01', endMonth: null, monthlyWage: '7000.00', employeeRate: '0.02' }];
    const out = periodsLeavingPlace({ fromPoolingArea: '330200', ownPeriods: own, transferredIn: [carried] });
    expect(out.periods.map((p) => [p.startMonth, p.endMonth])).toEqual([
      ['2024-01', '2025-12'],
      ['2026-01', null],
    ]);
    expect(out.workings[0]).toContain('less 2 months 330200 holds already');
    expect(transferAmountsOf({ insurance: 'medical', periods: out.periods, throughMonth: '2026-03' }).months).toBe(24 + 3);
  });

  it('shares the one rule with a temporary account’s collection: collected months and transferred-in months move on together (§6.1 归集, art. 5)', () => {
    const collected: CollectedAccount = {
      poolingArea: '320100',
      collectedInto: '330200',
      throughMonth: '2018-12',
      periods: [{ startMonth: '2018-01', endMonth: '2018-12', monthlyWage: '5000.00', employeeRate: '0.08' }],
      movedOn: false,
    };
    const own = spansThrough(NINGBO, '2019-12');
    const out = periodsLeavingPlace({
      fromPoolingArea: '330200',
      ownPeriods: own,
      collected: [collected],
      transferredIn: [{ ...c1, periods: c1.periods.slice(-1) }],
    });
    expect(out.movedOn).toEqual([collected]);
    expect(out.periods.map((p) => [p.startMonth, p.paidIn ?? 'own'])).toEqual([
      ['2018-01', '320100'],
      ['2019-01', '330100'],
      ['2019-07', 'own'],
    ]);
  });
});

describe('a transfer in from a counterpart moves on too (§6.1: its information table and the balance it paid)', () => {
  // Nanjing (320100) sent E3 as its information table and paid 62 136.00 pooled, 41 424.00 personal into Ningbo in 2022.
  const table = E3_TABLE;

  it('reads the table as spans within their years with their contribution wage, the last year ending with the last covered month', () => {
    const spans = spansOfInformationTable(table, '2019-06', '320100');
    expect(spans).toHaveLength(10);
    expect(spans[0]).toEqual({
      startMonth: '2010-01',
      endMonth: '2010-12',
      monthlyWage: '3000.00',
      employeeRate: '0',
      paidIn: '320100',
      contributionWage: '36000.00',
    });
    expect(spans.at(-1)).toMatchObject({ startMonth: '2019-01', endMonth: '2019-06', contributionWage: '39000.00' });
    // Two places in one year: one line before the other, each whole.
    const twoPlaces = spansOfInformationTable(
      [
        { year: 2024, months: 5, contributionWage: '25000.01', poolingArea: '320100' },
        { year: 2024, months: 7, contributionWage: '42000.00', poolingArea: '320500' },
      ],
      '2024-12',
      '320100',
    );
    expect(twoPlaces.map((p) => [p.startMonth, p.endMonth, p.paidIn, p.contributionWage])).toEqual([
      ['2024-01', '2024-05', '320100', '25000.01'],
      ['2024-06', '2024-12', '320500', '42000.00'],
    ]);
    expect(transferAmountsOf({ insurance: 'pension', periods: twoPlaces, throughMonth: '2025-01' }).pooledFund?.totalContributionWage).toBe('67000.01');
  });

  it('moves the counterpart’s years and balance on with Ningbo’s own: 12 % of every year, the balance it credited with its interest since (§6.1)', () => {
    const carried: TransferredIn = {
      byCase: 'transfer-in-from-nanjing',
      from: '320100',
      into: '330200',
      throughMonth: '2019-06',
      periods: spansOfInformationTable(table, '2019-06', '320100'),
      credits: [{ year: 2022, amount: '41424.00', from: '320100' }],
      movedOn: false,
    };
    const out = periodsLeavingPlace({ fromPoolingArea: '330200', ownPeriods: NINGBO, transferredIn: [carried] });
    expect(out.credits).toEqual([{ year: 2022, amount: '41424.00', from: '320100' }]);
    const plain = transferAmountsOf({ insurance: 'pension', periods: out.periods, throughMonth: '2026-03', accountCredits: out.credits });
    expect(plain.amounts).toEqual({ pooledFund: '130176.00', personalAccount: '86784.00' }); // as A → B → C above, to the fen
    const withInterest = transferAmountsOf({
      insurance: 'pension',
      periods: out.periods,
      throughMonth: '2026-03',
      accountCredits: out.credits,
      accountInterest: DEFAULT_PERSONAL_ACCOUNT_POLICY,
    });
    const ownOnly = pension(NINGBO);
    // The pooled fund is the counterpart's 62 136.00 plus Ningbo's own; the balance holds the 41 424.00 credited and the
    // 记账利率 interest it earned in Ningbo from 2022 on.
    expect(withInterest.amounts.pooledFund).toBe((62136 + Number(ownOnly.amounts.pooledFund)).toFixed(2));
    expect(Number(withInterest.amounts.personalAccount)).toBeGreaterThan(41424 + Number(ownOnly.amounts.personalAccount));
    expect(withInterest.workings).toContain('2022: 41424.00 credited to the personal account by the transfer in from 320100 (its balance as paid out there)');
    // Moved on: not again.
    expect(periodsLeavingPlace({ fromPoolingArea: '330200', ownPeriods: NINGBO, transferredIn: [{ ...carried, movedOn: true }] }).credits).toEqual([]);
  });
});

describe('a counterpart’s year cut by the place’s own months', () => {
  it('keeps its monthly wage for the months left, never its whole-year wage (a month counts once)', () => {
    const carried: TransferredIn = {
      byCase: 'transfer-in-from-nanjing',
      from: '320100',
      into: '330200',
      throughMonth: '2025-12',
      periods: spansOfInformationTable([{ year: 2025, months: 12, contributionWage: '72000.00' }], '2025-12', '320100'),
      movedOn: false,
    };
    const own: AccountPeriod[] = [{ startMonth: '2025-10', endMonth: null, monthlyWage: '7000.00', employeeRate: '0.08' }];
    const out = periodsLeavingPlace({ fromPoolingArea: '330200', ownPeriods: own, transferredIn: [carried] });
    expect(out.periods).toEqual([{ startMonth: '2025-01', endMonth: '2025-09', monthlyWage: '6000.00', employeeRate: '0', paidIn: '320100' }, own[0]]);
    // 2025: 9 × 6 000 + 3 × 7 000 = 75 000 → 9 000.00 pooled.
    expect(transferAmountsOf({ insurance: 'pension', periods: out.periods, throughMonth: '2025-12' }).amounts.pooledFund).toBe('9000.00');
  });
});

describe('what follows the chain besides the money', () => {
  const leaving = periodsLeavingPlace({ fromPoolingArea: '330200', ownPeriods: NINGBO, transferredIn: [c1] }).periods;
  /** Ningbo, the old office, moving the person's spans (its own and the carried ones) to Nanjing in March 2026. */
  const assessOutOfNingbo = (insurance: 'medical' | 'unemployment', oldPeriods: AccountPeriod[]) =>
    assessTransfer({
      application: {
        citizenId: '330102198411172079',
        insurance,
        fromRegion: '330212',
        toRegion: '320102',
        fromPoolingArea: '330200',
        toPoolingArea: '320100',
        appliedOn: '2026-03-10',
        approvedTransfer: false,
        personName: null,
      },
      role: 'old',
      policy: DEFAULT_TRANSFER_POLICY,
      throughMonth: '2026-03',
      hukouRegion: null,
      oldPeriods,
      counterpart: null,
      pensionSpans: [],
      newAreaRecords: [],
    });

  it('lists the years per place they were paid in on the information table (参保缴费信息表), a year paid in two places on two lines', () => {
    const table = informationTableOf(leaving, '2026-03', '330200');
    expect(table.filter((y) => y.year === 2019)).toEqual([
      { year: 2019, months: 6, contributionWage: '39000.00', poolingArea: '330100' },
      { year: 2019, months: 6, contributionWage: '42000.00', poolingArea: '330200' },
    ]);
    expect(table[0]).toEqual({ year: 2010, months: 12, contributionWage: '36000.00', poolingArea: '330100' });
    expect(table.reduce((n, y) => n + y.months, 0)).toBe(195);
  });

  it('carries the unemployment months of every place the worker passed through (§6.3, 社会保险法 art. 52)', () => {
    const unemployment: AccountPeriod[] = [
      { startMonth: '2016-01', endMonth: '2019-06', monthlyWage: '6000.00', employeeRate: '0.005', paidIn: '330100' },
      { startMonth: '2019-07', endMonth: null, monthlyWage: '7000.00', employeeRate: '0.005' },
    ];
    const assessment = assessOutOfNingbo('unemployment', unemployment);
    expect(assessment.months).toBe(42 + 81);
    expect(assessment.unemploymentCarryOver?.contributionMonths).toBe(123);
    expect(assessment.unemploymentCarryOver?.workings.slice(0, 2)).toEqual(['330200: 81 months', '330100: 42 months']);
  });

  it('counts the carried months for medical continuity: the cover before the move is unbroken across both places (§6.2)', () => {
    const medical: AccountPeriod[] = [
      { startMonth: '2024-01', endMonth: '2025-12', monthlyWage: '6000.00', employeeRate: '0.02', paidIn: '330100' },
      { startMonth: '2026-01', endMonth: '2026-02', monthlyWage: '7000.00', employeeRate: '0.02' },
    ];
    const assessment = assessOutOfNingbo('medical', medical);
    expect(assessment.months).toBe(26);
    expect(assessment.medicalContinuity).toMatchObject({ outcome: 'continuous' });
    // The account balance that moves on holds the Hangzhou contributions the first transfer credited: 2 % × 144 000 + 2 % × 14 000.
    expect(assessment.amounts).toEqual({ pooledFund: '0.00', personalAccount: '3160.00' });
  });
});
