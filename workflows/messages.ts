import * as wf from '@temporalio/workflow';
import type { CalendarYear } from '../domain/calendar/holiday-calendar.js';
import type { DomainErrorCode } from '../domain/errors.js';
import type { TaskCompletion } from '../domain/task.js';

/** What a case workflow answers about itself: the API returns it after a decision. */
export interface CaseView {
  caseId: string;
  status: string;
  version: number;
  closed: boolean;
  openTaskId: string | null;
  allowedEvents: string[];
  /**
   * False while the follow-up of the last decision still runs (records, read model, notices, the next step's task);
   * true once it has and the case waits again (workflows/task-decisions.ts `followUpDone`). The answer to a decision
   * leaves before its follow-up, so it says false; a client that wants the next task waits until the case says true.
   * Absent for a case type whose decisions have no follow-up to wait for (the payroll's).
   */
  settled?: boolean;
  /** In the answer to a decision: the task it was applied to and the state it left it in (the API answers with it). */
  lastDecision?: { taskId: string; taskStatus: 'completed' | 'waiting' } | null;
}

/**
 * A refusal thrown by an update validator: its type is the domain error code, so the API answers with that code's
 * status (services/temporal/temporal-case-workflows.ts → api/errors.ts) without reading the words. Validators run
 * before anything reaches history.
 */
export const refuse = (code: DomainErrorCode, reason: string) => wf.ApplicationFailure.create({ type: code, message: reason, nonRetryable: true });

/** A person's decision on the open task of a case (every case type). */
export const completeTask = wf.defineUpdate<CaseView, [TaskCompletion]>('completeTask');
export const getCaseView = wf.defineQuery<CaseView>('getCaseView');

/** An admin loaded a year's holiday calendar: provisional deadlines of the case are computed again. */
export const calendarLoaded = wf.defineSignal<[{ calendar: CalendarYear[] }]>('calendarLoaded');
