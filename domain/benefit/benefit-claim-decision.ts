import { compareDates, isIsoDate } from '../calendar/local-date.js';
import { AMOUNT_PATTERN } from '../money.js';
import type { TaskCompletion, TaskPermission } from '../task.js';
import type { ApprovalTier } from './approval-tiers.js';
import type { BenefitClaimContext, BenefitClaimEvent, BenefitClaimStatus } from './benefit-claim.machine.js';
import type { ClaimAssessment } from './claim-assessment.js';

/** The human steps of a benefit claim. */
export type BenefitStep = 'recognition' | 'judicialConclusion' | 'assessment' | 'reassessment' | 'prepare' | 'review' | 'approval';

/**
 * Who decides each step and which outcomes it takes. A caseworker (review permission) records recognition and the
 * assessment conclusions and prepares the decision; a reviewer (approve) reviews it; a supervisor approves a decision
 * above the configured amounts (社会保险经办条例 arts. 36–38, graded approval).
 */
export const BENEFIT_STEPS: Record<BenefitStep, { permission: TaskPermission; outcomes: readonly string[] }> = {
  recognition: { permission: 'review', outcomes: ['recognize', 'notRecognize', 'suspend'] },
  judicialConclusion: { permission: 'review', outcomes: ['resume'] },
  assessment: { permission: 'review', outcomes: ['conclude', 'extend'] },
  reassessment: { permission: 'review', outcomes: ['conclude'] },
  prepare: { permission: 'review', outcomes: ['approve', 'reject'] },
  review: { permission: 'approve', outcomes: ['approve', 'reject', 'return'] },
  approval: { permission: 'supervise', outcomes: ['approve', 'reject', 'return'] },
};

/** Outcomes per step, as the case page offers them (api/presenters/step-outcomes.ts). */
export const BENEFIT_STEP_OUTCOMES: Record<BenefitStep, readonly string[]> = Object.fromEntries(
  Object.entries(BENEFIT_STEPS).map(([step, spec]) => [step, spec.outcomes]),
) as Record<BenefitStep, readonly string[]>;

const STEP_OF: Partial<Record<BenefitClaimStatus, BenefitStep>> = {
  recognition: 'recognition',
  recognitionSuspended: 'judicialConclusion',
  assessment: 'assessment',
  reassessment: 'reassessment',
  preparing: 'prepare',
  reviewing: 'review',
  supervisorApproval: 'approval',
};

/** The step a status waits on, or null when the case waits on the clock, the claimant or nothing. */
export const benefitStepOf = (status: string): BenefitStep | null => STEP_OF[status as BenefitClaimStatus] ?? null;

/** The approval tier a step is, for the separation-of-duties rule (approval-tiers.ts `mayActAt`). */
export const tierOfStep = (step: BenefitStep): ApprovalTier | null => (step === 'review' ? 'review' : step === 'approval' ? 'supervisorApproval' : null);

/** What the preparer may enter on `approve`: the account statement's balance (pension), suitable work (work injury). */
export interface PreparationData {
  accountBalance?: string;
  jobOffered?: boolean;
}

export interface BenefitDecisionFacts {
  today: string;
  context: BenefitClaimContext;
  /** The amounts with the preparer's entries. */
  amountsFor(data: PreparationData): ClaimAssessment;
  /** The work-injury amounts on a final grade. */
  amountsForGrade(grade: number): ClaimAssessment;
  tiersFor(assessment: ClaimAssessment): ApprovalTier[];
}

/** A grade from a decision's data: 1–10, or 0 for "no disability grade"; numbers or numeric strings. */
function gradeOf(value: unknown): number | null | undefined {
  const n = typeof value === 'string' && /^\d{1,2}$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 10) return undefined;
  return n === 0 ? null : n;
}

