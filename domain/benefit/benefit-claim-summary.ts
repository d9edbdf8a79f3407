import type { BenefitClaimApplication } from './benefit-claim.js';
import type { BenefitClaimContext, BenefitNotice } from './benefit-claim.machine.js';
import type { EntitlementLine } from './entitlement.js';

/** The legal basis a decision letter cites, by claim type (rules §5). */
const LEGAL_BASIS: Record<BenefitClaimApplication['type'], string[]> = {
  pension: ['社会保险法 arts. 15–16', '国发〔2005〕38号', 'NPCSC decision of 13 Sep 2024 (retirement age)'],
  unemployment: ['社会保险法 arts. 45–51', '失业保险条例 arts. 14–18'],
  maternity: ['社会保险法 arts. 54, 56', '女职工劳动保护特别规定 arts. 7–8'],
  workInjury: ['工伤保险条例 arts. 17, 20, 25–26, 35–37, 64'],
  funeral: ['工伤保险条例 art. 39 (work injury)', '社会保险法 art. 17 (other causes)'],
  survivor: ['工伤保险条例 art. 39 (work injury)', '社会保险法 art. 17 (other causes)'],
};

/** 社会保险法 art. 83: a person may contest an agency decision by administrative review or in court. */
export const REVIEW_RIGHTS = 'If you disagree with this decision you may apply for administrative review or bring an administrative suit (社会保险法 art. 83).';

/** The decision letter (决定书) a claimant receives and reads on the claim page: outcome, reasons, amounts, basis, rights. */
export interface DecisionLetter {
  kind: BenefitNotice;
  reference: string;
  claimType: BenefitClaimApplication['type'];
  outcome: string;
  decidedOn: string | null;
  reasons: string[];
  options: string[];
  lines: Omit<EntitlementLine, 'key'>[];
  figures: Record<string, string | number | null>;
  legalBasis: string[];
  rights: string;
}

/** What the letter of a notice says, from the case as it stands. Pure. */
export function decisionLetter(kind: BenefitNotice, ctx: BenefitClaimContext, reference: string, status: string): DecisionLetter {
  const granted = kind === 'benefit_granted' || kind === 'benefit_stopped';
  const reasons: string[] = [];
  if (kind === 'benefit_refused') reasons.push(...ctx.refusals.map((r) => r.reason));
  if ((kind === 'benefit_rejected' || kind === 'injury_not_recognized') && ctx.decision?.reason) reasons.push(ctx.decision.reason);
  if (kind === 'benefit_stopped' && ctx.stop) reasons.push(...ctx.stop.workings);
  if (kind === 'benefit_granted') reasons.push(...(ctx.assessment?.partRefused ?? []));
  if (kind === 'injury_suspended') reasons.push(ctx.recognition?.suspensions.at(-1)?.reason ?? '');
  if (kind === 'assessment_concluded')
    reasons.push(`disability grade ${ctx.disability?.grade ?? 'none'}; a re-assessment may be requested within 15 days (工伤保险条例 art. 26)`);
  const lines = granted ? (ctx.assessment?.lines ?? []).map(({ key: _key, ...line }) => line) : [];
  return {
    kind,
    reference,
    claimType: ctx.application.type,
    outcome: status,
    decidedOn: ctx.decision?.decidedOn ?? null,
    reasons: reasons.filter((r) => r !== ''),
    options: kind === 'benefit_refused' ? ctx.options : [],
    lines,
    figures: granted ? (ctx.assessment?.figures ?? {}) : {},
    legalBasis: LEGAL_BASIS[ctx.application.type],
    rights: REVIEW_RIGHTS,
  };
}

/** The event the claim is about, as the case page lists it. */
function eventFacts(a: BenefitClaimApplication): Record<string, unknown> {
  switch (a.type) {
    case 'pension':
      return { retirementDate: a.retirementDate, retirementCategory: a.retirementCategory, deemedMonths: a.deemedMonths };
    case 'unemployment':
      return { leaveDate: a.leaveDate, employerCreditCode: a.employerCreditCode, registeredOn: a.registeredOn };
    case 'maternity':
      return {
        employerCreditCode: a.employerCreditCode,
        eventType: a.event.type,
        eventDate: a.event.date,
        babies: a.event.babies,
        difficultBirth: a.event.difficultBirth,
      };
    case 'workInjury':
      return {
        accidentDate: a.accidentDate,
        employerCreditCode: a.employerCreditCode,
        description: a.description,
        applicant: a.applicant,
        clearCut: a.clearCut,
      };
    case 'funeral':
    case 'survivor':
      return { deathDate: a.deathDate, cause: a.cause, injuryReference: a.injuryReference, dependants: a.dependants.length };
  }
}

/** The case's read-model summary (case_record.summary): the claim, its amounts with workings, who decided, the letter. */
export function benefitClaimSummary(ctx: BenefitClaimContext, letter: DecisionLetter | null): Record<string, unknown> {
  return {
    claimType: ctx.application.type,
    ...eventFacts(ctx.application),
    filedOn: ctx.filedOn,
    refusals: ctx.refusals,
    options: ctx.options,
    amounts: ctx.assessment === null ? null : { lines: ctx.assessment.lines, figures: ctx.assessment.figures, workings: ctx.assessment.workings },
    employerLiability: ctx.employerLiability,
    recognition: ctx.recognition,
    disability: ctx.disability,
    proposal: ctx.proposal,
    reviewedBy: ctx.reviewedBy,
    approvedBy: ctx.approvedBy,
    decision: ctx.decision,
    returns: ctx.returns,
    reemployment: ctx.reemployment,
    stop: ctx.stop,
    letter,
  };
}
