import { DomainError } from '../errors.js';
import type { Money } from '../money.js';
import { amountInput, countInput, rateInput, toFen } from './benefit-arithmetic.js';

export type AllowancePayer = 'fund' | 'employer';

/** Disability benefits of 工伤保险条例 (rules §5.5). National defaults; provinces may set more. */
export interface WorkInjuryPolicy {
  /** 本人工资 bounded to 60 %–300 % of the regional average — art. 64 (✔). */
  ownWageFloorRate: string;
  ownWageCeilingRate: string;
  /** One-off disability subsidy in months of own wage, grades 1–10: 27 … 7 — arts. 35–37 (✔). */
  oneOffMonthsByGrade: Readonly<Record<number, number>>;
  /**
   * Monthly disability allowance: grades 1–4 90/85/80/75 % from the fund (art. 35), grades 5–6 70/60 % from the
   * employer when no suitable job is arranged (art. 36) (✔). Grades 7–10 have none (art. 37).
   */
  monthlyAllowanceByGrade: Readonly<Record<number, { rate: string; payer: AllowancePayer }>>;
  /** An allowance below the minimum wage is topped up by its payer — arts. 35–36 (not in rules §5.5; unverified here). */
  topUpToMinimumWage: boolean;
}

export const DEFAULT_WORK_INJURY_POLICY: WorkInjuryPolicy = {
  ownWageFloorRate: '0.6',
  ownWageCeilingRate: '3',
  oneOffMonthsByGrade: { 1: 27, 2: 25, 3: 23, 4: 21, 5: 18, 6: 16, 7: 13, 8: 11, 9: 9, 10: 7 },
  monthlyAllowanceByGrade: {
    1: { rate: '0.90', payer: 'fund' },
    2: { rate: '0.85', payer: 'fund' },
    3: { rate: '0.80', payer: 'fund' },
    4: { rate: '0.75', payer: 'fund' },
    5: { rate: '0.70', payer: 'employer' },
    6: { rate: '0.60', payer: 'employer' },
  },
  topUpToMinimumWage: true,
};

export interface BoundedOwnWage {
  used: Money;
  boundedTo: 'floor' | 'ceiling' | null;
  workings: string[];
}

/**
 * 本人工资: the average monthly contribution wage of the 12 months before the injury, bounded to [60 %, 300 %] of the
 * regional average wage (工伤保险条例 art. 64; rules §5.5, E9). Bounds are rounded half-up to the fen. Pure.
 */
export function boundOwnWage(ownWage: string, regionalAverageWage: string, policy: WorkInjuryPolicy = DEFAULT_WORK_INJURY_POLICY): BoundedOwnWage {
  const own = amountInput(ownWage, 'ownWage');
  const average = amountInput(regionalAverageWage, 'regionalAverageWage');
  const floorRate = rateInput(policy.ownWageFloorRate, 'workInjury.ownWageFloorRate').toFixed();
  const ceilingRate = rateInput(policy.ownWageCeilingRate, 'workInjury.ownWageCeilingRate').toFixed();
  const floor = average.applyRate(floorRate, 'HALF_UP_FEN');
  const ceiling = average.applyRate(ceilingRate, 'HALF_UP_FEN');
  const bounds = `[${floor.toString()}, ${ceiling.toString()}] = ${average.toString()} × [${floorRate}, ${ceilingRate}] (工伤保险条例 art. 64)`;
  if (own.compare(floor) < 0) {
    return {
      used: floor,
      boundedTo: 'floor',
      workings: [`own wage ${own.toString()} raised to the floor of ${bounds} → ${floor.toString()}`],
    };
  }
  if (own.compare(ceiling) > 0) {
    return {
      used: ceiling,
      boundedTo: 'ceiling',
      workings: [`own wage ${own.toString()} capped at the ceiling of ${bounds} → ${ceiling.toString()}`],
    };
  }
  return { used: own, boundedTo: null, workings: [`own wage ${own.toString()} is within ${bounds}`] };
}

