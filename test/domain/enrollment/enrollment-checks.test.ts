import { describe, expect, it } from 'vitest';
import { CN_CALENDAR_YEARS } from '../../../domain/calendar/default-calendar.js';
import { HolidayCalendar } from '../../../domain/calendar/holiday-calendar.js';
import type { EnrollmentApplication } from '../../../domain/enrollment/enrollment-application.js';
import {
  checkEnrollment,
  CURRENT_ENROLLMENT_RULES,
  FIRST_ENROLLMENT_RULES,
  type EnrollmentFacts,
  type EnrollmentRuleSet,
} from '../../../domain/enrollment/enrollment-checks.js';
import { DEFAULT_ENROLLMENT_POLICY } from '../../../domain/enrollment/enrollment-policy.js';
import { citizenIdCheckChar } from '../../../domain/identity/citizen-id.js';

// Each refusal of the automatic checks (rules §2, §5.2), on literal dates: the rules are dates the law counts.
const EMPLOYER = '91330102MA2H00014Y';
const idOf = (birth: string, sex: 'male' | 'female' = 'male') => {
  const body = `330102${birth.replaceAll('-', '')}${sex === 'male' ? '011' : '022'}`;
  return body + citizenIdCheckChar(body);
};

const application = (overrides: Partial<EnrollmentApplication> = {}): EnrollmentApplication => ({
  person: { citizenId: idOf('1990-03-07'), name: '张三', phone: null, hukouRegion: null },
  employerCreditCode: EMPLOYER,
  hireDate: '2026-09-01',
  insuranceTypes: ['pension', 'medical', 'unemployment', 'workInjury'],
  monthlyWage: '8000.00',
  region: '330102',
  retirementCategory: null,
  ...overrides,
});

const clean: EnrollmentFacts = {
  employer: { creditCode: EMPLOYER, region: '330102', status: 'active' },
  activePension: null,
  otherOpenEnrollment: null,
  applicationPoolingRegion: '330100',
  pensionContributionMonths: 0,
};

function check(
  app: Partial<EnrollmentApplication>,
  facts: Partial<EnrollmentFacts> = {},
  rules: EnrollmentRuleSet = CURRENT_ENROLLMENT_RULES,
  submittedOn = '2026-09-10',
) {
  return checkEnrollment({
    caseId: 'case-checks',
    application: application(app),
    facts: { ...clean, ...facts },
    policy: { ...DEFAULT_ENROLLMENT_POLICY, reviewSampleRate: '0' },
    calendar: new HolidayCalendar(CN_CALENDAR_YEARS),
    submittedOn,
    rules,
  });
}
const codes = (outcome: ReturnType<typeof check>) => outcome.refusals.map((r) => r.code);

