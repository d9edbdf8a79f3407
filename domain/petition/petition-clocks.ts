import { type CalendarYear } from '../calendar/holiday-calendar.js';
import { computeDeadline, type ComputedDeadline } from '../case/deadline-clock.js';
import { DomainError } from '../errors.js';
import { parentRegionCode } from '../region-code.js';
import type { PetitionPolicy } from './petition-policy.js';

/** The statutory clocks of a petition, each with its unit (rules §9: petitions count calendar days, except the objection). */
export type PetitionClock = 'acceptanceDecision' | 'transferObjection' | 'handling' | 'reviewRequest' | 'reviewOpinion' | 'rereviewRequest' | 'rereviewOpinion';

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

/**
 * Art. 32: one extension, at most `maxExtensionDays` days, and only while the 60-day handling period still runs — an
 * extension extends a period, and a lapsed one cannot be (pass `today` and the handling period's last day to check it).
 * Returns the refusal, or null when the request is lawful.
 */
export function extensionRefusal(policy: PetitionPolicy, alreadyExtended: number, days: number, handling?: { today: string; dueDate: string }): string | null {
  if (alreadyExtended > 0) return 'the handling period was already extended once (art. 32 allows one extension)';
  if (!Number.isInteger(days) || days < 1 || days > policy.maxExtensionDays) {
    return `an extension is 1 to ${policy.maxExtensionDays} days (art. 32), not ${String(days)}`;
  }
  return extensionLapsed(handling);
}

/** Art. 32: the handling period lapsed on `dueDate`; after it no extension can be asked for or approved. */
export function extensionLapsed(handling?: { today: string; dueDate: string }): string | null {
  if (handling && handling.today > handling.dueDate) {
    return `the 60-day handling period ended on ${handling.dueDate}: it can no longer be extended (art. 32)`;
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
 * the opinion it answers, each review opinion from its request (rules §7, §9).
 */
export function petitionClocks(
  calendar: readonly CalendarYear[],
  policy: PetitionPolicy,
  ctx: {
    receivedOn: string;
    forwardedOn?: string | null;
    acceptedOn: string | null;
    extension: { days: number; approvedBy: string | null } | null;
    opinion: { issuedOn: string; deliveredOn?: string | null } | null;
    reviewRequestedOn: string | null;
    review: { issuedOn: string; deliveredOn?: string | null } | null;
    rereviewRequestedOn: string | null;
  },
  options: { windowsFromDelivery?: boolean } = {},
): PetitionClockState[] {
  const clocks: PetitionClockState[] = [
    { clock: 'acceptanceDecision', due: petitionDeadline(calendar, policy, 'acceptanceDecision', ctx.receivedOn), statuses: ['registered'] },
  ];
  if (ctx.forwardedOn) {
    clocks.push({ clock: 'transferObjection', due: petitionDeadline(calendar, policy, 'transferObjection', ctx.forwardedOn), statuses: ['forwarded'] });
  }
  if (ctx.acceptedOn) {
    const extended = ctx.extension?.approvedBy ? ctx.extension.days : 0;
    clocks.push({
      clock: 'handling',
      due: petitionDeadline(calendar, policy, 'handling', ctx.acceptedOn, extended),
      statuses: ['inProgress', 'extensionRequested'],
    });
  }
  const opinionReceived = receivedOn(ctx.opinion, options);
  if (opinionReceived)
    clocks.push({ clock: 'reviewRequest', due: petitionDeadline(calendar, policy, 'reviewRequest', opinionReceived), statuses: ['opinionIssued'] });
  if (ctx.reviewRequestedOn) {
    clocks.push({ clock: 'reviewOpinion', due: petitionDeadline(calendar, policy, 'reviewOpinion', ctx.reviewRequestedOn), statuses: ['reviewRequested'] });
  }
  const reviewReceived = receivedOn(ctx.review, options);
  if (reviewReceived)
    clocks.push({ clock: 'rereviewRequest', due: petitionDeadline(calendar, policy, 'rereviewRequest', reviewReceived), statuses: ['reviewed'] });
  if (ctx.rereviewRequestedOn) {
    clocks.push({
      clock: 'rereviewOpinion',
      due: petitionDeadline(calendar, policy, 'rereviewOpinion', ctx.rereviewRequestedOn),
      statuses: ['rereviewRequested'],
    });
  }
  return clocks;
}

/**
 * The day the petitioner received an opinion, which the review windows run from (arts. 35, 36: "收到…之日起"): its
 * recorded delivery, or — for cases that counted from the issue day — the day it was issued. Null while a letter is
 * still on its way.
 */
export function receivedOn(opinion: { issuedOn: string; deliveredOn?: string | null } | null, options: { windowsFromDelivery?: boolean } = {}): string | null {
  if (!opinion) return null;
  return options.windowsFromDelivery ? (opinion.deliveredOn ?? null) : opinion.issuedOn;
}

/**
 * The day a review (re-review) window ran from, as the case's read model records the opinion it answers (arts. 35,
 * 36: "收到…之日起"): its delivery day when one is recorded. Without one, a case still waiting for the petitioner's
 * request leaves the question to the workflow, which knows whether its letter is still on its way (null); a case past
 * that point counted from the issue day (it started before windows ran from delivery, or was answered online, where
 * the opinion is received the day it is issued).
 */
export function reviewWindowStart(answered: { issuedOn: string; deliveredOn?: string | null }, awaitingRequest: boolean): string | null {
  if (answered.deliveredOn) return answered.deliveredOn;
  return awaitingRequest ? null : answered.issuedOn;
}

/**
 * A delivery record (送达回证) names a day from the one the opinion was issued to today: a letter is not received
 * before it is written, nor on a day still to come. Returns why `receivedOn` cannot be right, or null.
 */
export function deliveryDateProblem(receivedOn: string, issuedOn: string | null, today: string): string | null {
  if (receivedOn > today) return `is after today (${today}): record a delivery once the receipt is back`;
  if (issuedOn !== null && receivedOn < issuedOn) return `is before the opinion was issued (${issuedOn})`;
  return null;
}

/** A region's administrative parent, as region data: `{ '330102': '330100', '110105': '110000', '429004': '420000' }`. */
export type RegionParents = Readonly<Record<string, string | null>>;

/**
 * Arts. 35–36: review goes to the body one level above the one that handled the petition, re-review one level
 * further; null when there is none. The parent is region data (a district of a municipality answers to the
 * municipality, a county administered by the province to the province) — the code's digits only when no data is
 * given (cases started before parents were data).
 */
export function reviewBodyOf(handlingRegion: string, stage: 'review' | 'rereview', parents?: RegionParents): string | null {
  const up = (code: string): string | null => (parents ? (parents[code] ?? null) : parentRegionCode(code));
  const parent = up(handlingRegion);
  return stage === 'review' || parent === null ? parent : up(parent);
}
