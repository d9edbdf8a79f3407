import { describe, expect, it } from 'vitest';
import { calculatePooledFundOfPeriods, yearSegmentsOf } from '../../../domain/transfer/pooled-fund.js';
import { Decimal } from 'decimal.js';
import { DEFAULT_PERSONAL_ACCOUNT_POLICY, personalAccountStatement } from '../../../domain/insurance/personal-account.js';
import { accountStatementOfPeriods, type AccountPeriod, transferAmountsOf } from '../../../domain/transfer/transfer-amounts.js';
import { DEFAULT_TRANSFER_POLICY, transferPolicyWith } from '../../../domain/transfer/transfer-policy.js';
import { expectDomainError } from './domain-error.js';

// E3 as the old office's records hold it: one record per wage level, 2010-01 to 2019-06.
const E3_WAGES: [number, string][] = [
  [2010, '3000.00'],
  [2011, '3300.00'],
  [2012, '3600.00'],
  [2013, '4000.00'],
  [2014, '4400.00'],
  [2015, '4800.00'],
  [2016, '5200.00'],
  [2017, '5600.00'],
  [2018, '6000.00'],
];
const E3_RECORDS: AccountPeriod[] = [
  ...E3_WAGES.map(([year, monthlyWage]) => ({ startMonth: `${year}-01`, endMonth: `${year}-12`, monthlyWage, employeeRate: '0.08' })),
  { startMonth: '2019-01', endMonth: '2019-06', monthlyWage: '6500.00', employeeRate: '0.08' },
];

