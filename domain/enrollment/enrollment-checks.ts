import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { addDays, ageOn, compareDates, daysBetween } from '../calendar/local-date.js';
import { DomainError } from '../errors.js';
import { parseCitizenId } from '../identity/citizen-id.js';
import { minimumContributionYears, statutoryRetirement } from '../retirement-age.js';
import type { EnrollmentApplication } from './enrollment-application.js';
import type { EnrollmentPolicy } from './enrollment-policy.js';
import { isSampledForReview } from './review-sampling.js';

/** What the database says about the applicant and the employer when the checks run (read by an activity). */
export interface EnrollmentFacts {
  employer: { creditCode: string; region: string; status: string } | null;
  /**
   * The person's active basic pension relationship, if any (one person, one relationship — rules §2), with the
   * pooling area (统筹地区) of its region.
   */
  activePension: { region: string; employerCreditCode: string | null; poolingRegion?: string | null } | null;
  /** Another enrollment of the same person still open, if any. */
  otherOpenEnrollment: { reference: string } | null;
  /** The pooling area of the region applied in (absent in facts read before pooling areas were data). */
  applicationPoolingRegion?: string | null;
  /** Months of basic pension contributions on record (paid or recorded), for the extension past retirement age. */
  pensionContributionMonths?: number;
}

/**
 * Which generation of the rules a case runs (it is chosen once per case, so a replay decides the same):
 * - `poolingAreas`: a pension relationship in another pooling area points to a transfer; one in the same area with
 *   another employer needs a leaver report first (a move of employer inside one area is never a transfer);
 * - `flexibleSwitch`: an employer hiring a flexible worker switches the relationship over in one step;
 * - `extendedContributions`: past the retirement age but short of the minimum years, a person may keep contributing
 *   (延长缴费, 2025 decision art. 2) instead of being refused.
 */
export interface EnrollmentRuleSet {
  poolingAreas: boolean;
  flexibleSwitch: boolean;
  extendedContributions: boolean;
}

export const CURRENT_ENROLLMENT_RULES: EnrollmentRuleSet = { poolingAreas: true, flexibleSwitch: true, extendedContributions: true };
export const FIRST_ENROLLMENT_RULES: EnrollmentRuleSet = { poolingAreas: false, flexibleSwitch: false, extendedContributions: false };

export type RefusalCode =
  | 'INVALID_CITIZEN_ID'
  | 'HIRE_BEFORE_BIRTH'
  | 'UNDER_MINIMUM_AGE'
  | 'AT_RETIREMENT_AGE'
  | 'EMPLOYER_NOT_REGISTERED'
  | 'EMPLOYER_INACTIVE'
  | 'EMPLOYER_OTHER_REGION'
  | 'INSURANCE_NOT_ALLOWED'
  | 'PENSION_ACTIVE_ELSEWHERE'
  | 'PENSION_ACTIVE_WITH_OTHER_EMPLOYER'
  | 'ALREADY_INSURED'
  | 'OPEN_ENROLLMENT_EXISTS'
  | 'NO_PARAMETERS';

export interface Refusal {
  code: RefusalCode;
  message: string;
}

export interface CheckOutcome {
  refusals: Refusal[];
  /** Days past the 30-day registration deadline, or null when registered in time. */
  lateDays: number | null;
  registrationDeadline: string;
  /** Why a person must look at the case; empty when it may be approved automatically. */
  reviewReasons: string[];
  /** The person is past retirement age and keeps paying pension contributions until the minimum years (延长缴费). */
  extendedContribution?: boolean;
  /** The employer takes over the person's flexible-worker relationship (its records stop the month before the hire). */
  switchesFromFlexible?: boolean;
}

/**
 * The automatic checks of an enrollment (rules §2, §5.2). Pure: the workflow runs it on facts an activity
 * read, so a replay reaches the same verdict. Refusals end the case; review reasons send it to a caseworker.
 */
