import { assign, setup } from 'xstate';
import type { EnrollmentApplication, EnrollmentCorrection } from './enrollment-application.js';
import { applyCorrection } from './enrollment-application.js';
import type { Refusal } from './enrollment-checks.js';

export type EnrollmentNotice =
  | 'enrollment_received'
  | 'enrollment_under_review'
  | 'correction_requested'
  | 'enrollment_approved'
  | 'enrollment_rejected'
  | 'enrollment_refused'
  | 'enrollment_withdrawn';

export interface EnrollmentContext {
  application: EnrollmentApplication;
  submittedBy: string;
  refusals: Refusal[];
  lateDays: number | null;
  reviewReasons: string[];
  returns: number;
  decidedBy: string | null;
  reason: string | null;
}

export type EnrollmentEvent =
  | { type: 'CHECKS_FAILED'; refusals: Refusal[]; lateDays: number | null }
  | { type: 'CHECKS_PASSED'; reviewReasons: string[]; lateDays: number | null }
  | { type: 'APPROVE'; officerId: string }
  | { type: 'REJECT'; officerId: string; reason: string }
  | { type: 'RETURN'; officerId: string; reason: string }
  | { type: 'RESUBMIT'; correction: EnrollmentCorrection }
  | { type: 'CORRECTION_EXPIRED' }
  | { type: 'WITHDRAW'; reason: string }
  | { type: 'RECORDS_OPENED' }
  | { type: 'RECORDS_REFUSED'; refusal: Refusal };

/**
 * The lifecycle of an enrollment (参保登记). The state value is the status everyone sees; actions are declared here
 * and executed by the workflow as activities (effects), never here.
 */
export const enrollmentMachine = setup({
  types: {
    input: {} as { application: EnrollmentApplication; submittedBy: string },
    context: {} as EnrollmentContext,
    events: {} as EnrollmentEvent,
  },
  guards: {
    // Once a person returned the case, the corrected case always goes back to a person.
    needsReview: ({ context, event }) => event.type === 'CHECKS_PASSED' && (event.reviewReasons.length > 0 || context.returns > 0),
  },
  actions: {
    notify: (_, _params: { notice: EnrollmentNotice }) => {},
    runChecks: () => {},
    requestReview: () => {},
    holdReview: () => {},
    cancelReview: () => {},
    openRecords: () => {},
  },
}).createMachine({
  id: 'enrollment',
  context: ({ input }) => ({
    application: input.application,
    submittedBy: input.submittedBy,
    refusals: [],
    lateDays: null,
    reviewReasons: [],
    returns: 0,
    decidedBy: null,
    reason: null,
  }),
  initial: 'checking',
  states: {
    checking: {
      entry: 'runChecks',
      on: {
        CHECKS_FAILED: {
          target: 'refused',
          actions: assign(({ event }) => ({ refusals: event.refusals, lateDays: event.lateDays })),
        },
        CHECKS_PASSED: [
          {
            guard: 'needsReview',
            target: 'underReview',
            actions: assign(({ event }) => ({ reviewReasons: event.reviewReasons, lateDays: event.lateDays })),
          },
          { target: 'approved', actions: assign(({ event }) => ({ lateDays: event.lateDays })) },
        ],
      },
    },
    underReview: {
      entry: ['requestReview', { type: 'notify', params: { notice: 'enrollment_under_review' } }],
      on: {
        APPROVE: { target: 'approved', actions: assign(({ event }) => ({ decidedBy: event.officerId })) },
        REJECT: {
          target: 'rejected',
          actions: assign(({ event }) => ({ decidedBy: event.officerId, reason: event.reason })),
        },
        RETURN: {
          target: 'awaitingCorrection',
          actions: assign(({ context, event }) => ({ reason: event.reason, returns: context.returns + 1 })),
        },
        WITHDRAW: { target: 'withdrawn', actions: ['cancelReview', assign(({ event }) => ({ reason: event.reason }))] },
      },
    },
    awaitingCorrection: {
      entry: ['holdReview', { type: 'notify', params: { notice: 'correction_requested' } }],
      on: {
        RESUBMIT: {
          target: 'checking',
          actions: assign(({ context, event }) => ({
            application: applyCorrection(context.application, event.correction),
            reason: null,
          })),
        },
        CORRECTION_EXPIRED: {
          target: 'withdrawn',
          actions: ['cancelReview', assign({ reason: 'no correction within the period allowed' })],
        },
        WITHDRAW: { target: 'withdrawn', actions: ['cancelReview', assign(({ event }) => ({ reason: event.reason }))] },
      },
    },
    approved: {
      entry: 'openRecords',
      on: {
        RECORDS_OPENED: { target: 'insured' },
        RECORDS_REFUSED: { target: 'refused', actions: assign(({ event }) => ({ refusals: [event.refusal] })) },
      },
    },
    insured: { type: 'final', entry: { type: 'notify', params: { notice: 'enrollment_approved' } } },
    rejected: { type: 'final', entry: { type: 'notify', params: { notice: 'enrollment_rejected' } } },
    refused: { type: 'final', entry: ['cancelReview', { type: 'notify', params: { notice: 'enrollment_refused' } }] },
    withdrawn: { type: 'final', entry: { type: 'notify', params: { notice: 'enrollment_withdrawn' } } },
  },
});

export type EnrollmentStatus = 'checking' | 'underReview' | 'awaitingCorrection' | 'approved' | 'insured' | 'rejected' | 'refused' | 'withdrawn';