describe('enrollment checks (rules §2, §5.2)', () => {
  it('passes a clean, timely registration with nothing to review', () => {
    expect(check({})).toMatchObject({ refusals: [], reviewReasons: [], lateDays: null });
  });

  it('refuses a person under the minimum working age of 16 on the hire date (劳动法 art. 15)', () => {
    expect(codes(check({ person: { citizenId: idOf('2011-09-02'), name: 'x', phone: null, hukouRegion: null } }))).toEqual(['UNDER_MINIMUM_AGE']);
    expect(codes(check({ person: { citizenId: idOf('2010-09-01'), name: 'x', phone: null, hukouRegion: null } }))).toEqual([]);
  });

  it('refuses a hire before the birth date in the ID number (impossible input ends refused, never stuck)', () => {
    expect(
      codes(check({ person: { citizenId: idOf('2027-01-01'), name: 'x', phone: null, hukouRegion: null } }, {}, CURRENT_ENROLLMENT_RULES, '2027-03-01')),
    ).toEqual(['HIRE_BEFORE_BIRTH']);
  });

  it('refuses a hire on or after the statutory retirement age under the 2025 reform when the minimum years are met (§5.2, E10)', () => {
    // A man born May 1964 retired at 60 in May 2024 (before the reform's first cohort, born Jan 1965).
    const outcome = check({ person: { citizenId: idOf('1964-05-10'), name: 'x', phone: null, hukouRegion: null } }, { pensionContributionMonths: 180 });
    expect(codes(outcome)).toEqual(['AT_RETIREMENT_AGE']);
    expect(outcome.refusals[0]!.message).toMatch(/claim the pension instead/);
  });

  it('lets a person past retirement age who lacks the minimum years keep contributing (延长缴费) instead of refusing (2025 decision art. 2)', () => {
    const outcome = check(
      { person: { citizenId: idOf('1964-05-10'), name: 'x', phone: null, hukouRegion: null }, insuranceTypes: ['pension', 'medical'] },
      { pensionContributionMonths: 120 },
    );
    expect(outcome.refusals).toEqual([]);
    expect(outcome.extendedContribution).toBe(true);
    expect(outcome.reviewReasons.join()).toMatch(/120 of 180 contribution months/);
    // The cases of the first rules refused it.
    expect(
      codes(
        check(
          { person: { citizenId: idOf('1964-05-10'), name: 'x', phone: null, hukouRegion: null } },
          { pensionContributionMonths: 120 },
          FIRST_ENROLLMENT_RULES,
        ),
      ),
    ).toEqual(['AT_RETIREMENT_AGE']);
  });

  it('refuses an employer that is not registered, registered in another region, or not active (§2)', () => {
    expect(codes(check({}, { employer: null }))).toEqual(['EMPLOYER_NOT_REGISTERED']);
    expect(codes(check({}, { employer: { creditCode: EMPLOYER, region: '330106', status: 'active' } }))).toEqual(['EMPLOYER_OTHER_REGION']);
    expect(codes(check({}, { employer: { creditCode: EMPLOYER, region: '330102', status: 'closed' } }))).toEqual(['EMPLOYER_INACTIVE']);
  });

  it('points a person with a pension relationship in another pooling area to a transfer (§2, §6)', () => {
    const elsewhere = { region: '330203', employerCreditCode: '91330203MA2H000570', poolingRegion: '330200' };
    const outcome = check({}, { activePension: elsewhere });
    expect(codes(outcome)).toEqual(['PENSION_ACTIVE_ELSEWHERE']);
    expect(outcome.refusals[0]!.message).toMatch(/transfer/);
  });

  it('treats a change of employer inside one pooling area as a leaver plus a hire, never a transfer (§2, §6)', () => {
    // Another district of the same city: the earlier employer must report the leaver first.
    const sameArea = { region: '330106', employerCreditCode: '91330106MA2H00022K', poolingRegion: '330100' };
    expect(codes(check({}, { activePension: sameArea }))).toEqual(['PENSION_ACTIVE_WITH_OTHER_EMPLOYER']);
    // Under the first rules, any other region counted as "elsewhere".
    expect(codes(check({}, { activePension: sameArea }, FIRST_ENROLLMENT_RULES))).toEqual(['PENSION_ACTIVE_ELSEWHERE']);
  });

  it('refuses a person already insured through this employer, and another open enrollment of the person (§2)', () => {
    expect(codes(check({}, { activePension: { region: '330102', employerCreditCode: EMPLOYER, poolingRegion: '330100' } }))).toEqual(['ALREADY_INSURED']);
    expect(codes(check({}, { otherOpenEnrollment: { reference: 'EN2026000001' } }))).toEqual(['OPEN_ENROLLMENT_EXISTS']);
  });

  it('switches a flexible worker who is hired over to the employer in one step (§2)', () => {
    const flexible = { region: '330102', employerCreditCode: null, poolingRegion: '330100' };
    const outcome = check({}, { activePension: flexible });
    expect(outcome.refusals).toEqual([]);
    expect(outcome.switchesFromFlexible).toBe(true);
    expect(codes(check({}, { activePension: flexible }, FIRST_ENROLLMENT_RULES))).toEqual(['PENSION_ACTIVE_WITH_OTHER_EMPLOYER']);
  });

  it('refuses insurances a flexible worker may not join (社会保险法 arts. 10, 23)', () => {
    expect(codes(check({ employerCreditCode: null }))).toEqual(['INSURANCE_NOT_ALLOWED']);
    expect(codes(check({ employerCreditCode: null, insuranceTypes: ['pension', 'medical'] }))).toEqual([]);
  });

  it('flags a registration later than 30 days after the hire, counted with the §9 rollover (社会保险法 art. 58)', () => {
    // 30 days from 2026-09-01 is 2026-10-01, inside National Day → the period ends on 2026-10-08 (a working Thursday).
    expect(check({}, {}, CURRENT_ENROLLMENT_RULES, '2026-10-08')).toMatchObject({ lateDays: null, registrationDeadline: '2026-10-08' });
    expect(check({}, {}, CURRENT_ENROLLMENT_RULES, '2026-10-10')).toMatchObject({
      lateDays: 2,
      reviewReasons: ['registered 2 days after the 30-day deadline'],
    });
  });

  it('counts a year without its holiday calendar provisionally and has a person confirm a registration that looks late (§9)', () => {
    const outcome = check({ hireDate: '2027-01-04' }, {}, CURRENT_ENROLLMENT_RULES, '2027-02-10');
    expect(outcome.lateDays).toBe(7); // 30 days → 2027-02-03 (a Wednesday, no holiday table for 2027)
    expect(outcome.reviewReasons.join()).toMatch(/provisional/);
    // In time on a provisional count is in time for sure: rollover only ever extends the period.
    expect(check({ hireDate: '2027-01-04' }, {}, CURRENT_ENROLLMENT_RULES, '2027-01-20').reviewReasons).toEqual([]);
  });
});