export function checkEnrollment(input: {
  caseId: string;
  application: EnrollmentApplication;
  facts: EnrollmentFacts;
  policy: EnrollmentPolicy;
  calendar: HolidayCalendar;
  submittedOn: string;
  rules?: EnrollmentRuleSet;
}): CheckOutcome {
  const { application, facts, policy, calendar, submittedOn } = input;
  const rules = input.rules ?? FIRST_ENROLLMENT_RULES;
  const refusals: Refusal[] = [];
  const reviewReasons: string[] = [];
  let extendedContribution = false;
  let switchesFromFlexible = false;

  let person;
  try {
    person = parseCitizenId(application.person.citizenId, { today: submittedOn });
  } catch (error) {
    refusals.push({ code: 'INVALID_CITIZEN_ID', message: (error as Error).message });
  }

  if (person && compareDates(application.hireDate, person.birthDate) < 0) {
    // Impossible input the API refuses at the door; a case that gets here anyway ends refused, never stuck retrying.
    refusals.push({ code: 'HIRE_BEFORE_BIRTH', message: 'the hire date is before the birth date in the ID number' });
  } else if (person) {
    const age = ageOn(person.birthDate, application.hireDate);
    if (age.years < policy.minimumAge) {
      refusals.push({
        code: 'UNDER_MINIMUM_AGE',
        message: `the person is ${age.years} on the hire date; the minimum working age is ${policy.minimumAge}`,
      });
    }
    const category = application.retirementCategory ?? (person.sex === 'male' ? 'male' : policy.defaultFemaleRetirementCategory);
    const retirement = statutoryRetirement(person.birthDate, category);
    if (compareDates(application.hireDate, retirement.retirementDate) >= 0) {
      const minimumMonths = Math.round(Number(minimumContributionYears(Number(retirement.retirementMonth.slice(0, 4)))) * 12);
      const months = facts.pensionContributionMonths ?? 0;
      const onlyPension = application.insuranceTypes.every((t) => t === 'pension' || t === 'medical');
      if (rules.extendedContributions && months < minimumMonths && onlyPension && application.insuranceTypes.includes('pension')) {
        // 2025 decision art. 2: short of the minimum years at retirement age, contributions may continue until met.
        extendedContribution = true;
        reviewReasons.push(`past the statutory retirement age with ${months} of ${minimumMonths} contribution months: extended contributions (延长缴费)`);
      } else {
        refusals.push({
          code: 'AT_RETIREMENT_AGE',
          message:
            rules.extendedContributions && months >= minimumMonths
              ? `the person reached the statutory retirement age (${retirement.ageYears} y ${retirement.ageMonths} m) on ${retirement.retirementDate} with the minimum ${minimumMonths} contribution months: claim the pension instead`
              : `the person reaches the statutory retirement age (${retirement.ageYears} y ${retirement.ageMonths} m) on ${retirement.retirementDate}, before the hire date`,
        });
      }
    }
  }

  if (application.employerCreditCode === null) {
    const notAllowed = application.insuranceTypes.filter((type) => !policy.flexibleInsuranceTypes.includes(type));
    if (notAllowed.length > 0) {
      refusals.push({
        code: 'INSURANCE_NOT_ALLOWED',
        message: `a flexible worker may join only ${policy.flexibleInsuranceTypes.join(' and ')}, not ${notAllowed.join(', ')}`,
      });
    }
  } else if (facts.employer === null) {
    refusals.push({ code: 'EMPLOYER_NOT_REGISTERED', message: 'the employer is not registered with the agency' });
  } else if (facts.employer.region !== application.region) {
    refusals.push({
      code: 'EMPLOYER_OTHER_REGION',
      message: `the employer is registered in region ${facts.employer.region}, not ${application.region}`,
    });
  } else if (facts.employer.status !== 'active') {
    refusals.push({ code: 'EMPLOYER_INACTIVE', message: `the employer's registration is ${facts.employer.status}` });
  }

  if (application.insuranceTypes.includes('pension') && facts.activePension) {
    const active = facts.activePension;
    const elsewhere = rules.poolingAreas
      ? (active.poolingRegion ?? active.region) !== (facts.applicationPoolingRegion ?? application.region)
      : active.region !== application.region;
    if (elsewhere) {
      refusals.push({
        code: 'PENSION_ACTIVE_ELSEWHERE',
        message: `the person has an active basic pension relationship in another pooling area (region ${active.region}); apply for a transfer (转移接续) instead`,
      });
    } else if (active.employerCreditCode === application.employerCreditCode) {
      refusals.push({ code: 'ALREADY_INSURED', message: 'the person is already insured through this employer' });
    } else if (rules.flexibleSwitch && active.employerCreditCode === null && application.employerCreditCode !== null) {
      // A flexible worker who is hired: the employer takes the relationship over; no leaver report is needed.
      switchesFromFlexible = true;
    } else {
      refusals.push({
        code: 'PENSION_ACTIVE_WITH_OTHER_EMPLOYER',
        message: 'the person is still insured through another employer in this pooling area; that employer must report the leaver first (减员)',
      });
    }
  }

  if (facts.otherOpenEnrollment) {
    refusals.push({
      code: 'OPEN_ENROLLMENT_EXISTS',
      message: `another enrollment of this person is still open: ${facts.otherOpenEnrollment.reference}`,
    });
  }

  // 社会保险法 art. 58: within 30 days of the start of employment (calendar days, with holiday rollover — §9).
  let registrationDeadline: string;
  try {
    const due = calendar.deadlineOf(application.hireDate, policy.registrationDays, 'calendar');
    registrationDeadline = due.dueDate;
    // Rollover only ever extends a period, so a registration in time on a provisional count is in time for sure; one
    // that looks late might not be once the year's holidays are known: a person confirms it.
    if (due.provisional && daysBetween(due.dueDate, submittedOn) > 0) {
      reviewReasons.push(`no holiday calendar loaded for ${due.dueDate.slice(0, 4)}: the deadline is provisional (weekends only)`);
    }
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'CALENDAR_NOT_LOADED') throw error;
    // A calendar built to refuse unloaded years (cases started before provisional counting): plain days, a person checks.
    registrationDeadline = addDays(application.hireDate, policy.registrationDays);
    reviewReasons.push(`no holiday calendar loaded for ${application.hireDate.slice(0, 4)}: deadline counted without rollover`);
  }
  const late = daysBetween(registrationDeadline, submittedOn);
  const lateDays = late > 0 ? late : null;
  if (lateDays !== null) reviewReasons.push(`registered ${lateDays} days after the ${policy.registrationDays}-day deadline`);
  if (reviewReasons.length === 0 && isSampledForReview(input.caseId, policy.reviewSampleRate)) {
    reviewReasons.push('sampled for quality review');
  }

  return {
    refusals,
    lateDays,
    registrationDeadline,
    reviewReasons,
    ...(extendedContribution ? { extendedContribution } : {}),
    ...(switchesFromFlexible ? { switchesFromFlexible } : {}),
  };
}
