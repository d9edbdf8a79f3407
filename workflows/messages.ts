import * as wf from '@temporalio/workflow';
import type { TaskCompletion } from '../domain/task.js';

/** What a case workflow answers about itself: the API returns it after a decision. */
export interface CaseView {
  caseId: string;
  status: string;
  version: number;
  closed: boolean;
  openTaskId: string | null;
  allowedEvents: string[];
}

/**
 * Refusal types thrown by update validators. They never reach history; the API maps them to 403/409/422
 * (api/temporal-cases.ts).
 */
export type RefusalType = 'TaskAlreadyDecided' | 'FourEyes' | 'OutcomeNotAllowed' | 'NotAllowedNow' | 'WindowClosed';

export const refuse = (type: RefusalType, message: string) => wf.ApplicationFailure.create({ type, message, nonRetryable: true });

/** A person's decision on the open task of a case (every case type). */
export const completeTask = wf.defineUpdate<CaseView, [TaskCompletion]>('completeTask');
export const getCaseView = wf.defineQuery<CaseView>('getCaseView');
