import { assign, setup } from 'xstate';
import type { NotAcceptedRoute, PetitionOpinion, PetitionSubmission } from './petition-submission.js';

export type PetitionNotice =
  | 'petition_registered'
  | 'petition_accepted'
  | 'petition_not_accepted'
  | 'petition_forwarded'
  | 'petition_extended'
  | 'petition_reply'
  | 'petition_review_opinion'
  | 'petition_rereview_opinion';

export interface PetitionContext {
  petition: PetitionSubmission;
  receivedOn: string;
  /** The body deciding now: the receiving region, then a forwardee that took it up (art. 23). */
  handlingRegion: string;
  forwardedTo: string | null;
  forwardedOn: string | null;
  notAccepted: { route: NotAcceptedRoute; reason: string; concludedReference: string | null } | null;
  acceptedOn: string | null;
  extension: { days: number; reason: string; requestedBy: string; approvedBy: string | null } | null;
  opinion: PetitionOpinion | null;
  reviewRequestedOn: string | null;
  review: PetitionOpinion | null;
  rereviewRequestedOn: string | null;
  rereview: PetitionOpinion | null;
  rating: { score: number; comment: string } | null;
  reason: string | null;
  decidedBy: string | null;
}

export type PetitionEvent =
  | { type: 'ACCEPT'; officerId: string; on: string }
  | { type: 'NOT_ACCEPT'; officerId: string; route: NotAcceptedRoute; reason: string }
  | { type: 'DUPLICATE_OF_CONCLUDED'; reference: string }
  | { type: 'FORWARD'; officerId: string; toRegion: string; reason: string; on: string }
  | { type: 'TRANSFER_OBJECTED'; officerId: string; reason: string }
  | { type: 'REQUEST_EXTENSION'; officerId: string; days: number; reason: string }
  | { type: 'APPROVE_EXTENSION'; officerId: string }
  | { type: 'REFUSE_EXTENSION'; officerId: string; reason: string }
  | { type: 'ISSUE_OPINION'; opinion: PetitionOpinion }
  | { type: 'REQUEST_REVIEW'; on: string }
  | { type: 'REQUEST_REREVIEW'; on: string }
  | { type: 'RATE'; score: number; comment: string }
  | { type: 'DELIVERED'; document: 'opinion' | 'review'; on: string }
  | { type: 'WINDOW_CLOSED' };

/**
 * The lifecycle of a petition (信访, rules §7: registered → accepted | not accepted | forwarded → in progress
 * → (extended) → opinion → review → re-review). The state value is the status the petitioner sees; the clocks live
 * in the workflow (petition-clocks.ts) because they are time, not state, and the human step of each state is
 * {@link petitionStepOf} (petition-steps.ts), so a continued-as-new run reopens it from the state alone.
 */
