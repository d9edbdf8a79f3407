import type { CalendarYear } from '../calendar/holiday-calendar.js';
import { daysBetween } from '../calendar/local-date.js';
import { computeDeadline, type ComputedDeadline, workingDaysLeft } from '../case/deadline-clock.js';
import type { BenefitStep } from './benefit-claim-decision.js';
import type { BenefitClaimContext } from './benefit-claim.machine.js';
import type { BenefitPolicy } from './benefit-policy.js';
import { claimProcessingDeadline } from './claim-processing.js';
import { assessmentConclusionDeadline, recognitionDecisionDeadline } from './work-injury-clocks.js';

/** The statutory clocks a benefit claim shows: the agency's limit, recognition, assessment and the re-assessment window. */
export type BenefitClock = 'agencyDecision' | 'recognitionDecision' | 'assessmentConclusion' | 'reassessmentRequest';

const OPEN = new Set(['checking', 'preparing', 'reviewing', 'supervisorApproval']);

/**
 * The clocks running in `status`, each computed with the holiday calendar (provisional when a year is missing, never
 * an error — deadline-clock.ts):
 * - agencyDecision: the processing limit in working days from the filing day (社会保险经办条例 arts. 18, 20, 24), while
 *   the agency has the claim;
 * - recognitionDecision: 60 (15 clear-cut) days from acceptance plus the days suspended (工伤保险条例 art. 20); none
 *   while a suspension runs — the clock stands still;
 * - assessmentConclusion: 60 (+30) days from the request (art. 25);
 * - reassessmentRequest: 15 days from the conclusion (art. 26). Pure.
 */
export function benefitClaimClocks(
  calendar: readonly CalendarYear[],
  ctx: BenefitClaimContext,
  status: string,
  policy: BenefitPolicy,
): { clock: BenefitClock; due: ComputedDeadline }[] {
  const clocks: { clock: BenefitClock; due: ComputedDeadline }[] = [];
  if (OPEN.has(status)) {
    const due = claimProcessingDeadline(calendar, ctx.application.type, ctx.filedOn, policy.processing);
    if (due) clocks.push({ clock: 'agencyDecision', due });
  }
  const recognition = ctx.recognition;
  if (status === 'recognition' && recognition) {
    const suspensions = recognition.suspensions.filter((s): s is { from: string; to: string; reason: string } => s.to !== null);
    clocks.push({
      clock: 'recognitionDecision',
      due: recognitionDecisionDeadline(calendar, { acceptedOn: recognition.acceptedOn, clearCut: recognition.clearCut, suspensions }, policy.workInjuryClocks),
    });
  }
  const disability = ctx.disability;
  if (status === 'assessment' && disability) {
    clocks.push({
      clock: 'assessmentConclusion',
      due: assessmentConclusionDeadline(calendar, { receivedOn: disability.requestedOn, extended: disability.extended }, policy.workInjuryClocks),
    });
  }
  if (status === 'assessed' && disability?.concludedOn) {
    clocks.push({
      clock: 'reassessmentRequest',
      due: computeDeadline(calendar, disability.concludedOn, policy.workInjuryClocks.reassessmentRequestDays, 'calendar'),
    });
  }
  return clocks;
}

/** The statutory clock a step's task runs against (its SLA is what is left of it), where one exists. */
export const STEP_CLOCK: Partial<Record<BenefitStep, BenefitClock>> = {
  recognition: 'recognitionDecision',
  assessment: 'assessmentConclusion',
  prepare: 'agencyDecision',
  review: 'agencyDecision',
  approval: 'agencyDecision',
};

/**
 * A step's SLA: what is left of its statutory clock (working days with the holiday calendar, or calendar days; at
 * least one), else the configured days — a suspension's reminder, a re-assessment's 60 days, or the internal working
 * days of a step with no statutory limit (a work-injury claim's preparation and approval). Pure.
 */
export function benefitStepSla(
  calendar: readonly CalendarYear[],
  step: BenefitStep,
  due: ComputedDeadline | null,
  today: string,
  policy: BenefitPolicy,
): { days: number; unit: 'working' | 'calendar' } {
  if (due && due.unit === 'working') return { days: Math.max(1, workingDaysLeft(calendar, today, due.dueDate)), unit: 'working' };
  if (due) return { days: Math.max(1, daysBetween(today, due.dueDate)), unit: 'calendar' };
  if (step === 'judicialConclusion') return { days: policy.claims.suspensionReminderDays, unit: 'calendar' };
  if (step === 'reassessment') return { days: policy.workInjuryClocks.assessmentDays, unit: 'calendar' };
  return { days: policy.claims.internalStepWorkingDays, unit: 'working' };
}
