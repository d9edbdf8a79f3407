import { addDays, compareDates } from '../calendar/local-date.js';
import type { InputIssue } from '../errors.js';
import type { RetirementCategory } from '../retirement-age.js';
import type { DependantRelation } from './survivor-dependants.js';
import type { LeaveReason } from './unemployment-policy.js';
import type { RecognitionApplicant } from './work-injury-clocks.js';

/** A birth or a miscarriage (生育), as the maternity claim names it (docs/api.md "Benefit claims"). */
export interface MaternityEvent {
  type: 'birth' | 'miscarriage';
  date: string;
  difficultBirth: boolean;
  babies: number;
  /** Completed months of pregnancy; needed for a miscarriage. */
  pregnancyMonths: number | null;
}

/**
 * A dependant of a person who died of a work injury (工伤保险条例 art. 39) with what the 供养亲属 test reads
 * (survivor-dependants.ts): sex, birth date and own income are required for a work-injury survivor claim.
 */
export interface ClaimDependant {
  name: string;
  relation: DependantRelation;
  orphanOrLoneElderly: boolean;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  /** 完全丧失劳动能力, as assessed. */
  fullyDisabled: boolean;
  /** Own income a month, a decimal string. */
  monthlyIncome: string | null;
  /** The closer relatives are gone (grandparents, grandchildren, siblings: 规定 art. 3 (5)–(7)). */
  closerRelativesGone: boolean;
}

/** Why a person died, which decides the fund that pays: work injury (art. 39) or the pension fund (社会保险法 art. 17). */
export type DeathCause = 'workInjury' | 'other';

interface ClaimCommon {
  /** The insured person: the claimant, or the deceased for funeral and survivor claims. */
  citizenId: string;
  region: string;
}

/** A claim as filed (POST /v1/benefit-claims), validated at the door. Plain JSON: it is workflow input. */
export type BenefitClaimApplication =
  | (ClaimCommon & {
      type: 'pension';
      retirementDate: string;
      /** For a woman: cadre (55) or worker (50); a man is always 'male'. null = the configured default. */
      retirementCategory: RetirementCategory | null;
      lateRetirementAgreed: boolean;
      contributionsExtended: boolean;
      /** 视同缴费 months before the personal account existed, declared by the claimant and verified by the preparer. */
      deemedMonths: number;
    })
  | (ClaimCommon & {
      type: 'unemployment';
      leaveDate: string;
      employerCreditCode: string;
      /** Unemployment registration (失业登记); the benefit period counts from it (社会保险法 art. 50). Default: the filing day. */
      registeredOn: string;
    })
  | (ClaimCommon & { type: 'maternity'; employerCreditCode: string; event: MaternityEvent })
  | (ClaimCommon & {
      type: 'workInjury';
      accidentDate: string;
      employerCreditCode: string;
      description: string;
      /** Who applies for recognition: the employer within 30 days, the worker, family or union within a year (art. 17). */
      applicant: RecognitionApplicant;
      /** Marked by the agency at acceptance: facts clear, rights and duties plain — decided within 15 days (art. 20). */
      clearCut: boolean;
      /** Extension of the employer's 30 days approved by the department (art. 17 para. 1). */
      approvedExtensionDays: number;
    })
  | (ClaimCommon & {
      type: 'funeral' | 'survivor';
      deathDate: string;
      cause: DeathCause;
      /** The recognised work-injury claim of the deceased (BC…), when the cause is a work injury. */
      injuryReference: string | null;
      /** Survivor claims: the dependants (art. 39 pensions; none for a funeral grant). */
      dependants: ClaimDependant[];
    });

export type PensionClaim = Extract<BenefitClaimApplication, { type: 'pension' }>;
export type UnemploymentClaim = Extract<BenefitClaimApplication, { type: 'unemployment' }>;
export type MaternityClaim = Extract<BenefitClaimApplication, { type: 'maternity' }>;
export type WorkInjuryClaim = Extract<BenefitClaimApplication, { type: 'workInjury' }>;
export type DeathClaim = Extract<BenefitClaimApplication, { type: 'funeral' | 'survivor' }>;

/** The employer a claim concerns, when it names one (maternity, unemployment, work injury). */
export function claimEmployer(application: BenefitClaimApplication): string | null {
  return 'employerCreditCode' in application ? application.employerCreditCode : null;
}

/**
 * The event a claim is about, for "one open claim per person, type and event" (docs/api.md "Benefit claims"): a
 * person retires once, leaves a job on a day, gives birth on a day, is injured on a day, dies once.
 */
