import { loadCalendarYears } from '../../db/queries/calendar.query.js';
import { activeRecordsWith, findLeaverReport } from '../../db/queries/insurance-record.query.js';
import { loadEnrollmentPolicy } from '../../db/queries/settings.query.js';
import { recordLeaver } from '../../db/writers/insurance-records.js';
import { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { assessLeaver, type LeaveReason } from '../../domain/enrollment/leaver.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { parseCitizenId } from '../../domain/identity/citizen-id.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';
import { visibleEmployer } from './employer-access.js';

export interface LeaverReportResult {
  reportId: string;
  repeated: boolean;
  employerCreditCode: string;
  citizenId: string;
  leaveDate: string;
  reason: LeaveReason;
  /** The last month the records cover; they stop from the month after. */
  lastMonth: string;
  insuranceTypes: string[];
  reportDeadline: string;
  /** Days after the statutory period the report came, or null when in time. */
  lateDays: number | null;
  provisional: boolean;
}

/**
 * 减员/停保: the employer (or staff of its region) reports that a person left (社会保险法 art. 50). The person's records
 * with the employer stop after the leave month, so another employer can enroll them; a report later than the
 * statutory days is flagged with the days late. The same report twice is one report.
 */
export async function reportLeaver(
  ctx: CommandContext,
  creditCode: string,
  request: { citizenId: string; leaveDate: string; reason: LeaveReason },
): Promise<LeaverReportResult> {
  const employer = await visibleEmployer(ctx, creditCode);
  authorize(ctx, 'create', 'Leaver', { employerCreditCode: employer.creditCode, region: employer.region });
  const today = ctx.clock.today();
  try {
    parseCitizenId(request.citizenId, { today });
  } catch (error) {
    if (error instanceof DomainError) throw invalidInput([{ path: 'citizenId', message: error.message }]);
    throw error;
  }
  const policy = await loadEnrollmentPolicy(ctx.em);
  const calendar = new HolidayCalendar(await loadCalendarYears(ctx.em));
  const earlier = await findLeaverReport(ctx.em, employer.creditCode, request.citizenId, request.leaveDate);
  if (earlier) {
    const due = calendar.deadlineOf(request.leaveDate, policy.leaverReportDays, 'calendar');
    return {
      ...request,
      reportId: earlier.id,
      repeated: true,
      employerCreditCode: employer.creditCode,
      reason: earlier.reason as LeaveReason,
      lastMonth: earlier.lastMonth,
      insuranceTypes: earlier.insuranceTypes,
      reportDeadline: due.dueDate,
      lateDays: earlier.lateDays,
      provisional: due.provisional,
    };
  }
  const records = await activeRecordsWith(ctx.em, request.citizenId, employer.creditCode);
  if (records.length === 0) {
    throw new DomainError('NOT_INSURED', 'the person has no open insurance record with this employer', { path: 'citizenId' });
  }
  const startMonth = records.map((r) => r.startMonth).sort()[0]!;
  const checked = assessLeaver({ leaveDate: request.leaveDate, today, startMonth, reportDays: policy.leaverReportDays, calendar });
  if (!('assessment' in checked)) throw invalidInput(checked.issues);
  const { assessment } = checked;
  const insuranceTypes = records.map((r) => r.insuranceType);
  const written = await recordLeaver(ctx.em, {
    employerCreditCode: employer.creditCode,
    citizenId: request.citizenId,
    region: employer.region,
    leaveDate: request.leaveDate,
    reason: request.reason,
    lastMonth: assessment.lastMonth,
    insuranceTypes,
    lateDays: assessment.lateDays,
    reportedBy: ctx.actor.id,
    reportedAt: ctx.clock.now(),
    recordIds: records.map((r) => r.id),
    actorRole: ctx.actor.role,
    requestId: ctx.requestId,
  });
  return {
    reportId: written.id,
    repeated: written.repeated,
    employerCreditCode: employer.creditCode,
    citizenId: request.citizenId,
    leaveDate: request.leaveDate,
    reason: request.reason,
    lastMonth: assessment.lastMonth,
    insuranceTypes,
    reportDeadline: assessment.reportDeadline,
    lateDays: assessment.lateDays,
    provisional: assessment.provisional,
  };
}
