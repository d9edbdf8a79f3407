import type { CalendarYear } from '../calendar/holiday-calendar.js';
import type { WorkInjuryClaim } from './benefit-claim.js';
import type { BenefitPolicy } from './benefit-policy.js';
import { type ClaimAssessment, type ClaimRefusal, refusalOf, refusedAssessment } from './claim-assessment.js';
import { type EntitlementLine, monthPlus } from './entitlement.js';
import { type DaySpan, recognitionApplicationCheck } from './work-injury-clocks.js';
import { calculateDisabilityBenefit } from './work-injury.js';

/** What the records say for a work-injury claim (gathered by the claim's activity). */
export interface WorkInjuryClaimFacts {
  /** A work-injury insurance record with the employer covering the accident's month. */
  insuredForWorkInjury: boolean;
  /** 本人工资: the average monthly contribution wage of the 12 months before the injury (art. 64), before bounds. */
  ownWage: string | null;
  ownWageBasis: string;
  /** The regional average monthly wage in force on the accident date (art. 64 bounds). */
  regionalAverageWage: string | null;
  /** For the arts. 35–36 top-up; null when not loaded. */
  minimumWage: string | null;
}

export interface WorkInjuryFilingCheck {
  refusals: ClaimRefusal[];
  /** Benefits arising in this span are the employer's (art. 17 para. 4); null when it applied in time. */
  employerLiability: DaySpan | null;
  employerDeadline: string;
  otherApplicantDeadline: string;
  workings: string[];
}

/**
 * Whether a work-injury recognition application is taken (工伤保险条例 arts. 17, 41; rules §5.5): the worker
 * insured for work injury with the employer at the accident (otherwise the employer pays, 社会保险法 art. 41), and the
 * application in time — the employer within 30 days (+ an approved extension), anyone else within a year; an
 * application after the employer's period makes the employer liable for that span. Pure.
 */
export function checkWorkInjuryFiling(
  claim: WorkInjuryClaim,
  facts: WorkInjuryClaimFacts,
  calendar: readonly CalendarYear[],
  filedOn: string,
  policy: BenefitPolicy,
): WorkInjuryFilingCheck {
  const check = recognitionApplicationCheck(
    calendar,
    { accidentDate: claim.accidentDate, filedOn, applicant: claim.applicant, approvedExtensionDays: claim.approvedExtensionDays },
    policy.workInjuryClocks,
  );
  const refusals: ClaimRefusal[] = [...check.refusals];
  if (!facts.insuredForWorkInjury) {
    refusals.push({
      code: 'NOT_INSURED_FOR_WORK_INJURY',
      reason: `no work-injury insurance with employer ${claim.employerCreditCode} in the month of ${claim.accidentDate}: the employer pays the benefits (社会保险法 art. 41)`,
    });
  }
  return {
    refusals,
    employerLiability: check.employerLiability,
    employerDeadline: check.employerDeadline.dueDate,
    otherApplicantDeadline: check.otherApplicantDeadline.dueDate,
    workings: check.workings,
  };
}

/**
 * The disability benefits once the grade is final (工伤保险条例 arts. 35–37, 64; rules §5.5, E9): the one-off
 * subsidy from the fund, and for grades 1–6 the monthly allowance from the month after the conclusion — the fund's for
 * grades 1–4, the employer's for 5–6 (shown on the decision; the payroll pays the fund's lines only) unless the
 * employer arranged suitable work (`jobOffered`, art. 36). Pure.
 */
export function assessWorkInjuryBenefits(
  claim: WorkInjuryClaim,
  facts: WorkInjuryClaimFacts,
  grade: number,
  concludedMonth: string,
  policy: BenefitPolicy,
  jobOffered = false,
): ClaimAssessment {
  if (facts.ownWage === null || facts.regionalAverageWage === null) {
    return refusedAssessment([{ code: 'NO_PARAMETERS', reason: `no own wage or regional average wage for ${claim.accidentDate}: ${facts.ownWageBasis}` }]);
  }
  const result = refusalOf(() =>
    calculateDisabilityBenefit(
      {
        regionalAverageWage: facts.regionalAverageWage!,
        ownWage: facts.ownWage!,
        grade,
        jobOffered,
        ...(facts.minimumWage === null ? {} : { minimumWage: facts.minimumWage }),
      },
      policy.workInjury,
    ),
  );
  if (!result.ok) return refusedAssessment([result.refusal]);
  const d = result.value;
  const lines: EntitlementLine[] = [
    {
      key: 'disabilitySubsidy',
      benefit: 'disabilitySubsidy',
      kind: 'oneOff',
      payer: 'fund',
      amount: d.oneOffSubsidy,
      startMonth: concludedMonth,
      endMonth: concludedMonth,
      beneficiary: null,
    },
  ];
  const workings = [`own wage ${facts.ownWage} (${facts.ownWageBasis})`, ...d.workings];
  if (d.monthlyAllowance !== null && d.monthlyAllowancePayer !== null) {
    const from = monthPlus(concludedMonth, 1);
    lines.push({
      key: 'disabilityAllowance',
      benefit: 'disabilityAllowance',
      kind: 'monthly',
      payer: d.monthlyAllowancePayer,
      amount: d.monthlyAllowance,
      startMonth: from,
      endMonth: null,
      beneficiary: null,
    });
    workings.push(`monthly disability allowance from ${from}, the month after the assessment conclusion, paid by the ${d.monthlyAllowancePayer}`);
  }
  return {
    refusals: [],
    options: [],
    lines,
    figures: {
      grade,
      ownWageUsed: d.ownWageUsed,
      oneOffMonths: d.oneOffMonths,
      oneOffSubsidy: d.oneOffSubsidy,
      monthlyAllowance: d.monthlyAllowance,
      monthlyAllowancePayer: d.monthlyAllowancePayer,
    },
    workings,
  };
}
