import type { CalendarYear } from '../calendar/holiday-calendar.js';
import { addDays, addMonths, compareDates, daysBetween, isIsoDate } from '../calendar/local-date.js';
import { type ComputedDeadline, computeDeadline } from '../case/deadline-clock.js';
import { DomainError } from '../errors.js';
import { countInput } from './benefit-arithmetic.js';

/**
 * Work-injury recognition and assessment clocks (工伤保险条例; rules §5.5, §9). All in calendar days with the
 * §9 rollover, except the one-year period, which ends on the corresponding day of the month a year later.
 */
export interface WorkInjuryClockPolicy {
  /** The employer applies within 30 days of the accident or diagnosis — art. 17 para. 1 (✔). */
  employerApplicationDays: number;
  /** The worker, close relatives or the union within 1 year — art. 17 para. 2 (✔). */
  otherApplicantMonths: number;
  /** Decision within 60 days of acceptance — art. 20 (✔). */
  decisionDays: number;
  /** … within 15 days for a clear-cut case — art. 20 (✔). */
  clearCutDecisionDays: number;
  /** Disability-assessment conclusion within 60 days of the application — art. 25 (✔). */
  assessmentDays: number;
  /** … extendable by 30 days when necessary — art. 25 (✔). */
  assessmentExtensionDays: number;
  /** Re-assessment requested within 15 days of receiving the conclusion — art. 26 (✔). */
  reassessmentRequestDays: number;
}

export const DEFAULT_WORK_INJURY_CLOCK_POLICY: WorkInjuryClockPolicy = {
  employerApplicationDays: 30,
  otherApplicantMonths: 12,
  decisionDays: 60,
  clearCutDecisionDays: 15,
  assessmentDays: 60,
  assessmentExtensionDays: 30,
  reassessmentRequestDays: 15,
};

export type RecognitionApplicant = 'employer' | 'worker' | 'family' | 'union';

export type WorkInjuryClockRefusalCode = 'APPLICATION_OUT_OF_TIME' | 'REASSESSMENT_OUT_OF_TIME';

/** An inclusive span of days. */
export interface DaySpan {
  from: string;
  to: string;
  days: number;
}

function assertDate(date: string, path: string): void {
  if (!isIsoDate(date)) throw new DomainError('INVALID_DATE', `"${date}" is not a real date in the form YYYY-MM-DD`, { path });
}

export interface RecognitionApplicationCheck {
  /** Filed within the applicant's period (an employer may still file late inside the one-year period). */
  inTime: boolean;
  employerDeadline: ComputedDeadline;
  otherApplicantDeadline: ComputedDeadline;
  /** Benefits arising in this span are the employer's, not the fund's (art. 17 para. 4); null when it applied on time. */
  employerLiability: DaySpan | null;
  refusals: { code: WorkInjuryClockRefusalCode; reason: string }[];
  workings: string[];
}

/**
 * Whether an injury-recognition application is in time (工伤保险条例 art. 17; rules §5.5). The employer's period
 * is 30 days plus any extension the social-insurance department approved; others have one year from the accident.
 * When the application — by anyone — comes after the employer's period, the employer bears the benefits from the
 * day after that period until the filing day inclusive (art. 17 para. 4). An employer filing after its own period
 * but inside the year is accepted and liable (reading of art. 17; unverified). A missing holiday calendar gives a
 * provisional deadline, never an error. Pure.
 * @throws DomainError INVALID_DATE for malformed dates or a filing before the accident.
 */
export function recognitionApplicationCheck(
  calendar: readonly CalendarYear[],
  input: { accidentDate: string; filedOn: string; applicant: RecognitionApplicant; approvedExtensionDays?: number },
  policy: WorkInjuryClockPolicy = DEFAULT_WORK_INJURY_CLOCK_POLICY,
): RecognitionApplicationCheck {
  assertDate(input.accidentDate, 'accidentDate');
  assertDate(input.filedOn, 'filedOn');
  if (compareDates(input.filedOn, input.accidentDate) < 0) {
    throw new DomainError('INVALID_DATE', `filed ${input.filedOn} before the accident ${input.accidentDate}`, {
      path: 'filedOn',
    });
  }
  const extension = countInput(input.approvedExtensionDays ?? 0, 'approvedExtensionDays', 0, 3650);
  const employerDeadline = computeDeadline(calendar, input.accidentDate, policy.employerApplicationDays + extension, 'calendar');
  const otherApplicantDeadline = computeDeadline(calendar, addMonths(input.accidentDate, policy.otherApplicantMonths), 0, 'calendar');
  const workings = [
    `employer deadline = ${input.accidentDate} + ${policy.employerApplicationDays} days${extension > 0 ? ` + ${extension} approved` : ''} = ${employerDeadline.dueDate} (工伤保险条例 art. 17 para. 1)`,
    `worker / relatives / union deadline = ${input.accidentDate} + ${policy.otherApplicantMonths} months = ${otherApplicantDeadline.dueDate} (art. 17 para. 2)`,
  ];
  const refusals: RecognitionApplicationCheck['refusals'] = [];
  if (compareDates(input.filedOn, otherApplicantDeadline.dueDate) > 0) {
    refusals.push({
      code: 'APPLICATION_OUT_OF_TIME',
      reason: `filed ${input.filedOn}, after the last day ${otherApplicantDeadline.dueDate}`,
    });
  } else if (input.applicant !== 'employer') {
    workings.push(`filed by the ${input.applicant} on ${input.filedOn}: in time`);
  }
  let employerLiability: DaySpan | null = null;
  if (compareDates(input.filedOn, employerDeadline.dueDate) > 0) {
    const from = addDays(employerDeadline.dueDate, 1);
    employerLiability = { from, to: input.filedOn, days: daysBetween(from, input.filedOn) + 1 };
    workings.push(
      `filed after the employer's period: the employer bears benefits ${from} – ${input.filedOn} (${employerLiability.days} days; art. 17 para. 4)`,
    );
  }
  return {
    inTime: refusals.length === 0,
    employerDeadline,
    otherApplicantDeadline,
    employerLiability,
    refusals,
    workings,
  };
}

