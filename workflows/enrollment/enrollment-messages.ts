import * as wf from '@temporalio/workflow';
import type { EnrollmentApplication, EnrollmentCorrection } from '../../domain/enrollment/enrollment-application.js';
import type { EnrollmentPolicy } from '../../domain/enrollment/enrollment-policy.js';
import type { CaseView } from '../messages.js';

/** What starts an enrollment case (POST /v1/enrollments, services/enrollment/register-hire.ts). */
export interface EnrollmentInput {
  caseId: string;
  reference: string;
  application: EnrollmentApplication;
  submittedBy: { id: string; role: string };
  submittedOn: string;
  policy: EnrollmentPolicy;
}

/** The applicant answers a return for correction (补正材料). */
export const resubmitEnrollment = wf.defineUpdate<CaseView, [{ correction: EnrollmentCorrection; actorId: string }]>('resubmitEnrollment');
/** The applicant withdraws the application while it waits on the agency or on them. */
export const withdrawEnrollment = wf.defineUpdate<CaseView, [{ reason: string; actorId: string }]>('withdrawEnrollment');
