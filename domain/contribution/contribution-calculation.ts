import { Decimal } from 'decimal.js';
import { DomainError } from '../errors.js';
import { Money, isRate } from '../money.js';
import { clampBase } from './contribution-base.js';
import { INSURANCE_TYPES } from './regional-parameters.js';
import type { InsuranceType, RegionalParameters } from './regional-parameters.js';

// Only for multiplying two configured rates exactly; amounts go through Money.
const Rate = Decimal.clone({ precision: 40 });

export interface ContributionInput {
  parameters: RegionalParameters;
  monthlyWage: Money;
  insuranceTypes: readonly InsuranceType[];
  /** Industry risk class "1".."8"; required when work injury is requested. */
  workInjuryClass?: string | number;
  /** Floating tier multiplier ("0.8", "1.2"); defaults to "1". */
  workInjuryTier?: string;
}

export interface ContributionLine {
  insurance: InsuranceType;
  employerRate: string;
  employeeRate: string;
  employer: Money;
  employee: Money;
}

export interface ContributionResult {
  base: Money;
  lines: ContributionLine[];
  employerTotal: Money;
  employeeTotal: Money;
  total: Money;
  workings: string[];
}

function refuse(path: string, message: string): DomainError {
  return new DomainError('INVALID_AMOUNT', message, { path });
}

/**
 * The work-injury employer rate: industry class rate × floating tier (工伤保险条例 arts. 8, 10; rules §3.1).
 * The tier must be one the region allows, and class 1 never floats below 100 %.
 */
function workInjuryRate(p: RegionalParameters, workInjuryClass: string | number | undefined, tier: string) {
  if (workInjuryClass === undefined) {
    throw refuse('workInjuryClass', 'work injury needs the employer’s industry risk class (1–8)');
  }
  const cls = String(workInjuryClass);
  const classRate = p.workInjury.classRates[cls];
  if (classRate === undefined) {
    throw refuse('workInjuryClass', `region ${p.region} has no work-injury rate for class "${cls}"`);
  }
  if (!isRate(tier) || !p.workInjury.tiers.some((t) => isRate(t) && new Rate(t).equals(tier))) {
    const allowed = p.workInjury.tiers.join(', ');
    throw refuse('workInjuryTier', `tier "${tier}" is not one of the region’s tiers (${allowed})`);
  }
  if (cls === '1' && new Rate(tier).lessThan(1)) {
    throw refuse('workInjuryTier', 'class 1 has only the 100 %, 120 % and 150 % tiers');
  }
  const rate = new Rate(classRate).times(tier).toFixed();
  return { rate, working: `workInjury rate = class ${cls} rate ${classRate} × tier ${tier} = ${rate}` };
}

/**
 * One month's contributions for one employee (rules §3.1–3.4, E1): the wage is clamped to the base bounds,
 * then each insurance line is computed and rounded separately with the region's rule — employer and employee
 * shares apart — and only then summed. Work injury is employer-only. Pure; every step is recorded in `workings`.
 * @throws DomainError INVALID_AMOUNT (with `path`) for a missing or unknown work-injury class or tier.
 */
export function calculateContribution(input: ContributionInput): ContributionResult {
  const { parameters: p, monthlyWage } = input;
  const unknown = input.insuranceTypes.find((t) => !(INSURANCE_TYPES as readonly string[]).includes(t));
  if (unknown !== undefined) throw refuse('insuranceTypes', `"${String(unknown)}" is not an insurance type`);

  const clamped = clampBase(monthlyWage, p);
  const { base } = clamped;
  const workings = [...clamped.workings, `each line rounded separately: ${p.rounding}`];
  const lines: ContributionLine[] = [];

  for (const insurance of INSURANCE_TYPES.filter((t) => input.insuranceTypes.includes(t))) {
    let employerRate: string;
    let employeeRate: string;
    if (insurance === 'workInjury') {
      const tier = input.workInjuryTier ?? '1';
      const { rate, working } = workInjuryRate(p, input.workInjuryClass, tier);
      employerRate = rate;
      employeeRate = '0';
      workings.push(working);
    } else {
      ({ employer: employerRate, employee: employeeRate } = p.rates[insurance]);
    }
    const employer = base.applyRate(employerRate, p.rounding);
    const employee = base.applyRate(employeeRate, p.rounding);
    workings.push(
      `${insurance}: employer ${base.toString()} × ${employerRate} = ${employer.toString()}; ` +
        `employee ${base.toString()} × ${employeeRate} = ${employee.toString()}`,
    );
    lines.push({ insurance, employerRate, employeeRate, employer, employee });
  }

  const employerTotal = Money.sum(lines.map((l) => l.employer));
  const employeeTotal = Money.sum(lines.map((l) => l.employee));
  const total = employerTotal.plus(employeeTotal);
  workings.push(`employer total ${employerTotal.toString()} + employee total ${employeeTotal.toString()} = ${total.toString()}`);
  return { base, lines, employerTotal, employeeTotal, total, workings };
}
