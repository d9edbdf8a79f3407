import { assign, setup } from 'xstate';

export type ArrearsNotice =
  | 'order_to_pay'
  | 'fine_decision'
  | 'transfer_decision'
  | 'guarantee_agreement'
  | 'court_application'
  | 'deferral_approved'
  | 'deferral_refused'
  | 'arrears_settled';

export interface FineProposal {
  multiple: string;
  amount: string;
  proposedBy: string;
}

export interface Deferral {
  kind: 'hardship' | 'guarantee';
  from: string;
  until: string;
  reason: string;
  instalments: number;
}

export interface ArrearsContext {
  employer: string;
  periods: string[];
  /** The order to pay issued so far (责令限期缴纳): how many, so each gets its own notice key. */
  orders: number;
  fineProposal: FineProposal | null;
  fine: string | null;
  deferral: Deferral | null;
  requestedDeferral: Deferral | null;
  lastDecisionBy: string | null;
}

export type ArrearsEvent =
  | { type: 'PERIODS_JOINED'; periods: string[] }
  | { type: 'PAID_IN_FULL' }
  | { type: 'ORDER_EXPIRED' }
  | { type: 'FINE_PROPOSED'; proposal: FineProposal }
  | { type: 'FINE_APPROVED'; officerId: string }
  | { type: 'FINE_RETURNED'; officerId: string; reason: string }
  | { type: 'FUNDS_FOUND'; officerId: string }
  | { type: 'NO_FUNDS'; officerId: string }
  | { type: 'TRANSFER_DECIDED'; officerId: string }
  | { type: 'GUARANTEE_AGREED'; officerId: string; deferral: Deferral }
  | { type: 'COURT_APPLIED'; officerId: string }
  | { type: 'STEP_EXPIRED' }
  | { type: 'DEFERRAL_REQUESTED'; deferral: Deferral }
  | { type: 'DEFERRAL_APPROVED'; officerId: string }
  | { type: 'DEFERRAL_REFUSED'; officerId: string; reason: string }
  | { type: 'DEFERRAL_ENDED' };

/** Stages in which the employer (or staff for it) may ask for a hardship deferral (rules §4 (b)). */
const deferrable = {
  DEFERRAL_REQUESTED: { target: '#arrears.deferralReview', actions: ['cancelTask', 'rememberDeferral'] },
} as const;

/**
 * The lifecycle of an arrears recovery case (欠费追缴, 社会保险法 arts. 63, 86; rules §4): order to pay →
 * (unpaid at its deadline) fine proposed and approved by a second person → the enforcement ladder (bank account
 * inquiry, compulsory transfer decision, guarantee with a deferred-payment agreement, or court application); a
 * hardship deferral can interrupt it. Payment in full settles it from any stage. Actions are declared here and run by
 * the workflow; the machine never does I/O, and it has no timers (`after`): deadlines are the workflow's.
 */
export const arrearsMachine = setup({
  types: {
    input: {} as { employer: string; periods: string[] },
    context: {} as ArrearsContext,
    events: {} as ArrearsEvent,
  },
  actions: {
    notify: (_, _params: { notice: ArrearsNotice }) => {},
    issueOrder: () => {},
    openTask: (_, _params: { step: 'proposeFine' | 'approveFine' | 'bankInquiry' | 'enforcement' | 'deferralReview' }) => {},
    closeTask: () => {},
    cancelTask: () => {},
    recordFine: () => {},
    recordDeferral: () => {},
    rememberDeferral: assign({ requestedDeferral: ({ event }) => (event.type === 'DEFERRAL_REQUESTED' ? event.deferral : null) }),
  },
}).createMachine({
  id: 'arrears',
  context: ({ input }) => ({
    employer: input.employer,
    periods: [...input.periods].sort(),
    orders: 0,
    fineProposal: null,
    fine: null,
    deferral: null,
    requestedDeferral: null,
    lastDecisionBy: null,
  }),
  initial: 'ordered',
  on: {
    PERIODS_JOINED: { actions: assign({ periods: ({ context, event }) => [...new Set([...context.periods, ...event.periods])].sort() }) },
    PAID_IN_FULL: { target: '.settled', actions: 'cancelTask' },
  },
  states: {
    ordered: {
      entry: [assign({ orders: ({ context }) => context.orders + 1 }), 'issueOrder', { type: 'notify', params: { notice: 'order_to_pay' } }],
      on: { ORDER_EXPIRED: 'fineProposal', ...deferrable },
    },
    fineProposal: {
      entry: { type: 'openTask', params: { step: 'proposeFine' } },
      on: {
        FINE_PROPOSED: { target: 'fineApproval', actions: ['closeTask', assign({ fineProposal: ({ event }) => event.proposal })] },
        ...deferrable,
      },
    },
    fineApproval: {
      entry: { type: 'openTask', params: { step: 'approveFine' } },
      on: {
        FINE_APPROVED: {
          target: 'accountInquiry',
          actions: [
            'closeTask',
            assign({ fine: ({ context }) => context.fineProposal?.amount ?? null, lastDecisionBy: ({ event }) => event.officerId }),
            'recordFine',
            { type: 'notify', params: { notice: 'fine_decision' } },
          ],
        },
        FINE_RETURNED: { target: 'fineProposal', actions: ['closeTask', assign({ fineProposal: null })] },
      },
    },
    accountInquiry: {
      entry: { type: 'openTask', params: { step: 'bankInquiry' } },
      on: {
        FUNDS_FOUND: { target: 'enforcementDecision', actions: 'closeTask' },
        NO_FUNDS: { target: 'enforcementDecision', actions: 'closeTask' },
        ...deferrable,
      },
    },
    enforcementDecision: {
      entry: { type: 'openTask', params: { step: 'enforcement' } },
      on: {
        TRANSFER_DECIDED: { target: 'transferDecided', actions: ['closeTask', { type: 'notify', params: { notice: 'transfer_decision' } }] },
        GUARANTEE_AGREED: {
          target: 'guaranteeAgreement',
          actions: [
            'closeTask',
            assign({ deferral: ({ event }) => event.deferral }),
            'recordDeferral',
            { type: 'notify', params: { notice: 'guarantee_agreement' } },
          ],
        },
        COURT_APPLIED: { target: 'courtEnforcement', actions: ['closeTask', { type: 'notify', params: { notice: 'court_application' } }] },
        ...deferrable,
      },
    },
    transferDecided: { on: { STEP_EXPIRED: 'enforcementDecision', ...deferrable } },
    guaranteeAgreement: { on: { STEP_EXPIRED: { target: 'courtEnforcement', actions: { type: 'notify', params: { notice: 'court_application' } } } } },
    courtEnforcement: { on: { ...deferrable } },
    deferralReview: {
      entry: { type: 'openTask', params: { step: 'deferralReview' } },
      on: {
        DEFERRAL_APPROVED: {
          target: 'hardshipDeferral',
          actions: [
            'closeTask',
            assign({ deferral: ({ context }) => context.requestedDeferral, requestedDeferral: null }),
            'recordDeferral',
            { type: 'notify', params: { notice: 'deferral_approved' } },
          ],
        },
        DEFERRAL_REFUSED: {
          target: 'ordered',
          actions: ['closeTask', assign({ requestedDeferral: null }), { type: 'notify', params: { notice: 'deferral_refused' } }],
        },
      },
    },
    hardshipDeferral: { on: { DEFERRAL_ENDED: { target: 'ordered', actions: assign({ deferral: null }) } } },
    settled: { type: 'final', entry: { type: 'notify', params: { notice: 'arrears_settled' } } },
  },
});
