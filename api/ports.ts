import type { TaskCompletion } from '../domain/task.js';
import type { EnrollmentCorrection } from '../domain/enrollment/enrollment-application.js';
import type { CaseView, EnrollmentInput } from '../workflows/index.js';

/** What the API needs from Temporal. api/temporal-cases.ts is the only implementation that knows Temporal. */
export interface CaseWorkflows {
  /** Starts the case workflow; starting a case that already runs is a no-op (the workflow ID is the case ID). */
  startEnrollment(input: EnrollmentInput): Promise<void>;
  /**
   * `basis` is the version of the object the caller decided on (task version, case version): a retry of the same
   * request on the same version is applied once and answered alike; a new decision on a later version is new.
   */
  completeTask(caseId: string, completion: TaskCompletion, basis: number): Promise<CaseView>;
  resubmitEnrollment(caseId: string, correction: EnrollmentCorrection, actorId: string, basis: number): Promise<CaseView>;
  withdrawEnrollment(caseId: string, reason: string, actorId: string): Promise<CaseView>;
  /** For /ready: does Temporal answer? */
  ping(): Promise<boolean>;
}
