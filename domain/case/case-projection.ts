import type { DeadlineUnit } from '../calendar/holiday-calendar.js';

/** A statutory or service deadline shown on the case, to staff and to the applicant. */
export interface CaseDeadline {
  name: string;
  dueDate: string; // the statutory day, YYYY-MM-DD (Asia/Shanghai)
  dueAt: string; // the end of that day, 24:00 Asia/Shanghai, as an ISO instant
  unit: DeadlineUnit;
  /** Counted without a loaded holiday table for some year (see deadline-clock.ts). */
  provisional?: boolean;
}

/** What a workflow publishes about its case for the read model (plain JSON: it crosses the activity boundary). */
export interface CaseProjection {
  caseId: string;
  status: string;
  version: number;
  closed: boolean;
  deadlines: CaseDeadline[];
  /** Events the lifecycle machine accepts now (snapshot.can): the UI offers only these. */
  allowedEvents: string[];
  summary: Record<string, unknown>;
}

/** A line for the case timeline, written by activities; `key` makes a retried write land once. */
export interface TimelineLine {
  caseId: string;
  key: string;
  actor: string;
  action: string;
  detail?: Record<string, unknown>;
  taskId?: string | null;
}
