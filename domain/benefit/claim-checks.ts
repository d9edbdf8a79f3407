import type { CalendarYear } from '../calendar/holiday-calendar.js';
import { monthOf } from '../calendar/local-date.js';
import type { BenefitClaimApplication } from './benefit-claim.js';
import type { RecognitionRecord } from './benefit-claim.machine.js';
import type { BenefitPolicy } from './benefit-policy.js';
import type { ClaimAssessment, ClaimRefusal } from './claim-assessment.js';
import { assessDeathClaim, type DeathClaimFacts } from './death-claim.js';
import { assessMaternityClaim, type MaternityClaimFacts } from './maternity-claim.js';
import { assessPensionClaim, type PensionClaimFacts } from './pension-claim.js';
import { assessUnemploymentClaim, type UnemploymentClaimFacts } from './unemployment-claim.js';
import { assessWorkInjuryBenefits, checkWorkInjuryFiling, type WorkInjuryClaimFacts } from './work-injury-claim.js';
import type { DaySpan } from './work-injury-clocks.js';

/** What the records say about a claim, by type (gathered once by the claim's activity and kept in its history). */
export type BenefitClaimFacts =
  | { type: 'pension'; pension: PensionClaimFacts }
  | { type: 'unemployment'; unemployment: UnemploymentClaimFacts }
  | { type: 'maternity'; maternity: MaternityClaimFacts }
  | { type: 'workInjury'; workInjury: WorkInjuryClaimFacts }
  | { type: 'death'; death: DeathClaimFacts };

export type FilingOutcome =
  | { passed: false; refusals: ClaimRefusal[]; options: string[]; assessment: ClaimAssessment | null }
  | { passed: true; assessment: ClaimAssessment | null; employerLiability: DaySpan | null; recognition: RecognitionRecord | null };

const mismatch = (application: BenefitClaimApplication, facts: BenefitClaimFacts): never => {
  throw new Error(`facts of a ${facts.type} claim given for a ${application.type} claim`);
};

/** The entries a preparer may make on approval (benefit-claim-decision.ts). */
export interface AmountEntries {
  accountBalance?: string;
  jobOffered?: boolean;
}

/**
 * The amounts of a claim from its facts (and the preparer's entries): the per-type assessment of rules §5.
 * A work-injury claim has amounts only once the final grade is known (`grade`, concluded in `concludedMonth`). Pure.
 */
export function claimAmounts(
  application: BenefitClaimApplication,
  facts: BenefitClaimFacts,
  policy: BenefitPolicy,
  filedOn: string,
  entries: AmountEntries = {},
  grade?: { grade: number; concludedMonth: string },
): ClaimAssessment | null {
  const filedMonth = monthOf(filedOn);
  switch (application.type) {
    case 'pension':
      return facts.type === 'pension' ? assessPensionClaim(application, facts.pension, policy, entries.accountBalance) : mismatch(application, facts);
    case 'unemployment':
      return facts.type === 'unemployment' ? assessUnemploymentClaim(application, facts.unemployment, policy) : mismatch(application, facts);
    case 'maternity':
      return facts.type === 'maternity' ? assessMaternityClaim(application, facts.maternity, policy, filedMonth) : mismatch(application, facts);
    case 'workInjury':
      if (facts.type !== 'workInjury') return mismatch(application, facts);
      return grade ? assessWorkInjuryBenefits(application, facts.workInjury, grade.grade, grade.concludedMonth, policy, entries.jobOffered ?? false) : null;
    case 'funeral':
    case 'survivor':
      return facts.type === 'death' ? assessDeathClaim(application, facts.death, policy, filedMonth) : mismatch(application, facts);
  }
}

/**
 * The checks when a claim is filed (rules §5): every type but a work injury is assessed at once — refused
 * with its reasons, or passed with its amounts for a caseworker to prepare; a work injury is checked for insurance and
 * the application periods (工伤保险条例 art. 17) and goes to recognition, accepted on the filing day. Pure.
 */
export function checkFiledClaim(
  application: BenefitClaimApplication,
  facts: BenefitClaimFacts,
  policy: BenefitPolicy,
  calendar: readonly CalendarYear[],
  filedOn: string,
): FilingOutcome {
  if (application.type === 'workInjury') {
    if (facts.type !== 'workInjury') return mismatch(application, facts);
    const check = checkWorkInjuryFiling(application, facts.workInjury, calendar, filedOn, policy);
    if (check.refusals.length > 0) return { passed: false, refusals: check.refusals, options: [], assessment: null };
    return {
      passed: true,
      assessment: null,
      employerLiability: check.employerLiability,
      recognition: {
        acceptedOn: filedOn,
        clearCut: application.clearCut,
        suspensions: [],
        outcome: null,
        decidedBy: null,
        decidedOn: null,
        reason: null,
        workings: check.workings,
      },
    };
  }
  const assessment = claimAmounts(application, facts, policy, filedOn)!;
  if (assessment.refusals.length > 0) return { passed: false, refusals: assessment.refusals, options: assessment.options, assessment };
  return { passed: true, assessment, employerLiability: null, recognition: null };
}
