import type { CalendarYear } from '../domain/calendar/holiday-calendar.js';
import type { ExchangeMessage } from '../domain/transfer/exchange-message.js';
import type { AccountCredit, AccountPeriod } from '../domain/transfer/transfer-amounts.js';
import type { TransferInsurance } from '../domain/transfer/transfer-policy.js';
import { reconcileTransfer, type ReconciliationResult, type TransferAmounts } from '../domain/transfer/transfer-reconciliation.js';
import { loadCalendarYears } from '../db/queries/calendar.query.js';
import {
  bookedAmountsOf,
  pensionMonthsByArea,
  periodsLeavingArea,
  transferLedgerOf,
  untransferredRecords,
  type TransferLedgerLine,
} from '../db/queries/transfer.query.js';
import { appendAudit, appendTimeline } from '../db/writers/case-log.js';
import {
  bookTransferLedger,
  handOverRelationship,
  openTemporaryPensionAccount,
  recordExchangeMessage,
  type HandOverResult,
  type LedgerBooking,
} from '../db/writers/transfers.js';
import type { ActivityDeps } from './deps.js';

/** What a transfer case reads about the person when it opens (recorded in history, so a replay decides the same). */
export interface TransferFactsLoaded {
  calendar: CalendarYear[];
  person: { name: string; sex: 'male' | 'female'; birthDate: string; hukouRegion: string | null } | null;
  /**
   * The spans the old pooling area moves, with the employee rate credited to the account: its own not moved yet and what
   * was carried into it (each carried span names the place it was paid in, `paidIn`).
   */
  oldPeriods: AccountPeriod[];
  /** Personal-account money a transfer in from a counterpart credited to the old place besides its spans (absent: none). */
  oldCredits?: AccountCredit[];
  /** Every pension span per pooling area, for where the pension will be paid. */
  pensionSpans: { poolingArea: string; startMonth: string; endMonth: string | null }[];
  /** The new pooling area's open records, by insurance. */
  newAreaRecords: { insurance: string; startMonth: string }[];
}

const FUNDS = ['pooledFund', 'personalAccount'] as const;

/** The booked pair checked to the fen (domain/transfer/transfer-reconciliation.ts). */
function reconcile(reference: string, lines: readonly TransferLedgerLine[], calculated?: TransferAmounts): ReconciliationResult | null {
  const outgoing = bookedAmountsOf(lines, 'out');
  const incoming = bookedAmountsOf(lines, 'in');
  if (!outgoing || !incoming) return null;
  const ref = (side: 'out' | 'in') => lines.find((l) => l.side === side)?.reference ?? reference;
  return reconcileTransfer({
    outgoing: { ...outgoing, reference: ref('out') },
    incoming: { ...incoming, reference: ref('in') },
    ...(calculated ? { calculated } : {}),
  });
}

/**
 * The side effects of an inter-region transfer (转移接续): the facts it decides on, the transfer ledger (append-only,
 * idempotent per case, side and fund), the hand-over of the relationship, the temporary account and the platform
 * messages. Every write audits in its own transaction.
 */
