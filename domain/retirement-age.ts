import { addMonths, isIsoDate, monthOf } from './calendar/local-date.js';
import { DomainError } from './errors.js';

/** Which pre-2025 statutory age applies: men 60, women cadres 55, women workers 50 (rules §5.2). */
export type RetirementCategory = 'male' | 'female50' | 'female55';

export const RETIREMENT_CATEGORIES = ['male', 'female50', 'female55'] as const satisfies readonly RetirementCategory[];

export interface StatutoryRetirement {
  ageYears: number;
  ageMonths: number;
  /** Months added by the 2025 reform (0 for cohorts before it). */
  delayMonths: number;
  /** 'YYYY-MM' of `retirementDate`. */
  retirementMonth: string;
  /** The day the person reaches the statutory age: birth date + age, clamped to the month's end (民法典 art. 202). */
  retirementDate: string;
}

// (original age, first delayed birth cohort as year*12 + month index, cohort months per month of delay, maximum delay)
const REFORM: Record<RetirementCategory, { baseYears: number; startCohort: number; step: number; maxDelay: number }> = {
  male: { baseYears: 60, startCohort: 1965 * 12, step: 4, maxDelay: 36 },
  female55: { baseYears: 55, startCohort: 1970 * 12, step: 4, maxDelay: 36 },
  female50: { baseYears: 50, startCohort: 1975 * 12, step: 2, maxDelay: 60 },
};

/**
 * Statutory retirement age and date under the 2025 reform (NPCSC decision of 13 Sep 2024; rules §5.2, E10):
 * `delay = min(max, floor(monthsSince(startCohort) / step) + 1)` for cohorts from the start cohort on, 0 before.
 * A man born May 1970 retires at 61 y 5 m, in Oct 2031. The retirement date is the day the age is reached; when
 * benefits start (that month or the next) is a benefit rule, not this one.
 * @throws DomainError INVALID_DATE when `birthDate` is not a real date.
 */
export function statutoryRetirement(birthDate: string, category: RetirementCategory): StatutoryRetirement {
  if (!isIsoDate(birthDate)) {
    throw new DomainError('INVALID_DATE', `"${birthDate}" is not a real date in the form YYYY-MM-DD`);
  }
  const rule = REFORM[category];
  const cohort = Number(birthDate.slice(0, 4)) * 12 + Number(birthDate.slice(5, 7)) - 1;
  const since = cohort - rule.startCohort;
  const delayMonths = since < 0 ? 0 : Math.min(rule.maxDelay, Math.floor(since / rule.step) + 1);
  const totalMonths = rule.baseYears * 12 + delayMonths;
  const retirementDate = addMonths(birthDate, totalMonths);
  return {
    ageYears: Math.floor(totalMonths / 12),
    ageMonths: totalMonths % 12,
    delayMonths,
    retirementMonth: monthOf(retirementDate),
    retirementDate,
  };
}

/**
 * Minimum contribution years for a monthly pension by year of retirement (2025 reform; rules E10):
 * 15 up to 2029, then +6 months a year from 2030 until 20 from 2039. A decimal string ("15.5"), never a float.
 * @throws DomainError INVALID_DATE when the year is not a whole year.
 */
export function minimumContributionYears(retirementYear: number): string {
  if (!Number.isInteger(retirementYear) || retirementYear < 1 || retirementYear > 9999) {
    throw new DomainError('INVALID_DATE', `${retirementYear} is not a year`);
  }
  const halfYears = Math.min(10, Math.max(0, retirementYear - 2029));
  return halfYears % 2 === 0 ? String(15 + halfYears / 2) : `${15 + (halfYears - 1) / 2}.5`;
}
