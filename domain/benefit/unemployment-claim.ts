import { monthOf } from '../calendar/local-date.js';
import { amountInput, rateInput } from './benefit-arithmetic.js';
import type { UnemploymentClaim } from './benefit-claim.js';
import type { BenefitPolicy } from './benefit-policy.js';
import { type ClaimAssessment, type ClaimRefusal, refusalOf, refusedAssessment } from './claim-assessment.js';
import { type EntitlementLine, monthPlus } from './entitlement.js';
import { calculateUnemploymentBenefit } from './unemployment.js';
import type { LeaveReason } from './unemployment-policy.js';

/** What the records say for an unemployment claim (gathered by the claim's activity). */
export interface UnemploymentClaimFacts {
  /** Paid unemployment-insurance months, overlaps counted once. */
  contributionMonths: number;
  /** The employer's leaver report (减员) for the leave date: the leave reason comes from it, never from the claimant. */
  leaver: { reason: LeaveReason; leaveDate: string; lastMonth: string } | null;
  /** An insurance record open with an employer today: the person is employed, not unemployed. */
  employment: { employerCreditCode: string; sinceMonth: string } | null;
  /** Already drawing a basic pension: a stop condition of 社会保险法 art. 51. */
  drawingPension: boolean;
  /** Months granted but not paid in an earlier spell (stopped by re-employment): they carry (失业保险条例 art. 17). */
  unusedMonths: number;
  minimumWage: string | null;
  subsistenceAllowance: string | null;
  /** The regional average wage and the medical rates (employer + employee) in force, for the medical premium. */
  medical: { averageWage: string; rate: string } | null;
}

/**
 * The medical premium the unemployment fund pays each month of the benefit period (社会保险法 art. 48; rules
 * §5.3 "medical premiums during the benefit period are paid by the unemployment fund"): the regional average wage ×
 * the configured base share, rounded to the fen, × the medical rate, rounded half-up to the fen. The base share is
 * local practice (claims.medicalPremiumBaseRate, default 0.6 — the base floor). Pure.
 */
export function unemploymentMedicalPremium(medical: { averageWage: string; rate: string }, policy: BenefitPolicy): { premium: string; working: string } {
  const wage = amountInput(medical.averageWage, 'averageWage');
  const share = rateInput(policy.claims.medicalPremiumBaseRate, 'claims.medicalPremiumBaseRate').toFixed();
  const rate = rateInput(medical.rate, 'medical.rate').toFixed();
  const base = wage.applyRate(share, 'HALF_UP_FEN');
  const premium = base.applyRate(rate, 'HALF_UP_FEN');
  return {
    premium: premium.toString(),
    working: `medical premium = base ${wage.toString()} × ${share} = ${base.toString()} × medical rate ${rate} = ${premium.toString()} a month, paid by the unemployment fund (社会保险法 art. 48; configuration claims.medicalPremiumBaseRate)`,
  };
}

/**
 * 失业保险金 (社会保险法 arts. 45–51; 失业保险条例 arts. 14–18; rules §5.3, E4): the leave must be reported by the
 * employer and involuntary, the person unemployed now (no open record, no pension) and registered (the claim is the
 * registration), with a year of premiums. Months by the national caps or the configured provincial formula, unused
 * months of an earlier spell added (at most 24), the configured share of the minimum wage never below 低保, paid
 * monthly from the registration month, with the medical premium for the same months. Pure.
 */
export function assessUnemploymentClaim(claim: UnemploymentClaim, facts: UnemploymentClaimFacts, policy: BenefitPolicy): ClaimAssessment {
  const refusals: ClaimRefusal[] = [];
  const workings: string[] = [];
  if (facts.leaver === null) {
    refusals.push({
      code: 'LEAVER_NOT_REPORTED',
      reason: `employer ${claim.employerCreditCode} has not reported the leave of ${claim.leaveDate} (减员, 社会保险法 art. 50): the employer reports it first`,
    });
  } else {
    workings.push(`leaver report of ${facts.leaver.leaveDate}: reason "${facts.leaver.reason}", records stopped after ${facts.leaver.lastMonth}`);
  }
  if (facts.employment !== null) {
    refusals.push({
      code: 'CURRENTLY_EMPLOYED',
      reason: `insured with employer ${facts.employment.employerCreditCode} since ${facts.employment.sinceMonth}: not unemployed (社会保险法 art. 45)`,
    });
  }
  if (facts.drawingPension) refusals.push({ code: 'NOT_UNEMPLOYED', reason: 'draws a basic pension: no unemployment benefit (社会保险法 art. 51)' });
  if (facts.minimumWage === null || facts.medical === null) {
    refusals.push({ code: 'NO_PARAMETERS', reason: `no minimum wage or regional parameters are in force for region ${claim.region} on ${claim.registeredOn}` });
  }
  if (refusals.length > 0) return refusedAssessment(refusals, workings);

  const result = refusalOf(() =>
    calculateUnemploymentBenefit(
      {
        contributionMonths: facts.contributionMonths,
        leaveReason: facts.leaver!.reason,
        registeredUnemployed: true,
        unusedMonths: Math.min(facts.unusedMonths, policy.unemployment.combinedCapMonths),
        minimumWage: facts.minimumWage!,
        ...(facts.subsistenceAllowance === null ? {} : { subsistenceAllowance: facts.subsistenceAllowance }),
      },
      policy.unemployment,
    ),
  );
  if (!result.ok) return refusedAssessment([result.refusal], workings);
  const benefit = result.value;
  workings.push(...benefit.workings);
  if (!benefit.eligible) return refusedAssessment(benefit.refusals, workings);
  const premium = unemploymentMedicalPremium(facts.medical!, policy);
  workings.push(premium.working);
  const start = monthOf(claim.registeredOn);
  const end = monthPlus(start, benefit.months - 1);
  workings.push(
    `paid from ${start}, the month of the unemployment registration ${claim.registeredOn}, to ${end} (${benefit.months} months; 社会保险法 art. 50)`,
  );
  const line = (benefit_: 'unemploymentBenefit' | 'medicalPremium', amount: string): EntitlementLine => ({
    key: benefit_,
    benefit: benefit_,
    kind: benefit_ === 'medicalPremium' ? 'medicalPremium' : 'monthly',
    payer: 'fund',
    amount,
    startMonth: start,
    endMonth: end,
    beneficiary: null,
  });
  return {
    refusals: [],
    options: [],
    lines: [line('unemploymentBenefit', benefit.monthlyAmount), line('medicalPremium', premium.premium)],
    figures: {
      contributionMonths: facts.contributionMonths,
      maxMonths: benefit.maxMonths,
      unusedMonths: facts.unusedMonths,
      months: benefit.months,
      monthlyAmount: benefit.monthlyAmount,
      medicalPremium: premium.premium,
      total: benefit.total,
      firstMonth: start,
      lastMonth: end,
    },
    workings,
  };
}
