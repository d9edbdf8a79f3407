import { Decimal } from 'decimal.js';
import { addMonths } from '../calendar/local-date.js';
import { DomainError } from '../errors.js';
import { isRate } from '../money.js';
import { assertMonthCount, parseMonthAt } from './transfer-input.js';
import { DEFAULT_MEDICAL_CONTINUITY_POLICY, type MedicalContinuityPolicy } from './transfer-policy.js';

const Exact = Decimal.clone({ precision: 40 });

export type MedicalScheme = 'employee' | 'resident';

export interface MedicalContinuityInput {
  /** 'YYYY-MM': the last month paid in the old place or scheme. */
  lastCoveredMonth: string;
  /** 'YYYY-MM': the first month paid in the new place or scheme. */
  resumedMonth: string;
  fromScheme: MedicalScheme;
  toScheme: MedicalScheme;
  /** Months of unbroken cover up to `lastCoveredMonth`; decides an employee ↔ resident switch. */
  continuousMonthsBefore: number;
}

/**
 * `continuous`: back-pay the break and cover runs on, the break covered retroactively. `waitingPeriod`: benefits start
 * after a waiting period. `localRule`: a scheme switch without 2 years of cover — 43号 gives no continuity guarantee,
 * so the waiting formula is applied to the break (a suggested default).
 */
export type MedicalContinuityOutcome = 'continuous' | 'waitingPeriod' | 'localRule';

export interface MedicalContinuityResult {
  outcome: MedicalContinuityOutcome;
  /** Whole months strictly between the two months; 0 when they touch or overlap. */
  breakMonths: number;
  /** Months that may be back-paid under the new place's rules (the break), when continuous. */
  backPayMonths: number;
  waitingMonths: number;
  /** 'YYYY-MM' from which the new place pays benefits. */
  benefitsFrom: string;
  /** 'YYYY-MM' from which cover is restored retroactively, or null. */
  retroactiveFrom: string | null;
  workings: string[];
}

const BASIS = '医保办发〔2021〕43号';

const shift = (month: string, n: number): string => addMonths(`${month}-01`, n).slice(0, 7);

/**
 * Continuity of medical cover across a transfer (医保办发〔2021〕43号, rules §6.2): a break of at most 3 months
 * is continuous — the break may be back-paid under the new place's rules, benefits start in the month of payment and
 * the break is covered retroactively; the same holds for an employee ↔ resident switch after at least 2 years of
 * continuous cover. A longer break gives a waiting period of at most 6 months; 43号 leaves its length to each pooling
 * area, so the default — 1 month of waiting per month of break, rounded up, capped at 6 — is unverified. Pure.
 * @throws DomainError INVALID_DATE for a malformed month or a negative count; INVALID_AMOUNT for a bad factor.
 */
export function assessMedicalContinuity(
  input: MedicalContinuityInput,
  policy: MedicalContinuityPolicy = DEFAULT_MEDICAL_CONTINUITY_POLICY,
): MedicalContinuityResult {
  const last = parseMonthAt(input.lastCoveredMonth, 'lastCoveredMonth');
  const resumed = parseMonthAt(input.resumedMonth, 'resumedMonth');
  assertMonthCount(input.continuousMonthsBefore, 'continuousMonthsBefore');
  if (!isRate(policy.waitingMonthsPerBreakMonth)) {
    throw new DomainError('INVALID_AMOUNT', `"${policy.waitingMonthsPerBreakMonth}" is not a factor`, {
      path: 'medicalContinuity.waitingMonthsPerBreakMonth',
    });
  }
  const breakMonths = Math.max(0, resumed - last - 1);
  const workings = [`break between ${input.lastCoveredMonth} and ${input.resumedMonth}: ${breakMonths} months`];
  const switched = input.fromScheme !== input.toScheme;
  const shortBreak = breakMonths <= policy.maxBreakMonths;
  const limit = `${policy.maxBreakMonths} months (medicalContinuity.maxBreakMonths, ${BASIS})`;

  const waiting = (): number => {
    const raw = new Exact(breakMonths).times(policy.waitingMonthsPerBreakMonth).toDecimalPlaces(0, Decimal.ROUND_UP);
    const months = Math.min(policy.maxWaitingMonths, raw.toNumber());
    workings.push(
      `waiting = min(${policy.maxWaitingMonths}, ⌈${breakMonths} × ${policy.waitingMonthsPerBreakMonth}⌉) = ${months} months ` +
        `(medicalContinuity.waitingMonthsPerBreakMonth, maxWaitingMonths; formula unverified, ${BASIS})`,
    );
    return months;
  };
  const result = (outcome: MedicalContinuityOutcome, waitingMonths: number): MedicalContinuityResult => {
    const continuous = outcome === 'continuous';
    const retroactiveFrom = continuous && breakMonths > 0 ? shift(input.lastCoveredMonth, 1) : null;
    const benefitsFrom = shift(input.resumedMonth, waitingMonths);
    workings.push(`benefits from ${benefitsFrom}` + (retroactiveFrom === null ? '' : `; the break is covered retroactively from ${retroactiveFrom}`));
    return { outcome, breakMonths, backPayMonths: continuous ? breakMonths : 0, waitingMonths, benefitsFrom, retroactiveFrom, workings };
  };

  if (switched) {
    const needed = policy.schemeSwitchMinContinuousMonths;
    const longCover = input.continuousMonthsBefore >= needed;
    workings.push(
      `${input.fromScheme} → ${input.toScheme} switch after ${input.continuousMonthsBefore} months of continuous cover; ` +
        `${longCover ? '≥' : '<'} ${needed} (medicalContinuity.schemeSwitchMinContinuousMonths, ${BASIS})`,
    );
    if (!longCover) return result('localRule', waiting());
  }
  if (shortBreak) {
    workings.push(`${breakMonths} ≤ ${limit}: continuous; back-pay per the new place's rules`);
    return result('continuous', 0);
  }
  workings.push(`${breakMonths} > ${limit}: the new place may set a waiting period`);
  return result('waitingPeriod', waiting());
}
