import * as wf from '@temporalio/workflow';
import type { BenefitClaimApplication } from '../../domain/benefit/benefit-claim.js';
import type { BenefitPolicy } from '../../domain/benefit/benefit-policy.js';
import type { CaseView } from '../messages.js';

/** What starts a benefit claim (POST /v1/benefit-claims, services/benefits/file-claim.ts). */
export interface BenefitClaimInput {
  caseId: string;
  reference: string;
  application: BenefitClaimApplication;
  /** Who the notices go to: the person, or for a death claim the citizen who filed it. */
  claimantId: string;
  submittedBy: { id: string; role: string };
  filedOn: string;
  /** The configuration in force on the filing day (benefit.policy setting), kept for the life of the claim. */
  policy: BenefitPolicy;
}

/** The claimant (or the employer) asks for a re-assessment within 15 days of the conclusion (工伤保险条例 art. 26). */
export const requestReassessment = wf.defineUpdate<CaseView, [{ actorId: string }]>('requestReassessment');

/**
 * An employer's enrollment of the person was insured (activities/enrollment.activities.ts openInsuranceRecords): an
 * unemployment benefit stops from the month of re-employment (社会保险法 art. 51).
 */
export const benefitReemployed = wf.defineSignal<[{ date: string; employerCreditCode: string | null; enrollmentCaseId: string }]>('benefitReemployed');
