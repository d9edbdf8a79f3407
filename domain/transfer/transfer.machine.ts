import { assign, setup } from 'xstate';
import type { TransferLegName, TransferOffice } from './transfer-legs.js';
import type { TransferInsurance } from './transfer-policy.js';

/**
 * Which offices of a transfer this system runs (rules §6): `both` — two pooling areas it serves; `new` — it is
 * the receiving office and the old one is reached through the national transfer platform; `old` — it is the sending
 * office and the new one asked through the platform.
 */
export type TransferRole = 'both' | 'new' | 'old';

export type TransferNotice =
  | 'transfer_received'
  | 'acceptance_letter_sent'
  | 'transfer_out_sent'
  | 'funds_received'
  | 'transfer_completed'
  | 'transfer_refused'
  | 'temporary_account_opened'
  /** Sent by the case, not a transition: a leg ran past its due date and was escalated. */
  | 'transfer_delayed'
  /** Written by the collection (归集) of the temporary account the case opened, not a transition (rules §6.1). */
  | 'temporary_account_collected';

export interface TransferRefusalRecord {
  office: TransferOffice;
  /** A staff id, or `counterpart` when the other agency refused through the platform. */
  by: string;
  reason: string;
}

export interface TransferContext {
  insurance: TransferInsurance;
  role: TransferRole;
  /** The new place opens a temporary contribution account instead (国办发〔2009〕66号 art. 5), decided at the start. */
  temporaryAccount: boolean;
  acceptedBy: string | null;
  sentBy: string | null;
  completedBy: string | null;
  refusal: TransferRefusalRecord | null;
}

export type TransferEvent =
  /** The new office reviewed the application and sends the letter of acceptance (联系函). */
  | { type: 'ACCEPT'; officerId: string }
  /** An office refuses before anything moved: nothing moves, the person stays where they were. */
  | { type: 'REFUSE'; office: TransferOffice; by: string; reason: string }
  /** The old office sends the information table and the money. */
  | { type: 'SENT'; officerId: string }
  /** The new office received the information table and the money. */
  | { type: 'RECEIVED' }
  /** The new office completed the transfer (or, for role `old`, the counterpart confirmed it did). */
  | { type: 'COMPLETE'; by: string };

export type TransferStatus = 'opening' | 'acceptanceLetter' | 'transferOut' | 'inTransit' | 'completion' | 'completed' | 'refused' | 'temporaryAccount';

/** The human or counterpart step each waiting state is, by insurance (pension ends with `completion`, others `load`). */
export function legOfStatus(status: string, insurance: TransferInsurance): TransferLegName | null {
  switch (status) {
    case 'acceptanceLetter':
      return 'acceptanceLetter';
    case 'transferOut':
    case 'inTransit':
      return 'transferOut';
    case 'completion':
      return insurance === 'pension' ? 'completion' : 'load';
    default:
      return null;
  }
}

/**
 * The lifecycle of an inter-region transfer (转移接续, rules §6): for a pension the new office's letter of
 * acceptance, the old office's transfer-out (information table and money) and the new office's completion
 * (国办发〔2009〕66号 art. 8); for medical and unemployment the old office's transfer-out and the new office's load
 * (医保办发〔2021〕43号). A refusal before the money moves ends the case with nothing moved. A man from 50 or a woman
 * from 40 moving out of the hukou province keeps the relationship where it is: the accepted application opens a
 * temporary contribution account instead (art. 5). Actions are declared here and run by the workflow as activities.
 */
export const transferMachine = setup({
  types: {
    input: {} as { insurance: TransferInsurance; role: TransferRole; temporaryAccount: boolean },
    context: {} as TransferContext,
    events: {} as TransferEvent,
  },
  guards: {
    hasAcceptanceLetter: ({ context }) => context.insurance === 'pension' && context.role !== 'old',
    temporaryAccount: ({ context }) => context.temporaryAccount,
    newOfficeIsCounterpart: ({ context }) => context.role === 'old',
    oldOfficeIsCounterpart: ({ context }) => context.role === 'new',
  },
  actions: {
    notify: (_, _params: { notice: TransferNotice }) => {},
    openLeg: (_, _params: { leg: 'acceptanceLetter' | 'transferOut' | 'completion' }) => {},
    payOut: () => {},
    collectFunds: () => {},
    completeRelationship: () => {},
    openTemporaryAccount: () => {},
    closeLegs: () => {},
  },
}).createMachine({
  id: 'transfer',
  context: ({ input }) => ({
    insurance: input.insurance,
    role: input.role,
    temporaryAccount: input.temporaryAccount,
    acceptedBy: null,
    sentBy: null,
    completedBy: null,
    refusal: null,
  }),
  initial: 'opening',
  states: {
    opening: {
      always: [{ guard: 'hasAcceptanceLetter', target: 'acceptanceLetter' }, { target: 'transferOut' }],
    },
    acceptanceLetter: {
      entry: [
        { type: 'notify', params: { notice: 'transfer_received' } },
        { type: 'openLeg', params: { leg: 'acceptanceLetter' } },
      ],
      on: {
        ACCEPT: [
          { guard: 'temporaryAccount', target: 'temporaryAccount', actions: assign(({ event }) => ({ acceptedBy: event.officerId })) },
          {
            target: 'transferOut',
            actions: [assign(({ event }) => ({ acceptedBy: event.officerId })), { type: 'notify', params: { notice: 'acceptance_letter_sent' } }],
          },
        ],
        REFUSE: {
          guard: ({ event }) => event.office === 'new',
          target: 'refused',
          actions: assign(({ event }) => ({ refusal: { office: event.office, by: event.by, reason: event.reason } })),
        },
      },
    },
    transferOut: {
      entry: { type: 'openLeg', params: { leg: 'transferOut' } },
      on: {
        SENT: [
          {
            guard: 'newOfficeIsCounterpart',
            target: 'completion',
            actions: [assign(({ event }) => ({ sentBy: event.officerId })), 'payOut', { type: 'notify', params: { notice: 'transfer_out_sent' } }],
          },
          {
            guard: ({ context }) => context.role === 'both',
            target: 'inTransit',
            actions: [assign(({ event }) => ({ sentBy: event.officerId })), 'payOut', { type: 'notify', params: { notice: 'transfer_out_sent' } }],
          },
        ],
        // The counterpart's information table and money arrive together (role `new`).
        RECEIVED: {
          guard: 'oldOfficeIsCounterpart',
          target: 'completion',
          actions: [assign({ sentBy: 'counterpart' }), { type: 'notify', params: { notice: 'funds_received' } }],
        },
        REFUSE: { target: 'refused', actions: assign(({ event }) => ({ refusal: { office: event.office, by: event.by, reason: event.reason } })) },
      },
    },
    inTransit: {
      entry: 'collectFunds',
      on: { RECEIVED: { target: 'completion', actions: { type: 'notify', params: { notice: 'funds_received' } } } },
    },
    completion: {
      entry: { type: 'openLeg', params: { leg: 'completion' } },
      on: { COMPLETE: { target: 'completed', actions: [assign(({ event }) => ({ completedBy: event.by })), 'completeRelationship'] } },
    },
    completed: { type: 'final', entry: { type: 'notify', params: { notice: 'transfer_completed' } } },
    refused: { type: 'final', entry: ['closeLegs', { type: 'notify', params: { notice: 'transfer_refused' } }] },
    temporaryAccount: { type: 'final', entry: ['openTemporaryAccount', { type: 'notify', params: { notice: 'temporary_account_opened' } }] },
  },
});
