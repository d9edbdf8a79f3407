import type { TransferAmounts } from './transfer-reconciliation.js';
import type { TransferInsurance } from './transfer-policy.js';

/**
 * The messages exchanged with a counterpart agency through the national transfer platform (全国社会保险关系转移系统)
 * for a pooling area this system does not serve. The wire format (one JSON document per message) is described in
 * docs/transfers.md and parsed at the edge (services/adapters/transfer-exchange.ts); workflows see only these types.
 */
export const EXCHANGE_FORMAT = 'cn-si-transfer/1' as const;

export const EXCHANGE_MESSAGE_TYPES = ['TRANSFER_REQUEST', 'TRANSFER_OUT', 'TRANSFER_REFUSED', 'TRANSFER_COMPLETED'] as const;
export type ExchangeMessageType = (typeof EXCHANGE_MESSAGE_TYPES)[number];

/** One side of a transfer on the platform: its pooling area and, when it has one, the office's region and case. */
export interface ExchangeParty {
  poolingArea: string;
  region: string;
  /** The sender's or recipient's own case reference, when it has a case. */
  reference: string | null;
}

interface MessageBase {
  format: typeof EXCHANGE_FORMAT;
  messageId: string;
  /** ISO 8601 instant with offset. */
  sentAt: string;
  /** The transfer's platform ID: the receiving (new) office's reference, set by the office that opened it. */
  transferId: string;
  insurance: TransferInsurance;
  person: { citizenId: string; name: string | null };
  from: ExchangeParty;
  to: ExchangeParty;
}

/**
 * New office → old office: for a pension the letter of acceptance (联系函, 国办发〔2009〕66号 art. 8 (2)) after the
 * person applied and the new office accepted; for medical and unemployment the request to transfer out
 * (医保办发〔2021〕43号). `attempt` counts re-sends after an overdue leg (the same transfer, asked again).
 */
export interface TransferRequestMessage extends MessageBase {
  type: 'TRANSFER_REQUEST';
  appliedOn: string;
  acceptedOn: string | null;
  attempt: number;
}

/** One year of the information table (参保缴费信息表): months paid and the contribution wage of those months. */
export interface InformationTableYear {
  year: number;
  months: number;
  contributionWage: string;
  /** The pooling area the year's months were paid in (a place the person passed through is listed by its own line). */
  poolingArea?: string;
}

/**
 * Old office → new office: the information table and the money (art. 8 (3)); the amounts are what left the old
 * fund, the new office books what it receives and both must agree to the fen.
 */
export interface TransferOutMessage extends MessageBase {
  type: 'TRANSFER_OUT';
  /** The money paid out, decimal strings. */
  amounts: TransferAmounts;
  /** The payment's own ID at the sending fund: one payment, however often the message is delivered. */
  paymentId: string;
  years: InformationTableYear[];
  /** Contribution months that carry over. */
  months: number;
  /** The last month paid in the old place ('YYYY-MM'), for medical continuity. */
  lastCoveredMonth: string | null;
}

/** Either office → the other: the transfer cannot go ahead, with the reason in writing. Nothing has moved. */
export interface TransferRefusedMessage extends MessageBase {
  type: 'TRANSFER_REFUSED';
  reason: string;
}

/** New office → old office: the relationship is taken over; the old office now closes its own. */
export interface TransferCompletedMessage extends MessageBase {
  type: 'TRANSFER_COMPLETED';
  completedOn: string;
}

export type ExchangeMessage = TransferRequestMessage | TransferOutMessage | TransferRefusedMessage | TransferCompletedMessage;

/** The fields every message of one transfer shares (the workflow adds the type-specific ones). */
export type ExchangeEnvelope = Omit<MessageBase, 'messageId' | 'sentAt'>;
