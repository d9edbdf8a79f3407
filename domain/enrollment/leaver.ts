import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { compareDates, daysBetween, monthOf } from '../calendar/local-date.js';
import type { InputIssue } from '../errors.js';

/** Why a person left the employer (减员原因), as the employer reports it. */
export const LEAVE_REASONS = ['resigned', 'dismissed', 'contractEnded', 'retired', 'died', 'other'] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];

/**
 * Reasons that end employment against the worker's will (失业保险条例 art. 14 (2)): unemployment benefit may follow.
 * Configurable in the benefit rules; this is the default reading of the reasons above.
 */
export const INVOLUNTARY_LEAVE_REASONS: readonly LeaveReason[] = ['dismissed', 'contractEnded'];

export interface LeaverAssessment {
  /** The last month the records with this employer cover: the leave month (records stop from the month after). */
  lastMonth: string;
  /** The last day the employer could report the leaver without being late. */
  reportDeadline: string;
  /** Days after that deadline the report came, or null when in time. */
  lateDays: number | null;
  provisional: boolean;
}

/**
 * A leaver report (减员) checked and placed in time (rules §5.3, §9): the employer reports within
 * `reportDays` calendar days of the leave (社会保险法 art. 50: 15 days; rolled over rest days, §9). A leave date in the
 * future or before the person's records with the employer began can never be right. Pure.
 */
export function assessLeaver(input: {
  leaveDate: string;
  today: string;
  /** The earliest start month of the person's active records with the employer. */
  startMonth: string;
  reportDays: number;
  calendar: HolidayCalendar;
}): { issues: InputIssue[] } | { issues: []; assessment: LeaverAssessment } {
  const issues: InputIssue[] = [];
  if (compareDates(input.leaveDate, input.today) > 0) issues.push({ path: 'leaveDate', message: 'is in the future; report a leaver once they have left' });
  if (monthOf(input.leaveDate) < input.startMonth)
    issues.push({ path: 'leaveDate', message: `is before the records with this employer began (${input.startMonth})` });
  if (issues.length > 0) return { issues };
  const due = input.calendar.deadlineOf(input.leaveDate, input.reportDays, 'calendar');
  const late = daysBetween(due.dueDate, input.today);
  return {
    issues: [],
    assessment: { lastMonth: monthOf(input.leaveDate), reportDeadline: due.dueDate, lateDays: late > 0 ? late : null, provisional: due.provisional },
  };
}