export const petitionMachine = setup({
  types: {
    input: {} as { petition: PetitionSubmission; receivedOn: string },
    context: {} as PetitionContext,
    events: {} as PetitionEvent,
  },
  guards: {
    // Art. 32: one extension only.
    notExtendedYet: ({ context }) => context.extension === null || context.extension.approvedBy === null,
    notRatedYet: ({ context }) => context.opinion !== null && context.rating === null,
  },
  actions: {
    notify: (_, _params: { notice: PetitionNotice }) => {},
    recordRating: () => {},
  },
}).createMachine({
  id: 'petition',
  context: ({ input }) => ({
    petition: input.petition,
    receivedOn: input.receivedOn,
    handlingRegion: input.petition.region,
    forwardedTo: null,
    forwardedOn: null,
    notAccepted: null,
    acceptedOn: null,
    extension: null,
    opinion: null,
    reviewRequestedOn: null,
    review: null,
    rereviewRequestedOn: null,
    rereview: null,
    rating: null,
    reason: null,
    decidedBy: null,
  }),
  initial: 'registered',
  states: {
    registered: {
      on: {
        ACCEPT: {
          target: 'inProgress',
          actions: [assign(({ event }) => ({ acceptedOn: event.on, decidedBy: event.officerId })), { type: 'notify', params: { notice: 'petition_accepted' } }],
        },
        NOT_ACCEPT: {
          target: 'notAccepted',
          actions: assign(({ event }) => ({
            notAccepted: { route: event.route, reason: event.reason, concludedReference: null },
            decidedBy: event.officerId,
            reason: event.reason,
          })),
        },
        DUPLICATE_OF_CONCLUDED: {
          target: 'notAccepted',
          actions: assign(({ event }) => ({
            notAccepted: {
              route: 'rereviewConcluded' as const,
              reason: `the same facts and reasons were concluded by re-review in ${event.reference} (art. 36)`,
              concludedReference: event.reference,
            },
            decidedBy: 'system',
            reason: 'not accepted: re-review concluded',
          })),
        },
        FORWARD: {
          target: 'forwarded',
          actions: [
            assign(({ event }) => ({ forwardedTo: event.toRegion, forwardedOn: event.on, decidedBy: event.officerId, reason: event.reason })),
            { type: 'notify', params: { notice: 'petition_forwarded' } },
          ],
        },
      },
    },
    forwarded: {
      on: {
        // The competent body takes it up: it handles it from now on, and the 60 days run from its acceptance.
        ACCEPT: {
          target: 'inProgress',
          actions: [
            assign(({ context, event }) => ({
              acceptedOn: event.on,
              decidedBy: event.officerId,
              handlingRegion: context.forwardedTo ?? context.handlingRegion,
            })),
            { type: 'notify', params: { notice: 'petition_accepted' } },
          ],
        },
        // Misrouted (art. 23): back to the sender, which decides again.
        TRANSFER_OBJECTED: {
          target: 'registered',
          actions: assign(({ event }) => ({ forwardedTo: null, forwardedOn: null, reason: event.reason })),
        },
      },
    },
    inProgress: {
      on: {
        REQUEST_EXTENSION: {
          guard: 'notExtendedYet',
          target: 'extensionRequested',
          actions: assign(({ event }) => ({
            extension: { days: event.days, reason: event.reason, requestedBy: event.officerId, approvedBy: null },
          })),
        },
        ISSUE_OPINION: {
          target: 'opinionIssued',
          actions: assign(({ event }) => ({ opinion: event.opinion, decidedBy: event.opinion.issuedBy })),
        },
      },
    },
    extensionRequested: {
      on: {
        APPROVE_EXTENSION: {
          target: 'inProgress',
          actions: [
            assign(({ context, event }) => ({ extension: context.extension && { ...context.extension, approvedBy: event.officerId } })),
            { type: 'notify', params: { notice: 'petition_extended' } },
          ],
        },
        REFUSE_EXTENSION: { target: 'inProgress', actions: assign({ extension: null }) },
      },
    },
    opinionIssued: {
      entry: { type: 'notify', params: { notice: 'petition_reply' } },
      on: {
        DELIVERED: {
          guard: ({ context, event }) => event.document === 'opinion' && !context.opinion?.deliveredOn,
          actions: assign(({ context, event }) => ({ opinion: context.opinion && { ...context.opinion, deliveredOn: event.on } })),
        },
        REQUEST_REVIEW: { target: 'reviewRequested', actions: assign(({ event }) => ({ reviewRequestedOn: event.on })) },
        RATE: { guard: 'notRatedYet', actions: [assign(({ event }) => ({ rating: { score: event.score, comment: event.comment } })), 'recordRating'] },
        WINDOW_CLOSED: { target: 'concluded' },
      },
    },
    reviewRequested: {
      on: {
        ISSUE_OPINION: { target: 'reviewed', actions: assign(({ event }) => ({ review: event.opinion, decidedBy: event.opinion.issuedBy })) },
        RATE: { guard: 'notRatedYet', actions: [assign(({ event }) => ({ rating: { score: event.score, comment: event.comment } })), 'recordRating'] },
      },
    },
    reviewed: {
      entry: { type: 'notify', params: { notice: 'petition_review_opinion' } },
      on: {
        DELIVERED: {
          guard: ({ context, event }) => event.document === 'review' && !context.review?.deliveredOn,
          actions: assign(({ context, event }) => ({ review: context.review && { ...context.review, deliveredOn: event.on } })),
        },
        REQUEST_REREVIEW: { target: 'rereviewRequested', actions: assign(({ event }) => ({ rereviewRequestedOn: event.on })) },
        RATE: { guard: 'notRatedYet', actions: [assign(({ event }) => ({ rating: { score: event.score, comment: event.comment } })), 'recordRating'] },
        WINDOW_CLOSED: { target: 'concluded' },
      },
    },
    rereviewRequested: {
      on: {
        ISSUE_OPINION: { target: 'rereviewed', actions: assign(({ event }) => ({ rereview: event.opinion, decidedBy: event.opinion.issuedBy })) },
        RATE: { guard: 'notRatedYet', actions: [assign(({ event }) => ({ rating: { score: event.score, comment: event.comment } })), 'recordRating'] },
      },
    },
    // Art. 36: after re-review the same facts and reasons are not accepted again.
    rereviewed: { type: 'final', entry: { type: 'notify', params: { notice: 'petition_rereview_opinion' } } },
    // The petitioner let the review window pass: the last opinion stands.
    concluded: { type: 'final' },
    notAccepted: { type: 'final', entry: { type: 'notify', params: { notice: 'petition_not_accepted' } } },
  },
});

export type PetitionStatus =
  | 'registered'
  | 'forwarded'
  | 'inProgress'
  | 'extensionRequested'
  | 'opinionIssued'
  | 'reviewRequested'
  | 'reviewed'
  | 'rereviewRequested'
  | 'rereviewed'
  | 'concluded'
  | 'notAccepted';
