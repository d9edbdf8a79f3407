import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { addMonths, daysInMonth, monthOf } from '../calendar/local-date.js';
import { DomainError } from '../errors.js';
import { parseCitizenId } from '../identity/citizen-id.js';
import { AMOUNT_PATTERN, Money } from '../money.js';
import { calculateContribution, type ContributionLine } from './contribution-calculation.js';
import { INSURANCE_TYPES, type InsuranceType, type RegionalParameters } from './regional-parameters.js';

/** One employee's line of a monthly wage declaration (工资总额申报, rules §3.3). */
export interface DeclarationLineInput {
  citizenId: string;
  name: string;
  monthlyWage: string;
  insuranceTypes: InsuranceType[];
  /** Overrides the employer's registered risk class for this line; rarely needed. */
  workInjuryClass?: string;
  workInjuryTier?: string;
}

/** A refused field, named the way the API reports it: `rows[12].monthlyWage`. */
export interface DeclarationIssue {
  path: string;
  message: string;
}

export interface DeclaredLine {
  citizenId: string;
  name: string;
  monthlyWage: Money;
  base: Money;
  lines: ContributionLine[];
  employerTotal: Money;
  employeeTotal: Money;
  total: Money;
  workings: string[];
}

export interface DeclarationTotals {
  employer: Money;
  employee: Money;
  total: Money;
  byInsurance: Record<InsuranceType, { employer: Money; employee: Money }>;
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * Refuses a contribution period ('YYYY-MM') that is malformed or lies in the future: wages are declared for a month
 * that has begun (rules §3.3). Returns the reason, or null when the period is acceptable. Pure.
 */
export function periodProblem(period: string, today: string): string | null {
  if (!PERIOD.test(period)) return 'must be a month written YYYY-MM';
  if (period > monthOf(today)) return `${period} is in the future (today is ${today})`;
  return null;
}

/**
 * Checks every line of a declaration and reports every bad field at once, so a file is refused as a whole with a
 * report naming each row (issue 3): a bad ID number (GB 11643, rules §1.1), a wage that is negative or has a
 * third decimal (principle 2), an unknown insurance, or the same person twice. `prefix` names the collection
 * ('rows' for a file, 'lines' for JSON); `today` (the business day) refuses a birth date in the future. Pure.
 */
export function validateDeclarationLines(lines: readonly DeclarationLineInput[], prefix = 'rows', today?: string): DeclarationIssue[] {
  const issues: DeclarationIssue[] = [];
  const seen = new Map<string, number>();
  if (lines.length === 0) issues.push({ path: prefix, message: 'declares no employee' });
  lines.forEach((line, i) => {
    const at = (field: string) => `${prefix}[${i}].${field}`;
    const id = line.citizenId.trim().toUpperCase();
    try {
      parseCitizenId(id, { today }); // with `today`, a birth date after it is refused too
      const first = seen.get(id);
      if (first !== undefined) issues.push({ path: at('citizenId'), message: `the same person is already declared in ${prefix}[${first}]` });
      else seen.set(id, i);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      issues.push({ path: at('citizenId'), message: error.message });
    }
    if (line.name.trim() === '') issues.push({ path: at('name'), message: 'must not be empty' });
    const wage = line.monthlyWage.trim();
    if (!AMOUNT_PATTERN.test(wage)) {
      const message = wage.startsWith('-')
        ? 'must not be negative'
        : /^\d+\.\d{3,}$/.test(wage)
          ? `has more than 2 decimal places ("${wage}")`
          : 'must be an amount such as 8000.00';
      issues.push({ path: at('monthlyWage'), message });
    }
    if (line.insuranceTypes.length === 0) issues.push({ path: at('insuranceTypes'), message: 'names no insurance' });
    const unknown = line.insuranceTypes.filter((t) => !(INSURANCE_TYPES as readonly string[]).includes(t));
    if (unknown.length > 0) issues.push({ path: at('insuranceTypes'), message: `unknown insurance ${unknown.map(String).join(', ')}` });
  });
  return issues;
}

/**
 * Contributions of every line with the region's parameters in force for the period (rules §3.1–3.4, E1),
 * each line computed and rounded per person and insurance, then summed per insurance for the bill. A line's
 * calculation error (e.g. a work-injury class the region does not rate) becomes an issue on that row, never a
 * partial result. Pure.
 */
export function computeDeclaration(
  lines: readonly DeclarationLineInput[],
  parameters: RegionalParameters,
  employerWorkInjuryClass: string | null,
  prefix = 'rows',
): { lines: DeclaredLine[]; totals: DeclarationTotals; issues: DeclarationIssue[] } {
  const declared: DeclaredLine[] = [];
  const issues: DeclarationIssue[] = [];
  lines.forEach((line, i) => {
    try {
      const monthlyWage = Money.of(line.monthlyWage.trim());
      const result = calculateContribution({
        parameters,
        monthlyWage,
        insuranceTypes: line.insuranceTypes,
        workInjuryClass: line.workInjuryClass ?? employerWorkInjuryClass ?? undefined,
        workInjuryTier: line.workInjuryTier,
      });
      declared.push({ citizenId: line.citizenId.trim().toUpperCase(), name: line.name.trim(), monthlyWage, ...result });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      issues.push({ path: `${prefix}[${i}].${error.path ?? 'monthlyWage'}`, message: error.message });
    }
  });
  return { lines: declared, totals: totalsOf(declared), issues };
}

/** Sums per insurance and overall; exact, no further rounding (each line was rounded on its own, §3.4). */
export function totalsOf(lines: readonly Pick<DeclaredLine, 'lines'>[]): DeclarationTotals {
  const byInsurance = Object.fromEntries(INSURANCE_TYPES.map((t) => [t, { employer: Money.zero(), employee: Money.zero() }])) as Record<
    InsuranceType,
    { employer: Money; employee: Money }
  >;
  for (const person of lines) {
    for (const l of person.lines) {
      const sum = byInsurance[l.insurance];
      sum.employer = sum.employer.plus(l.employer);
      sum.employee = sum.employee.plus(l.employee);
    }
  }
  const employer = Money.sum(INSURANCE_TYPES.map((t) => byInsurance[t].employer));
  const employee = Money.sum(INSURANCE_TYPES.map((t) => byInsurance[t].employee));
  return { employer, employee, total: employer.plus(employee), byInsurance };
}

/**
 * The due date of a period's bill: the region's due day of the following month (rules §3.3, due day is local
 * configuration). When that day is a rest day it rolls to the next working day (民法典 art. 203, §9); in a year whose
 * holiday calendar is not loaded it rolls over weekends only and the date is provisional (computed again when the
 * year is loaded). Without a calendar the nominal day stands. Pure.
 */
export function billDueDateOf(period: string, dueDay: number, calendar?: HolidayCalendar): { dueDate: string; provisional: boolean } {
  if (!PERIOD.test(period)) throw new DomainError('INVALID_DATE', `"${period}" is not a month written YYYY-MM`, { path: 'period' });
  const next = addMonths(`${period}-01`, 1);
  const day = Math.min(Math.max(1, dueDay), daysInMonth(Number(next.slice(0, 4)), Number(next.slice(5, 7))));
  const nominal = `${next.slice(0, 8)}${String(day).padStart(2, '0')}`;
  if (!calendar) return { dueDate: nominal, provisional: false };
  const due = calendar.deadlineOf(nominal, 0, 'calendar');
  return { dueDate: due.dueDate, provisional: due.provisional };
}

/** {@link billDueDateOf} without the provisional flag. */
export function billDueDate(period: string, dueDay: number, calendar?: HolidayCalendar): string {
  return billDueDateOf(period, dueDay, calendar).dueDate;
}

/** The period before `period` ('YYYY-MM'). */
export function previousPeriod(period: string): string {
  return addMonths(`${period}-01`, -1).slice(0, 7);
}

/**
 * The provisional amount for a period the employer did not declare: 110 % of its previous month's contribution
 * (社会保险法 art. 62; 征缴暂行条例 art. 10 para. 2; rules §3.3), settled when it declares. Pure.
 */
export function provisionalAmount(previousMonth: Money, factor = '1.1'): Money {
  return previousMonth.applyRate(factor, 'HALF_UP_FEN');
}
