import { assign, setup } from 'xstate';

/**
 * Who decided what on a declaration (基层申报): a caseworker reviews (审核), a reviewer approves (复核 — never the
 * same person, four eyes), and where the rule asks for it a supervisor approves as well (a back-payment of 36 months
 * or more without a legal document, rules §6.1 / §8).
 */
export interface DeclarationReviewContext {
  needsSupervisor: boolean;
  reviewedBy: string | null;
  approvedBy: string | null;
  supervisedBy: string | null;
  decision: { outcome: 'approved' | 'rejected'; by: string; on: string; reason: string | null } | null;
  returns: number;
}

export type DeclarationReviewEvent =
  | { type: 'REVIEWED'; by: string }
  | { type: 'APPROVE'; by: string; on: string }
  | { type: 'REJECT'; by: string; on: string; reason: string }
  | { type: 'RETURN'; by: string; reason: string }
  | { type: 'BOOKED' };

export type DeclarationReviewStatus = 'reviewing' | 'approving' | 'supervising' | 'booking' | 'approved' | 'rejected';

/**
 * The review lifecycle every grass-roots declaration shares (离休 / 二乙 medical expenses; the same shape serves the
 * account subsidy and the back-payment): reviewing → approving → (supervising) → booking → approved, or rejected at
 * any decision. `book` and `release` are effects the workflow runs as activities: booking writes the ledger and the
 * payroll lines once; a rejection releases what the declaration held (its invoice numbers) so a corrected one can
 * use them.
 */
export const declarationReviewMachine = setup({
  types: {
    input: {} as { needsSupervisor: boolean },
    context: {} as DeclarationReviewContext,
    events: {} as DeclarationReviewEvent,
  },
  guards: {
    needsSupervisor: ({ context }) => context.needsSupervisor,
  },
  actions: {
    book: () => {},
    release: () => {},
  },
}).createMachine({
  id: 'declarationReview',
  initial: 'reviewing',
  context: ({ input }) => ({ needsSupervisor: input.needsSupervisor, reviewedBy: null, approvedBy: null, supervisedBy: null, decision: null, returns: 0 }),
  states: {
    reviewing: {
      on: {
        REVIEWED: { target: 'approving', actions: assign({ reviewedBy: ({ event }) => event.by }) },
        REJECT: {
          target: 'rejected',
          actions: assign({ decision: ({ event }) => ({ outcome: 'rejected' as const, by: event.by, on: event.on, reason: event.reason }) }),
        },
      },
    },
    approving: {
      on: {
        APPROVE: [
          { guard: 'needsSupervisor', target: 'supervising', actions: assign({ approvedBy: ({ event }) => event.by }) },
          {
            target: 'booking',
            actions: assign(({ event }) => ({ approvedBy: event.by, decision: { outcome: 'approved' as const, by: event.by, on: event.on, reason: null } })),
          },
        ],
        REJECT: {
          target: 'rejected',
          actions: assign({ decision: ({ event }) => ({ outcome: 'rejected' as const, by: event.by, on: event.on, reason: event.reason }) }),
        },
        RETURN: { target: 'reviewing', actions: assign({ returns: ({ context }) => context.returns + 1, reviewedBy: null }) },
      },
    },
    supervising: {
      on: {
        APPROVE: {
          target: 'booking',
          actions: assign(({ event }) => ({ supervisedBy: event.by, decision: { outcome: 'approved' as const, by: event.by, on: event.on, reason: null } })),
        },
        REJECT: {
          target: 'rejected',
          actions: assign({ decision: ({ event }) => ({ outcome: 'rejected' as const, by: event.by, on: event.on, reason: event.reason }) }),
        },
        RETURN: { target: 'reviewing', actions: assign({ returns: ({ context }) => context.returns + 1, reviewedBy: null, approvedBy: null }) },
      },
    },
    booking: { entry: 'book', on: { BOOKED: 'approved' } },
    approved: { type: 'final' },
    rejected: { entry: 'release', type: 'final' },
  },
});