export function claimEventKey(application: BenefitClaimApplication): string {
  switch (application.type) {
    case 'pension':
      return 'retirement';
    case 'unemployment':
      return `leave:${application.leaveDate}`;
    case 'maternity':
      return `${application.event.type}:${application.event.date}`;
    case 'workInjury':
      return `accident:${application.accidentDate}`;
    case 'funeral':
    case 'survivor':
      return 'death';
  }
}

/** The day the claim's event happened (or will: a pension claim may be filed ahead of the retirement date). */
export function claimEventDate(application: BenefitClaimApplication): string {
  switch (application.type) {
    case 'pension':
      return application.retirementDate;
    case 'unemployment':
      return application.leaveDate;
    case 'maternity':
      return application.event.date;
    case 'workInjury':
      return application.accidentDate;
    case 'funeral':
    case 'survivor':
      return application.deathDate;
  }
}

/** How far ahead of the retirement date a pension claim may be filed (local practice: about three months). */
export const PENSION_CLAIM_DAYS_AHEAD = 92;

/** Leave reasons of a leaver report; a claim reads the employer's report, never the claimant's word. */
export type { LeaveReason };

/**
 * What no check of the person's record could ever accept, with the field named (400, nothing written): an event in
 * the future, a pension claim filed long before the retirement date, a registration before the leave, a miscarriage
 * without its months, a work-injury death claim without the injury claim, a survivor claim without dependants or a
 * dependant without the sex, birth date and income the 供养亲属 test needs. The
 * birth date comes from the ID number (so an event before birth is caught too). Pure.
 */
export function impossibleClaimInput(application: BenefitClaimApplication, today: string, birthDate: string | null): InputIssue[] {
  const issues: InputIssue[] = [];
  const notFuture = (path: string, date: string) => {
    if (compareDates(date, today) > 0) issues.push({ path, message: `is after today (${today})` });
  };
  const notBeforeBirth = (path: string, date: string) => {
    if (birthDate !== null && compareDates(date, birthDate) < 0) issues.push({ path, message: 'is before the birth date in the ID number' });
  };
  switch (application.type) {
    case 'pension':
      notBeforeBirth('retirementDate', application.retirementDate);
      if (compareDates(application.retirementDate, addDays(today, PENSION_CLAIM_DAYS_AHEAD)) > 0) {
        issues.push({
          path: 'retirementDate',
          message: `is more than ${PENSION_CLAIM_DAYS_AHEAD} days ahead; file the claim when the retirement date is near`,
        });
      }
      break;
    case 'unemployment':
      notFuture('leaveDate', application.leaveDate);
      notBeforeBirth('leaveDate', application.leaveDate);
      notFuture('registeredOn', application.registeredOn);
      if (compareDates(application.registeredOn, application.leaveDate) < 0) issues.push({ path: 'registeredOn', message: 'is before the leave date' });
      break;
    case 'maternity':
      notFuture('event.date', application.event.date);
      notBeforeBirth('event.date', application.event.date);
      if (application.event.type === 'miscarriage' && application.event.pregnancyMonths === null) {
        issues.push({ path: 'event.pregnancyMonths', message: 'is required for a miscarriage' });
      }
      if (application.event.type === 'miscarriage' && (application.event.babies !== 1 || application.event.difficultBirth)) {
        issues.push({ path: 'event.type', message: 'a miscarriage has no babies or difficult birth to count' });
      }
      break;
    case 'workInjury':
      notFuture('accidentDate', application.accidentDate);
      notBeforeBirth('accidentDate', application.accidentDate);
      break;
    case 'funeral':
    case 'survivor':
      notFuture('deathDate', application.deathDate);
      notBeforeBirth('deathDate', application.deathDate);
      if (application.cause === 'workInjury' && application.injuryReference === null) {
        issues.push({ path: 'injuryReference', message: 'is required when the cause is a work injury: the recognised work-injury claim (BC…)' });
      }
      if (application.type === 'survivor' && application.cause === 'workInjury' && application.dependants.length === 0) {
        issues.push({ path: 'dependants', message: 'a survivor claim names at least one dependant' });
      }
      if (application.type === 'survivor' && application.cause === 'workInjury') {
        application.dependants.forEach((d, i) => {
          const missing = (['sex', 'birthDate', 'monthlyIncome'] as const).filter((field) => d[field] === null);
          for (const field of missing)
            issues.push({ path: `dependants.${i}.${field}`, message: 'is required for a dependant’s pension (供养亲属范围规定 art. 3)' });
          if (d.birthDate !== null) notFuture(`dependants.${i}.birthDate`, d.birthDate);
        });
      }
      break;
  }
  return issues;
}