/** Merges overlapping or touching spans and counts the distinct days. */
function suspendedDays(spans: readonly { from: string; to: string }[]): number {
  spans.forEach((s, i) => {
    assertDate(s.from, `suspensions[${i}].from`);
    assertDate(s.to, `suspensions[${i}].to`);
    if (compareDates(s.from, s.to) > 0)
      throw new DomainError('INVALID_DATE', `suspension ${s.from} – ${s.to} ends before it starts`, {
        path: `suspensions[${i}]`,
      });
  });
  const sorted = [...spans].sort((a, b) => compareDates(a.from, b.from));
  let days = 0;
  let end: string | null = null;
  for (const s of sorted) {
    const start: string = end !== null && compareDates(s.from, end) <= 0 ? addDays(end, 1) : s.from;
    if (compareDates(start, s.to) <= 0) days += daysBetween(start, s.to) + 1;
    if (end === null || compareDates(s.to, end) > 0) end = s.to;
  }
  return days;
}

/**
 * The recognition decision deadline (工伤保险条例 art. 20): 60 days from acceptance, 15 for a clear-cut case, with
 * every day the clock was suspended awaiting a judicial or administrative conclusion added (inclusive spans,
 * overlaps counted once). Calendar days with the §9 rollover; provisional when a year's calendar is missing. Pure.
 */
export function recognitionDecisionDeadline(
  calendar: readonly CalendarYear[],
  input: { acceptedOn: string; clearCut?: boolean; suspensions?: readonly { from: string; to: string }[] },
  policy: WorkInjuryClockPolicy = DEFAULT_WORK_INJURY_CLOCK_POLICY,
): ComputedDeadline & { suspendedDays: number; workings: string[] } {
  assertDate(input.acceptedOn, 'acceptedOn');
  const base = input.clearCut === true ? policy.clearCutDecisionDays : policy.decisionDays;
  const suspended = suspendedDays(input.suspensions ?? []);
  const due = computeDeadline(calendar, input.acceptedOn, base + suspended, 'calendar');
  const kind = input.clearCut === true ? 'clear-cut case' : 'decision';
  const pause = suspended > 0 ? ` + ${suspended} suspended days` : '';
  return {
    ...due,
    suspendedDays: suspended,
    workings: [
      `${kind} due = ${input.acceptedOn} + ${base} days${pause} = ${due.dueDate}${due.provisional ? ' (provisional calendar)' : ''} (工伤保险条例 art. 20)`,
    ],
  };
}

/** Disability-assessment conclusion due 60 days after the application, 90 with the extension (工伤保险条例 art. 25). Pure. */
export function assessmentConclusionDeadline(
  calendar: readonly CalendarYear[],
  input: { receivedOn: string; extended?: boolean },
  policy: WorkInjuryClockPolicy = DEFAULT_WORK_INJURY_CLOCK_POLICY,
): ComputedDeadline {
  assertDate(input.receivedOn, 'receivedOn');
  const days = policy.assessmentDays + (input.extended === true ? policy.assessmentExtensionDays : 0);
  return computeDeadline(calendar, input.receivedOn, days, 'calendar');
}

/**
 * A re-assessment must be requested within 15 days of receiving the conclusion (工伤保险条例 art. 26). A later request
 * is refused as data, naming the last day. Pure.
 */
export function reassessmentRequestCheck(
  calendar: readonly CalendarYear[],
  input: { conclusionReceivedOn: string; requestedOn: string },
  policy: WorkInjuryClockPolicy = DEFAULT_WORK_INJURY_CLOCK_POLICY,
): { inTime: boolean; deadline: ComputedDeadline; refusals: { code: WorkInjuryClockRefusalCode; reason: string }[] } {
  assertDate(input.conclusionReceivedOn, 'conclusionReceivedOn');
  assertDate(input.requestedOn, 'requestedOn');
  const deadline = computeDeadline(calendar, input.conclusionReceivedOn, policy.reassessmentRequestDays, 'calendar');
  const late = compareDates(input.requestedOn, deadline.dueDate) > 0;
  const refusals = late
    ? [
        {
          code: 'REASSESSMENT_OUT_OF_TIME' as const,
          reason: `a re-assessment had to be requested by ${deadline.dueDate}; ${input.requestedOn} is too late`,
        },
      ]
    : [];
  return { inTime: !late, deadline, refusals };
}
