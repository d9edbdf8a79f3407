import { DomainError } from '../errors.js';
import { Exact, amountInput, countInput, rateInput, shown, toFen } from './benefit-arithmetic.js';

/** Leave days and the allowance formula (rules §5.4). */
export interface MaternityPolicy {
  /** 98 days — 女职工劳动保护特别规定 art. 7 (✔). */
  birthDays: number;
  /** Difficult birth +15 — art. 7 (✔). */
  difficultBirthExtraDays: number;
  /** Each extra baby of a multiple birth +15 — art. 7 (✔). */
  extraBabyDays: number;
  /** Miscarriage before `miscarriageThresholdMonths` of pregnancy: 15 days — art. 7 (✔). */
  miscarriageEarlyDays: number;
  /** … at or after it: 42 days — art. 7 (✔). */
  miscarriageLateDays: number;
  miscarriageThresholdMonths: number;
  /** Provincial extra birth leave (e.g. Shandong +60, ◐); 0 by default — set the province's figure. */
  provincialExtraDays: number;
  /** Whether the fund pays an allowance for the provincial extra days (provincial; default false, unverified). */
  fundPaysProvincialExtra: boolean;
  /** Daily rate = average monthly wage ÷ this: "30" (◐ practice; some places 30.4 or 365/12). */
  dailyRateDivisor: string;
  /**
   * 'dailyRateFirst' (default): the daily rate is rounded half-up to the fen, then × days, so the daily rate shown
   * is the one paid. 'allowanceOnly': the exact daily rate × days, rounded once. No national rule; unverified.
   */
  rounding: 'dailyRateFirst' | 'allowanceOnly';
}

export const DEFAULT_MATERNITY_POLICY: MaternityPolicy = {
  birthDays: 98,
  difficultBirthExtraDays: 15,
  extraBabyDays: 15,
  miscarriageEarlyDays: 15,
  miscarriageLateDays: 42,
  miscarriageThresholdMonths: 4,
  provincialExtraDays: 0,
  fundPaysProvincialExtra: false,
  dailyRateDivisor: '30',
  rounding: 'dailyRateFirst',
};

/** Body of POST /v1/calculations/maternity (docs/api.md "Benefit calculators"). */
export interface MaternityInput {
  /** The employer's previous-year average monthly wage (in practice its average contribution base). */
  averageMonthlyWage: string;
  event: 'birth' | 'miscarriage';
  difficultBirth?: boolean;
  babies?: number;
  /** Completed months of pregnancy; required for a miscarriage. */
  pregnancyMonths?: number;
  /** Provincial extra leave days for this case; the policy's provincialExtraDays for a birth when absent. */
  extraDays?: number;
}

export interface MaternityResult {
  /** Days the allowance is paid for. */
  days: number;
  /** Leave days in all, extra days the fund does not pay included. */
  leaveDays: number;
  dailyRate: string;
  allowance: string;
  workings: string[];
}

/**
 * 生育津贴 (社会保险法 art. 56; 女职工劳动保护特别规定 arts. 7–8; rules §5.4, E5): leave days by event, and
 * allowance = average monthly wage ÷ divisor × days (E5: 9 000 ÷ 30 = 300.00; × 98 = 29 400.00). Provincial extra
 * days count only where the fund pays them. Leave is counted in calendar days. Pure.
 * @throws DomainError INVALID_AMOUNT (with `path`) for malformed inputs, a miscarriage without pregnancyMonths or a
 * zero divisor.
 */
export function calculateMaternityAllowance(input: MaternityInput, policy: MaternityPolicy = DEFAULT_MATERNITY_POLICY): MaternityResult {
  const wage = amountInput(input.averageMonthlyWage, 'averageMonthlyWage').toDecimal();
  const divisor = rateInput(policy.dailyRateDivisor, 'maternity.dailyRateDivisor');
  if (divisor.isZero())
    throw new DomainError('INVALID_AMOUNT', 'maternity.dailyRateDivisor is zero', {
      path: 'maternity.dailyRateDivisor',
    });
  const workings: string[] = [];
  let days: number;
  if (input.event === 'birth') {
    const babies = countInput(input.babies ?? 1, 'babies', 1, 10);
    days = policy.birthDays;
    const parts = [`${policy.birthDays} (birth)`];
    if (input.difficultBirth === true) {
      days += policy.difficultBirthExtraDays;
      parts.push(`${policy.difficultBirthExtraDays} (difficult birth)`);
    }
    if (babies > 1) {
      days += policy.extraBabyDays * (babies - 1);
      parts.push(`${policy.extraBabyDays} × ${babies - 1} (extra babies)`);
    }
    workings.push(`leave = ${parts.join(' + ')} = ${days} days (女职工劳动保护特别规定 art. 7)`);
  } else if (input.event === 'miscarriage') {
    if (input.pregnancyMonths === undefined) {
      throw new DomainError('INVALID_AMOUNT', 'a miscarriage needs pregnancyMonths', { path: 'pregnancyMonths' });
    }
    const months = countInput(input.pregnancyMonths, 'pregnancyMonths', 0, 10);
    const early = months < policy.miscarriageThresholdMonths;
    days = early ? policy.miscarriageEarlyDays : policy.miscarriageLateDays;
    const side = early ? 'before' : 'at or after';
    workings.push(`miscarriage at ${months} months, ${side} ${policy.miscarriageThresholdMonths} months → ${days} days (女职工劳动保护特别规定 art. 7)`);
  } else {
    throw new DomainError('INVALID_AMOUNT', `event "${String(input.event)}" is not birth or miscarriage`, {
      path: 'event',
    });
  }

  let leaveDays = days;
  const extra = countInput(input.extraDays ?? (input.event === 'birth' ? policy.provincialExtraDays : 0), 'extraDays', 0, 365);
  if (extra > 0) {
    leaveDays += extra;
    if (policy.fundPaysProvincialExtra) {
      days += extra;
      workings.push(`+ ${extra} provincial extra days paid by the fund (configuration maternity.fundPaysProvincialExtra) = ${days} days`);
    } else {
      workings.push(`+ ${extra} provincial extra leave days not paid by the fund (configuration maternity.fundPaysProvincialExtra false)`);
    }
  }

  const exactRate = new Exact(wage).dividedBy(divisor);
  const dailyRate = toFen(exactRate);
  const allowance = policy.rounding === 'dailyRateFirst' ? toFen(dailyRate.toDecimal().times(days)) : toFen(exactRate.times(days));
  workings.push(
    `daily rate = ${wage.toFixed(2)} ÷ ${divisor.toFixed()} = ${shown(exactRate, 6)} → ${dailyRate.toString()} (configuration maternity.dailyRateDivisor)`,
  );
  const factor = policy.rounding === 'dailyRateFirst' ? dailyRate.toString() : shown(exactRate, 6);
  workings.push(`allowance = ${factor} × ${days} days = ${allowance.toString()} (社会保险法 art. 56; rounding ${policy.rounding})`);
  return { days, leaveDays, dailyRate: dailyRate.toString(), allowance: allowance.toString(), workings };
}