describe('transfer amounts from the old office’s records', () => {
  it('moves 62 136.00 pooled fund and 41 424.00 personal account for the E3 records (§6.1, E3)', () => {
    const r = transferAmountsOf({ insurance: 'pension', periods: E3_RECORDS, throughMonth: '2026-11' });
    expect(r.amounts).toEqual({ pooledFund: '62136.00', personalAccount: '41424.00' });
    expect(r.pooledFund?.totalContributionWage).toBe('517800.00');
    expect(r.months).toBe(114);
    expect(r.workings).toContain('2019: 6500.00 × 6 months = 39000.00 × 0.12 = 4680.00 (国办发〔2009〕66号 art. 4, pooledFund.rate 0.12)');
  });

  it('adds up a year with two wage levels by their months and rounds the year once (§6.1, part years by their months)', () => {
    const r = calculatePooledFundOfPeriods({
      periods: [
        { startMonth: '2019-01', endMonth: '2019-03', monthlyWage: '6000.00' },
        { startMonth: '2019-04', endMonth: '2019-06', monthlyWage: '6500.00' },
      ],
      throughMonth: '2026-11',
    });
    expect(r.years).toEqual([{ year: 2019, months: 6, contributionWage: '37500.00', counted: true, pooledFund: '4500.00' }]);
    expect(r.workings[0]).toBe('2019: 6000.00 × 3 + 6500.00 × 3 months = 37500.00 × 0.12 = 4500.00 (国办发〔2009〕66号 art. 4, pooledFund.rate 0.12)');
  });

  it('runs an open record up to the month given and cuts spans at the year end', () => {
    expect(yearSegmentsOf([{ startMonth: '2025-11', endMonth: null, monthlyWage: '8000.00' }], '2026-02').map((s) => [s.year, s.months])).toEqual([
      [2025, 2],
      [2026, 2],
    ]);
    expect(yearSegmentsOf([{ startMonth: '2027-01', endMonth: null, monthlyWage: '8000.00' }], '2026-02')).toEqual([]);
  });

  it('refuses records that count a month twice (one person, one relationship: overlapping years are not double counted, §2)', () => {
    expectDomainError(
      () =>
        yearSegmentsOf(
          [
            { startMonth: '2019-01', endMonth: '2019-06', monthlyWage: '6000.00' },
            { startMonth: '2019-06', endMonth: '2019-12', monthlyWage: '6500.00' },
          ],
          '2026-01',
        ),
      'INVALID_DATE',
      'periods[1]',
    );
    expectDomainError(
      () => yearSegmentsOf([{ startMonth: '2019-06', endMonth: '2019-01', monthlyWage: '1.00' }], '2026-01'),
      'INVALID_DATE',
      'periods[0].endMonth',
    );
  });

  it('credits the personal account statement with wage × months × the employee rate, and no interest without the rates', () => {
    expect(accountStatementOfPeriods([{ startMonth: '2025-07', endMonth: '2025-12', monthlyWage: '8000.00', employeeRate: '0.08' }], '2026-11').lines).toEqual([
      { year: 2025, individualContributions: '3840.00', interest: '0.00' },
    ]);
  });

  it('credits the yearly 记账利率 by the insurance record’s rule, and the whole account moves with its interest (§5.1, §6.1, E3 with interest)', () => {
    const statement = accountStatementOfPeriods(E3_RECORDS, '2026-11', DEFAULT_PERSONAL_ACCOUNT_POLICY);
    const year = (y: number) => statement.lines.find((l) => l.year === y)!;
    // 2010–2015 have no configured rate: 22 176.00 of contributions, no interest.
    expect(year(2015)).toEqual({ year: 2015, individualContributions: '4608.00', interest: '0.00' });
    expect(statement.workings).toContain('2015: no 记账利率 configured for the year — no interest credited yet');
    // 2016: 22 176.00 × 0.0831 + 4 992.00 × 0.0831 × 0.5415 = 1 842.83 + 224.63 = 2 067.46.
    expect(year(2016)).toEqual({ year: 2016, individualContributions: '4992.00', interest: '2067.46' });
    // Years without contributions still earn on their opening balance; the transfer's own year is not over.
    expect(year(2023)).toMatchObject({ individualContributions: '0.00' });
    expect(Number(year(2023).interest)).toBeGreaterThan(0);
    expect(year(2026)).toEqual({ year: 2026, individualContributions: '0.00', interest: '0.00' });

    const r = transferAmountsOf({ insurance: 'pension', periods: E3_RECORDS, throughMonth: '2026-11', accountInterest: DEFAULT_PERSONAL_ACCOUNT_POLICY });
    const interest = statement.lines.reduce((sum, l) => sum.plus(l.interest), new Decimal(0));
    expect(r.amounts).toEqual({ pooledFund: '62136.00', personalAccount: new Decimal('41424.00').plus(interest).toFixed(2) });
    expect(personalAccountStatement([], 2026).balance).toBe('0.00');
  });

  it('gives the same interest as the insurance record for the same credits (one rule, §5.1)', () => {
    const periods: AccountPeriod[] = [{ startMonth: '2021-01', endMonth: '2023-12', monthlyWage: '6000.00', employeeRate: '0.08' }];
    const months = [];
    for (let y = 2021; y <= 2023; y += 1) for (let m = 1; m <= 12; m += 1) months.push({ month: `${y}-${String(m).padStart(2, '0')}`, contribution: '480.00' });
    const record = personalAccountStatement(months, 2026);
    const statement = accountStatementOfPeriods(periods, '2026-05', DEFAULT_PERSONAL_ACCOUNT_POLICY);
    expect(statement.lines.map((l) => l.interest)).toEqual(record.years.map((y) => y.interest));
  });

  it('moves the medical personal-account balance and no pooled fund (§6.2, 医保办发〔2021〕43号)', () => {
    const r = transferAmountsOf({
      insurance: 'medical',
      periods: [{ startMonth: '2025-01', endMonth: '2025-12', monthlyWage: '8000.00', employeeRate: '0.02' }],
      throughMonth: '2026-11',
    });
    expect(r.amounts).toEqual({ pooledFund: '0.00', personalAccount: '1920.00' });
    expect(r.months).toBe(12);
  });

  it('moves no money for unemployment, only the months (§6.3, 社会保险法 art. 52)', () => {
    const r = transferAmountsOf({
      insurance: 'unemployment',
      periods: [{ startMonth: '2024-01', endMonth: null, monthlyWage: '8000.00', employeeRate: '0.005' }],
      throughMonth: '2024-12',
    });
    expect(r.amounts).toEqual({ pooledFund: '0.00', personalAccount: '0.00' });
    expect(r.months).toBe(12);
  });

  it('lays stored overrides over the defaults one section deep (TransferPolicy, `transfer.policy` setting)', () => {
    const policy = transferPolicyWith({ saga: { retryEveryHours: 2 }, legs: { medical: { transferOut: 8, load: 5 } } });
    expect(policy.saga.retryEveryHours).toBe(2);
    expect(policy.legs.medical.transferOut).toBe(8);
    expect(policy.legs.pension).toEqual(DEFAULT_TRANSFER_POLICY.legs.pension);
    expect(policy.pooledFund).toEqual(DEFAULT_TRANSFER_POLICY.pooledFund);
  });
});
