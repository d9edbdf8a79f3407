import { describe, expect, it } from 'vitest';
import { DEFAULT_RETIREMENT_WINDOW_POLICY as policy, type PensionEligibilityInput, pensionEligibility } from '../../../domain/benefit/pension-eligibility.js';

// E10: a man born May 1970 reaches 61 y 5 m on 2031-10-15; a 2031 retirement needs 16 years = 192 months.
const MAN: PensionEligibilityInput = {
  birthDate: '1970-05-15',
  category: 'male',
  retirementDate: '2031-10-15',
  contributionMonths: 192,
};

const codes = (input: PensionEligibilityInput, p = policy) => pensionEligibility(input, p).refusals.map((r) => r.code);

describe('pensionEligibility', () => {
  it('grants a man born May 1970 a pension at 61 y 5 m in Oct 2031 with 16 years (§5.1, §5.2, E10)', () => {
    const r = pensionEligibility(MAN);
    expect(r).toMatchObject({
      eligible: true,
      statutoryAge: { years: 61, months: 5 },
      statutoryDate: '2031-10-15',
      retirementAge: { years: 61, months: 5 },
      minimumYears: '16',
      minimumMonths: 192,
      monthsMissing: 0,
      refusals: [],
      options: [],
    });
  });

  it('opens the window 3 years early but never before the old age 60, and closes it 3 years late (§5.2)', () => {
    expect(pensionEligibility(MAN)).toMatchObject({ earliestDate: '2030-05-15', latestDate: '2034-10-15' });
  });

  it('refuses one month short of the minimum with the months missing and the three options (社会保险法 art. 16, E10)', () => {
    const r = pensionEligibility({ ...MAN, contributionMonths: 191 });
    expect(r).toMatchObject({
      eligible: false,
      monthsMissing: 1,
      options: ['extendContributions', 'lumpSum', 'transferToResidentScheme'],
    });
    expect(r.refusals.map((x) => x.code)).toEqual(['SHORT_OF_MINIMUM_YEARS']);
  });

  it('uses the minimum of the retirement year: 15.5 years for a 2030 retirement (E10)', () => {
    const early = { ...MAN, retirementDate: '2030-05-15' };
    expect(pensionEligibility({ ...early, contributionMonths: 186 })).toMatchObject({
      eligible: true,
      minimumYears: '15.5',
      retirementAge: { years: 60, months: 0 },
    });
  });

  it('allows early retirement only with the minimum met, offering no options (§5.2 flexible retirement)', () => {
    const r = pensionEligibility({ ...MAN, retirementDate: '2030-05-15', contributionMonths: 185 });
    expect(r.refusals.map((x) => x.code)).toEqual(['EARLY_RETIREMENT_SHORT_OF_MINIMUM_YEARS']);
    expect(r.options).toEqual([]);
  });

  it('refuses a retirement date before the earliest date — the day before 60 (§5.2)', () => {
    const r = pensionEligibility({ ...MAN, retirementDate: '2030-05-14', contributionMonths: 400 });
    expect(r.refusals).toEqual([{ code: 'BEFORE_EARLIEST_DATE', reason: expect.stringContaining('2030-05-15') as string }]);
  });

  it('needs the employer’s agreement to retire late (§5.2)', () => {
    const late = { ...MAN, retirementDate: '2033-01-15', contributionMonths: 240 };
    expect(codes(late)).toEqual(['LATE_RETIREMENT_NOT_AGREED']);
    expect(codes({ ...late, lateRetirementAgreed: true })).toEqual([]);
    expect(codes(late, { ...policy, lateRequiresAgreement: false })).toEqual([]);
  });

  it('refuses a date after the latest, even agreed, unless contributions were extended to reach the minimum (§5.2; 办法 art. 2)', () => {
    const tooLate = { ...MAN, retirementDate: '2034-10-16', contributionMonths: 240, lateRetirementAgreed: true };
    expect(codes(tooLate)).toEqual(['AFTER_LATEST_DATE']);
    expect(codes({ ...MAN, retirementDate: '2034-10-15', contributionMonths: 240, lateRetirementAgreed: true })).toEqual([]);
    expect(codes({ ...tooLate, lateRetirementAgreed: false, contributionsExtended: true })).toEqual([]);
  });

  it('gives a 50-year woman born Jan 1975 50 y 1 m and only one month of early window (§5.2, E10)', () => {
    const r = pensionEligibility({
      birthDate: '1975-01-20',
      category: 'female50',
      retirementDate: '2025-02-20',
      contributionMonths: 180,
    });
    expect(r).toMatchObject({
      eligible: true,
      statutoryAge: { years: 50, months: 1 },
      earliestDate: '2025-01-20',
      minimumYears: '15',
    });
  });

  it('gives a 50-year woman born Nov 1984 55 y 0 m and an earliest date at 52 (§5.2, E10)', () => {
    const r = pensionEligibility({
      birthDate: '1984-11-10',
      category: 'female50',
      retirementDate: '2039-11-10',
      contributionMonths: 240,
    });
    expect(r).toMatchObject({
      eligible: true,
      statutoryAge: { years: 55, months: 0 },
      earliestDate: '2036-11-10',
      minimumYears: '20',
    });
  });

  it('applies configured window sizes: 12 months early and none late (§5.2 configurable window)', () => {
    const narrow = { ...policy, earlyMonths: 12, lateMonths: 0 };
    expect(pensionEligibility(MAN, narrow)).toMatchObject({ earliestDate: '2030-10-15', latestDate: '2031-10-15' });
    expect(codes({ ...MAN, retirementDate: '2030-10-14', contributionMonths: 300 }, narrow)).toEqual(['BEFORE_EARLIEST_DATE']);
  });

  it('throws INVALID_DATE for a malformed retirement date', () => {
    expect(() => pensionEligibility({ ...MAN, retirementDate: '2031-02-30' })).toThrow(/real date/);
  });
});