/** Body of POST /v1/calculations/work-injury (docs/api.md "Benefit calculators"). */
export interface DisabilityBenefitInput {
  regionalAverageWage: string;
  ownWage: string;
  grade: number;
  /** Grades 5–6: the employer arranged suitable work, so it pays wages, not the allowance. Default false. */
  jobOffered?: boolean;
  /** The local minimum wage, for the arts. 35–36 top-up; no top-up when absent. */
  minimumWage?: string;
}

export interface DisabilityBenefitResult {
  ownWageUsed: string;
  oneOffMonths: number;
  oneOffSubsidy: string;
  monthlyAllowance: string | null;
  monthlyAllowancePayer: AllowancePayer | null;
  workings: string[];
}

/**
 * One-off disability subsidy and monthly disability allowance by grade (工伤保险条例 arts. 35–37, 64; rules
 * §5.5, E9: grade 7 at 8 000 → 104 000.00; grade 10 at 5 000 → 42 000.00; grade 5 at 40 000 → 540 000.00 and
 * 21 000.00 a month from the employer). Pure.
 * @throws DomainError INVALID_AMOUNT (with `path`) for malformed amounts or a grade outside the configured table.
 */
export function calculateDisabilityBenefit(input: DisabilityBenefitInput, policy: WorkInjuryPolicy = DEFAULT_WORK_INJURY_POLICY): DisabilityBenefitResult {
  const grade = countInput(input.grade, 'grade', 1, 10);
  const months = policy.oneOffMonthsByGrade[grade];
  if (months === undefined) throw new DomainError('INVALID_AMOUNT', `no one-off subsidy configured for grade ${grade}`, { path: 'grade' });
  const own = boundOwnWage(input.ownWage, input.regionalAverageWage, policy);
  const wage = own.used;
  const workings = [...own.workings];
  const subsidy = toFen(wage.toDecimal().times(months));
  workings.push(`one-off disability subsidy = ${months} months × ${wage.toString()} = ${subsidy.toString()} (grade ${grade}; 工伤保险条例 arts. 35–37)`);

  const allowanceRule = policy.monthlyAllowanceByGrade[grade];
  let monthlyAllowance: string | null = null;
  let payer: AllowancePayer | null = null;
  if (allowanceRule === undefined) {
    workings.push(`grade ${grade}: no monthly disability allowance (工伤保险条例 art. 37)`);
  } else if (allowanceRule.payer === 'employer' && input.jobOffered === true) {
    workings.push(`grade ${grade}: suitable work arranged, so wages instead of the allowance (工伤保险条例 art. 36)`);
  } else {
    const rate = rateInput(allowanceRule.rate, `workInjury.monthlyAllowanceByGrade.${grade}.rate`).toFixed();
    let allowance = wage.applyRate(rate, 'HALF_UP_FEN');
    const article = allowanceRule.payer === 'fund' ? 'art. 35' : 'art. 36';
    workings.push(
      `monthly disability allowance = ${wage.toString()} × ${rate} = ${allowance.toString()}, paid by the ${allowanceRule.payer} (工伤保险条例 ${article})`,
    );
    if (policy.topUpToMinimumWage && input.minimumWage !== undefined) {
      const minimum = amountInput(input.minimumWage, 'minimumWage');
      if (allowance.compare(minimum) < 0) {
        allowance = minimum;
        workings.push(`topped up to the minimum wage ${minimum.toString()} by the ${allowanceRule.payer} (工伤保险条例 ${article})`);
      }
    }
    monthlyAllowance = allowance.toString();
    payer = allowanceRule.payer;
  }
  return {
    ownWageUsed: wage.toString(),
    oneOffMonths: months,
    oneOffSubsidy: subsidy.toString(),
    monthlyAllowance,
    monthlyAllowancePayer: payer,
    workings,
  };
}