function preparationData(context: BenefitClaimContext, data: Record<string, unknown>): PreparationData | { refused: string } {
  const out: PreparationData = {};
  if (data.accountBalance !== undefined) {
    if (context.application.type !== 'pension') return { refused: 'data.accountBalance applies to a pension claim only' };
    if (typeof data.accountBalance !== 'string' || !AMOUNT_PATTERN.test(data.accountBalance)) {
      return { refused: 'data.accountBalance must be the account statement balance as an amount, e.g. "182345.60"' };
    }
    out.accountBalance = data.accountBalance;
  }
  if (data.jobOffered !== undefined) {
    if (context.application.type !== 'workInjury') return { refused: 'data.jobOffered applies to a work-injury claim only' };
    if (typeof data.jobOffered !== 'boolean' && data.jobOffered !== 'true' && data.jobOffered !== 'false')
      return { refused: 'data.jobOffered must be true or false' };
    out.jobOffered = data.jobOffered === true || data.jobOffered === 'true';
  }
  return out;
}

/**
 * Turns a decision on a benefit-claim task into a lifecycle event, or says why the step cannot take it. Amounts are
 * computed from the records and the preparer's entries, never typed; a refusal, a return, not recognising an injury
 * and suspending the recognition clock each need the reason in `comment`. Pure.
 */
export function benefitEventFor(step: BenefitStep, completion: TaskCompletion, facts: BenefitDecisionFacts): BenefitClaimEvent | { refused: string } {
  const reason = completion.comment.trim();
  const by = completion.actorId;
  const on = facts.today;
  const data = completion.data;
  const needReason = (what: string) => ({ refused: `${what} must say why in comment` });
  switch (`${step}:${completion.outcome}`) {
    case 'recognition:recognize':
      return { type: 'RECOGNIZED', by, on };
    case 'recognition:notRecognize':
      return reason ? { type: 'NOT_RECOGNIZED', by, on, reason } : needReason('not recognising a work injury');
    case 'recognition:suspend':
      return reason ? { type: 'SUSPENDED', by, on, reason } : needReason('a suspension (the conclusion awaited)');
    case 'judicialConclusion:resume': {
      const received = data.receivedOn === undefined ? on : data.receivedOn;
      const from = facts.context.recognition?.suspensions.at(-1)?.from ?? on;
      if (typeof received !== 'string' || !isIsoDate(received) || compareDates(received, from) < 0 || compareDates(received, on) > 0) {
        return { refused: `data.receivedOn must be the day the conclusion arrived, from ${from} to ${on}` };
      }
      return { type: 'RESUMED', by, on: received };
    }
    case 'assessment:conclude':
    case 'reassessment:conclude': {
      const grade = gradeOf(data.grade);
      if (grade === undefined) return { refused: 'data.grade must be the disability grade 1–10, or 0 for no grade (工伤保险条例 art. 22)' };
      if (step === 'assessment') return { type: 'ASSESSED', by, on, grade };
      return { type: 'REASSESSED', by, on, grade, assessment: grade === null ? null : facts.amountsForGrade(grade) };
    }
    case 'assessment:extend':
      return facts.context.disability?.extended
        ? { refused: 'the assessment was extended once already (工伤保险条例 art. 25: 30 days at most)' }
        : { type: 'ASSESSMENT_EXTENDED', by };
    case 'prepare:approve': {
      const entries = preparationData(facts.context, data);
      if ('refused' in entries) return entries;
      const assessment = facts.amountsFor(entries);
      if (assessment.refusals.length > 0)
        return { refused: `the claim cannot be granted on these figures: ${assessment.refusals.map((r) => r.reason).join('; ')}` };
      return { type: 'PROPOSED', proposal: { outcome: 'grant', reason: null, preparedBy: by, preparedOn: on, tiers: facts.tiersFor(assessment) }, assessment };
    }
    case 'prepare:reject':
      return reason
        ? { type: 'PROPOSED', proposal: { outcome: 'refuse', reason, preparedBy: by, preparedOn: on, tiers: ['review'] }, assessment: null }
        : needReason('a proposed refusal');
    case 'review:approve':
    case 'approval:approve':
      return { type: 'APPROVE', by, on };
    case 'review:reject':
    case 'approval:reject':
      return reason ? { type: 'REJECT', by, on, reason } : needReason('a refusal');
    case 'review:return':
    case 'approval:return':
      return reason ? { type: 'RETURN', by, reason } : needReason('a return to the preparer');
    default:
      return { refused: `step ${step} takes ${BENEFIT_STEPS[step].outcomes.join(', ')}, not "${completion.outcome}"` };
  }
}