export function createTransferActivities({ orm, clock, exchange }: ActivityDeps) {
  return {
    loadTransferContext: async (input: {
      citizenId: string;
      insurance: TransferInsurance;
      fromPoolingArea: string;
      toPoolingArea: string;
    }): Promise<TransferFactsLoaded> => {
      const em = orm.em.fork();
      const [calendar, records, pensionSpans, people, leaving] = await Promise.all([
        loadCalendarYears(em),
        untransferredRecords(em, input.citizenId),
        pensionMonthsByArea(em, input.citizenId),
        em.execute<{ name: string; sex: 'male' | 'female'; birth_date: string; hukou_region: string | null }[]>(
          `select name, sex, to_char(birth_date, 'YYYY-MM-DD') as birth_date, hukou_region from person where citizen_id = ?`,
          [input.citizenId],
        ),
        // The old place's own months, less what a collection moved out of it, plus what collections and completed
        // transfers carried into it (rules §6.1–§6.3): a worker who moves twice keeps every year, no month moves twice.
        periodsLeavingArea(em, { citizenId: input.citizenId, insurance: input.insurance, poolingArea: input.fromPoolingArea }),
      ]);
      const person = people[0];
      const oldPeriods = leaving.periods;
      return {
        calendar,
        person: person ? { name: person.name, sex: person.sex, birthDate: person.birth_date, hukouRegion: person.hukou_region } : null,
        oldPeriods,
        ...(leaving.credits.length > 0 ? { oldCredits: leaving.credits } : {}),
        pensionSpans,
        newAreaRecords: records
          .filter((r) => r.status === 'active' && r.poolingArea === input.toPoolingArea)
          .map((r) => ({ insurance: r.insuranceType, startMonth: r.startMonth })),
      };
    },

    /** The old office pays out what the case calculated: one booking per fund, however often it is retried. */
    bookTransferOut: async (input: {
      caseId: string;
      reference: string;
      insurance: TransferInsurance;
      poolingArea: string;
      amounts: TransferAmounts;
      sentBy: string;
    }): Promise<{ paymentId: string }> => {
      const at = clock.now();
      await orm.em.fork().transactional(async (em) => {
        const lines: LedgerBooking[] = FUNDS.map((fund) => ({ ...input, side: 'out', fund, amount: input.amounts[fund], source: 'ledger', messageId: null }));
        const booked = await bookTransferLedger(em, lines, at);
        if (booked > 0) {
          await appendAudit(em, {
            at,
            actorId: input.sentBy,
            actorRole: input.sentBy === 'system' ? 'system' : 'staff',
            region: null,
            action: 'transfer.paidOut',
            objectType: 'Case',
            objectId: input.caseId,
            detail: { poolingArea: input.poolingArea, ...input.amounts },
            key: `case:${input.caseId}:paidOut`,
          });
        }
      });
      return { paymentId: `${input.caseId}:out` };
    },

    /**
     * The new office looks for the money the old office paid out (both served here): once the old fund's booking is
     * there, it books the same amounts in, once. `arrived: false` while nothing was paid out: the case escalates the
     * leg and looks again later; it never books twice.
     */
    collectTransferFunds: async (input: {
      caseId: string;
      reference: string;
      insurance: TransferInsurance;
      poolingArea: string;
      calculated: TransferAmounts;
    }): Promise<{ arrived: boolean; reconciliation: ReconciliationResult | null }> => {
      const at = clock.now();
      return orm.em.fork().transactional(async (em) => {
        const lines = await transferLedgerOf(em, input.caseId);
        const out = bookedAmountsOf(lines, 'out');
        if (!out) return { arrived: false, reconciliation: null };
        const booked = await bookTransferLedger(
          em,
          FUNDS.map((fund) => ({ ...input, side: 'in', fund, amount: out[fund], source: 'ledger', messageId: null })),
          at,
        );
        if (booked > 0) {
          await appendAudit(em, {
            at,
            actorId: 'system',
            actorRole: 'system',
            region: null,
            action: 'transfer.received',
            objectType: 'Case',
            objectId: input.caseId,
            detail: { poolingArea: input.poolingArea, ...out },
            key: `case:${input.caseId}:received`,
          });
        }
        return { arrived: true, reconciliation: reconcile(input.reference, await transferLedgerOf(em, input.caseId), input.calculated) };
      });
    },

    /**
     * The counterpart's information table and money arrived: what left its fund (as it states) and what entered ours
     * are booked once each, whatever a repeated delivery says, and reconciled.
     */
    bookTransferReceipt: async (input: {
      caseId: string;
      reference: string;
      insurance: TransferInsurance;
      fromPoolingArea: string;
      toPoolingArea: string;
      messageId: string;
      amounts: TransferAmounts;
    }): Promise<{ reconciliation: ReconciliationResult | null }> => {
      const at = clock.now();
      return orm.em.fork().transactional(async (em) => {
        const lines: LedgerBooking[] = FUNDS.flatMap((fund): LedgerBooking[] => [
          { ...input, side: 'out', fund, poolingArea: input.fromPoolingArea, amount: input.amounts[fund], source: 'platform', messageId: input.messageId },
          { ...input, side: 'in', fund, poolingArea: input.toPoolingArea, amount: input.amounts[fund], source: 'ledger', messageId: input.messageId },
        ]);
        if ((await bookTransferLedger(em, lines, at)) > 0) {
          await appendAudit(em, {
            at,
            actorId: 'system',
            actorRole: 'system',
            region: null,
            action: 'transfer.received',
            objectType: 'Case',
            objectId: input.caseId,
            detail: { from: input.fromPoolingArea, messageId: input.messageId, ...input.amounts },
            key: `case:${input.caseId}:received`,
          });
        }
        return { reconciliation: reconcile(input.reference, await transferLedgerOf(em, input.caseId)) };
      });
    },

    completeTransferRelationship: async (input: {
      caseId: string;
      citizenId: string;
      insurance: TransferInsurance;
      endIn: string | null;
      takeOverIn: { poolingArea: string; region: string } | null;
      takeOverMonth: string;
      decidedBy: string;
    }): Promise<HandOverResult> => handOverRelationship(orm.em.fork(), { ...input, at: clock.now() }),

    openTemporaryAccount: async (input: {
      caseId: string;
      citizenId: string;
      region: string;
      poolingArea: string;
      keptInPoolingArea: string;
      openedOn: string;
      decidedBy: string;
    }): Promise<void> => openTemporaryPensionAccount(orm.em.fork(), { ...input, at: clock.now() }),

    /** Hands a message to the platform (idempotent by message ID) and records it. */
    sendTransferMessage: async (input: { caseId: string; message: ExchangeMessage }): Promise<void> => {
      const { message } = input;
      // A worker without the platform is a deployment fault: fail and retry until it is configured, never drop it.
      if (!exchange) throw new Error('no transfer exchange configured for this worker (WorkerOptions.exchange)');
      await exchange.send(message);
      await recordExchangeMessage(
        orm.em.fork(),
        {
          messageId: message.messageId,
          direction: 'out',
          type: message.type,
          transferId: message.transferId,
          caseId: input.caseId,
          counterpart: message.to.poolingArea,
          body: { ...message },
        },
        clock.now(),
      );
    },

    /** A leg ran past its due date without its answer: on the timeline of the case both offices read, and audited. */
    escalateTransferLeg: async (input: { caseId: string; leg: string; region: string; key: string; detail: Record<string, unknown> }): Promise<void> => {
      const at = clock.now();
      await orm.em.fork().transactional(async (em) => {
        await appendTimeline(em, {
          caseId: input.caseId,
          key: input.key,
          at,
          actor: 'system',
          action: 'transfer.leg.escalated',
          detail: { leg: input.leg, region: input.region, ...input.detail },
        });
        await appendAudit(em, {
          at,
          actorId: 'system',
          actorRole: 'system',
          region: input.region,
          action: 'transfer.escalated',
          objectType: 'Case',
          objectId: input.caseId,
          detail: { leg: input.leg },
          key: `audit:${input.key}`,
        });
      });
    },
  };
}
