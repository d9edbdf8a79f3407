import type { MaternityClaim } from './benefit-claim.js';
import type { BenefitPolicy } from './benefit-policy.js';
import { type ClaimAssessment, refusalOf, refusedAssessment } from './claim-assessment.js';
import { calculateMaternityAllowance } from './maternity.js';

/** What the records say for a maternity claim (gathered by the claim's activity). */
export interface MaternityClaimFacts {
  /** A medical (incl. maternity) record with the employer covering the event's month (社会保险法 art. 54). */
  insuredWithEmployer: boolean;
  /** The employer's average monthly contribution base (in practice its previous-year average wage, §5.4). */
  employerAverageBase: string | null;
  /** How the average was found (which year's declarations, or the open records' bases). */
  averageBasis: string;
}

/**
 * 生育津贴 (社会保险法 arts. 54, 56; 女职工劳动保护特别规定 arts. 7–8; rules §5.4, E5): the claimant insured with
 * the employer at the event, leave days by event, daily rate = the employer's average monthly base ÷ the configured
 * divisor, paid once. Pure.
 */
export function assessMaternityClaim(claim: MaternityClaim, facts: MaternityClaimFacts, policy: BenefitPolicy, filedMonth: string): ClaimAssessment {
  if (!facts.insuredWithEmployer) {
    return refusedAssessment([
      {
        code: 'NOT_INSURED_WITH_EMPLOYER',
        reason: `no medical (maternity) insurance with employer ${claim.employerCreditCode} in the month of ${claim.event.date}: the employer pays the pre-leave wage instead (社会保险法 art. 54)`,
      },
    ]);
  }
  if (facts.employerAverageBase === null) {
    return refusedAssessment([
      { code: 'NO_PARAMETERS', reason: `employer ${claim.employerCreditCode} has no contribution base to average: ${facts.averageBasis}` },
    ]);
  }
  const { event } = claim;
  const result = refusalOf(() =>
    calculateMaternityAllowance(
      {
        averageMonthlyWage: facts.employerAverageBase!,
        event: event.type,
        difficultBirth: event.difficultBirth,
        babies: event.babies,
        ...(event.pregnancyMonths === null ? {} : { pregnancyMonths: event.pregnancyMonths }),
      },
      policy.maternity,
    ),
  );
  if (!result.ok) return refusedAssessment([result.refusal]);
  const m = result.value;
  return {
    refusals: [],
    options: [],
    lines: [
      {
        key: 'maternityAllowance',
        benefit: 'maternityAllowance',
        kind: 'oneOff',
        payer: 'fund',
        amount: m.allowance,
        startMonth: filedMonth,
        endMonth: filedMonth,
        beneficiary: null,
      },
    ],
    figures: { employerAverageBase: facts.employerAverageBase, days: m.days, leaveDays: m.leaveDays, dailyRate: m.dailyRate, allowance: m.allowance },
    workings: [`employer average monthly base ${facts.employerAverageBase} (${facts.averageBasis})`, ...m.workings],
  };
}
