import { describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../../../domain/identity/citizen-id.js';
import { assessTransfer, type TransferAssessmentInput } from '../../../domain/transfer/transfer-assessment.js';
import { DEFAULT_TRANSFER_POLICY } from '../../../domain/transfer/transfer-policy.js';

const id = (body17: string) => body17 + citizenIdCheckChar(body17);
const BORN_1990_ZHEJIANG = id('33010219900307001');
const BORN_1970_ANHUI = id('34010219700101001');

type Overrides = Partial<Omit<TransferAssessmentInput, 'application'>> & { application?: Partial<TransferAssessmentInput['application']> };

const input = (over: Overrides = {}): TransferAssessmentInput => ({
  role: 'both',
  policy: DEFAULT_TRANSFER_POLICY,
  throughMonth: '2026-11',
  hukouRegion: null,
  oldPeriods: [{ startMonth: '2014-01', endMonth: '2025-12', monthlyWage: '6000.00', employeeRate: '0.08' }],
  counterpart: null,
  pensionSpans: [
    { poolingArea: '330100', startMonth: '2014-01', endMonth: '2025-12' },
    { poolingArea: '330200', startMonth: '2026-01', endMonth: null },
  ],
  newAreaRecords: [{ insurance: 'pension', startMonth: '2026-01' }],
  ...over,
  application: {
    citizenId: BORN_1990_ZHEJIANG,
    personName: null,
    insurance: 'pension',
    fromRegion: '330102',
    toRegion: '330212',
    fromPoolingArea: '330100',
    toPoolingArea: '330200',
    approvedTransfer: false,
    appliedOn: '2026-11-20',
    ...over.application,
  },
});

describe('what a transfer case shows (assessTransfer)', () => {
  it('counts each place’s own years for the benefit place: moved years are not years paid in the new place (§6.1, arts. 6, 12)', () => {
    // Hukou in Anhui, 12 years in Hangzhou, 11 months in Ningbo: not rule (1) or (2), rule (3) → Hangzhou.
    const r = assessTransfer(input({ application: { citizenId: id('34010219900307001') } }));
    expect(r.pensionPaymentPlace).toMatchObject({ rule: 'LAST_PLACE_WITH_TEN_YEARS', paymentPlace: '330100' });
    expect(r.pensionPaymentPlace?.monthsByArea).toEqual({ '330100': 144, '330200': 11 });
  });

  it('takes the hukou from the record when there is one, else the address code of the ID number', () => {
    expect(assessTransfer(input()).pensionPaymentPlace?.rule).toBe('RELATIONSHIP_IN_HUKOU_PROVINCE');
    expect(assessTransfer(input({ hukouRegion: '340102' })).pensionPaymentPlace?.rule).toBe('LAST_PLACE_WITH_TEN_YEARS');
  });

  it('decides the temporary account on the application day (国办发〔2009〕66号 art. 5), and not for the old office of a counterpart', () => {
    expect(assessTransfer(input({ application: { citizenId: BORN_1970_ANHUI } })).temporaryAccount).toMatchObject({
      temporaryAccount: true,
      rule: 'TEMPORARY_ACCOUNT',
    });
    expect(assessTransfer(input({ application: { citizenId: BORN_1970_ANHUI, approvedTransfer: true } })).temporaryAccount?.rule).toBe('APPROVED_TRANSFER');
    expect(assessTransfer(input({ role: 'old', application: { citizenId: BORN_1970_ANHUI } })).temporaryAccount).toBeNull();
  });

  it('takes the amounts from the counterpart’s information table when it runs the old office (role new)', () => {
    const counterpart = {
      amounts: { pooledFund: '62136.00', personalAccount: '41424.00' },
      years: [{ year: 2019, months: 6, contributionWage: '39000.00' }],
      months: 114,
      lastCoveredMonth: '2019-06',
    };
    expect(assessTransfer(input({ role: 'new', oldPeriods: null })).amounts).toBeNull();
    const r = assessTransfer(
      input({ role: 'new', oldPeriods: null, counterpart, pensionSpans: [{ poolingArea: '330200', startMonth: '2026-01', endMonth: null }] }),
    );
    expect(r).toMatchObject({ amounts: counterpart.amounts, months: 114 });
    expect(r.pensionPaymentPlace?.monthsByArea).toEqual({ '330200': 11, '330100': 114 });
  });

  it('assesses medical continuity from the last month covered in the old place to the new place’s first record (§6.2, 医保办发〔2021〕43号)', () => {
    const medical = {
      application: { insurance: 'medical' as const },
      oldPeriods: [{ startMonth: '2024-01', endMonth: '2025-08', monthlyWage: '6000.00', employeeRate: '0.02' }],
    };
    const continuous = assessTransfer(input({ ...medical, newAreaRecords: [{ insurance: 'medical', startMonth: '2025-11' }] }));
    expect(continuous.medicalContinuity).toMatchObject({ outcome: 'continuous', breakMonths: 2 });
    const waiting = assessTransfer(input({ ...medical, newAreaRecords: [{ insurance: 'medical', startMonth: '2026-03' }] }));
    expect(waiting.medicalContinuity).toMatchObject({ outcome: 'waitingPeriod', breakMonths: 6, waitingMonths: 6 });
    expect(waiting.amounts).toEqual({ pooledFund: '0.00', personalAccount: '2400.00' });
  });

  it('adds up the unemployment months of both areas (§6.3, 社会保险法 art. 52)', () => {
    const r = assessTransfer(
      input({
        application: { insurance: 'unemployment' },
        oldPeriods: [{ startMonth: '2020-01', endMonth: '2025-12', monthlyWage: '6000.00', employeeRate: '0.005' }],
        newAreaRecords: [{ insurance: 'unemployment', startMonth: '2026-01' }],
      }),
    );
    expect(r.unemploymentCarryOver?.contributionMonths).toBe(72 + 11);
    expect(r.amounts).toEqual({ pooledFund: '0.00', personalAccount: '0.00' });
  });
});
