import { type CalendarYear } from '../calendar/holiday-calendar.js';
import { computeDeadline, type ComputedDeadline } from '../case/deadline-clock.js';
import { DomainError } from '../errors.js';
import { parentRegionCode } from '../region-code.js';
import type { PetitionPolicy } from './petition-policy.js';

/** The statutory clocks of a petition, each with its unit (domain-rules §9: petitions count calendar days, except the objection). */
export type PetitionClock =
  | 'acceptanceDecision'
  | 'transferObjection'
  | 'handling'
  | 'reviewRequest'
  | 'reviewOpinion'
  | 'rereviewRequest'
  | 'rereviewOpinion';

/**
 * When a clock ends, counted from the day after `from` with the §9 rollover (a calendar period ending on a rest day
 * ends on the next working day). The handling clock counts 60 days plus any approved extension from acceptance
 * (E12: accepted 10 Jan 2025 → 11 Mar 2025, extended by 30 → 10 Apr 2025).
 */
export function petitionDeadline(
  calendar: readonly CalendarYear[],
  policy: PetitionPolicy,
  clock: PetitionClock,
  from: string,
  extensionDays = 0,
): ComputedDeadline {
  switch (clock) {
    case 'acceptanceDecision':
      return computeDeadline(calendar, from, policy.acceptanceDays, 'calendar');
    case 'transferObjection':
      return computeDeadline(calendar, from, policy.transferObjectionWorkingDays, 'working');
    case 'handling':
      return computeDeadline(calendar, from, policy.handlingDays + extensionDays, 'calendar');
    case 'reviewRequest':
    case 'rereviewRequest':
      return computeDeadline(calendar, from, policy.reviewRequestDays, 'calendar');
    case 'reviewOpinion':
    case 'rereviewOpinion':
      return computeDeadline(calendar, from, policy.reviewOpinionDays, 'calendar');
  }
}

/**
 * Art. 35/36: a review (re-review) must be asked for within 30 days of receiving the reply (review opinion). A request
 * on a later day is refused and the refusal names the last day (E12: reply received 15 Apr 2025 → until 15 May 2025).
 * @throws DomainError REVIEW_WINDOW_CLOSED
 */
export function assertReviewWindowOpen(
  calendar: readonly CalendarYear[],
  policy: PetitionPolicy,
  stage: 'review' | 'rereview',
  receivedOn: string,
  requestedOn: string,
): ComputedDeadline {
  const due = petitionDeadline(calendar, policy, stage === 'review' ? 'reviewRequest' : 'rereviewRequest', receivedOn);
  if (requestedOn > due.dueDate) {
    throw new DomainError(
      'REVIEW_WINDOW_CLOSED',
      `a ${stage === 'review' ? 'review (复查)' : 're-review (复核)'} had to be requested by ${due.dueDate} (30 days from ${receivedOn}); ${requestedOn} is too late`,
    );
  }
  return due;
}

/** Art. 32: one extension, at most `maxExtensionDays` days. Returns the refusal, or null when the request is lawful. */
export function extensionRefusal(policy: PetitionPolicy, alreadyExtended: number, days: number): string | null {
  if (alreadyExtended > 0) return 'the handling period was already extended once (art. 32 allows one extension)';
  if (!Number.isInteger(days) || days < 1 || days > policy.maxExtensionDays) {
    return `an extension is 1 to ${policy.maxExtensionDays} days (art. 32), not ${String(days)}`;
  }
  return null;
}

/** A clock that runs on the case now or ran before: its due day and the statuses in which it is shown. */
export interface PetitionClockState {
  clock: PetitionClock;
  due: ComputedDeadline;
  statuses: readonly string[];
}

/**
 * Every statutory clock the petition's history has started, computed from the dates in its context: acceptance from
 * receipt, the objection from forwarding, handling from acceptance (+ an approved extension), each review window from
 * the opinion it answers, each review opinion from its request (domain-rules §7, §9).
 */
export function petitionClocks(
  calendar: readonly CalendarYear[],
  policy: PetitionPolicy,
  ctx: {
    receivedOn: string;
    forwardedOn?: string | null;
    acceptedOn: string | null;
    extension: { days: number; approvedBy: string | null } | null;
    opinion: { issuedOn: string } | null;
    reviewRequestedOn: string | null;
    review: { issuedOn: string } | null;
    rereviewRequestedOn: string | null;
  },
): PetitionClockState[] {
  const clocks: PetitionClockState[] = [
    { clock: 'acceptanceDecision', due: petitionDeadline(calendar, policy, 'acceptanceDecision', ctx.receivedOn), statuses: ['registered'] },
  ];
  if (ctx.forwardedOn) {
    clocks.push({ clock: 'transferObjection', due: petitionDeadline(calendar, policy, 'transferObjection', ctx.forwardedOn), statuses: ['forwarded'] });
  }
  if (ctx.acceptedOn) {
    const extended = ctx.extension?.approvedBy ? ctx.extension.days : 0;
    clocks.push({ clock: 'handling', due: petitionDeadline(calendar, policy, 'handling', ctx.acceptedOn, extended), statuses: ['inProgress', 'extensionRequested'] });
  }
  if (ctx.opinion) clocks.push({ clock: 'reviewRequest', due: petitionDeadline(calendar, policy, 'reviewRequest', ctx.opinion.issuedOn), statuses: ['opinionIssued'] });
  if (ctx.reviewRequestedOn) {
    clocks.push({ clock: 'reviewOpinion', due: petitionDeadline(calendar, policy, 'reviewOpinion', ctx.reviewRequestedOn), statuses: ['reviewRequested'] });
  }
  if (ctx.review) clocks.push({ clock: 'rereviewRequest', due: petitionDeadline(calendar, policy, 'rereviewRequest', ctx.review.issuedOn), statuses: ['reviewed'] });
  if (ctx.rereviewRequestedOn) {
    clocks.push({ clock: 'rereviewOpinion', due: petitionDeadline(calendar, policy, 'rereviewOpinion', ctx.rereviewRequestedOn), statuses: ['rereviewRequested'] });
  }
  return clocks;
}

/** Arts. 35–36: review goes one level above the body that handled the petition, re-review two levels; null when none. */
export function reviewBodyOf(handlingRegion: string, stage: 'review' | 'rereview'): string | null {
  const parent = parentRegionCode(handlingRegion);
  return stage === 'review' || parent === null ? parent : parentRegionCode(parent);
}
