import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addMonths } from '../../domain/calendar/local-date.js';
import type { CollectionTrigger, TemporaryAccountStatement } from '../../domain/transfer/temporary-account-collection.js';
import type { AccountCredit, AccountPeriod } from '../../domain/transfer/transfer-amounts.js';
import type { TransferInsurance } from '../../domain/transfer/transfer-policy.js';
import { monthsBetweenInclusive } from '../../domain/insurance/insurance-history.js';
import { spansOfInformationTable, spansThrough } from '../../domain/transfer/carried-history.js';
import type { TransferOutMessage } from '../../domain/transfer/exchange-message.js';
import type { PeriodsLeavingPlace } from '../../domain/transfer/carried-history.js';
import { periodsLeavingArea, type TemporaryAccountRow } from '../queries/transfer.query.js';
import { appendAudit, appendTimeline } from './case-log.js';

/**
 * The writes of an inter-region transfer (转移接续, rules §6): the append-only transfer ledger, the hand-over
 * of the relationship from one pooling area to the other, the temporary contribution account, and the platform
 * messages. Each is idempotent by a key the workflow chose, and audits in the same transaction.
 */

export interface LedgerBooking {
  caseId: string;
  reference: string;
  insurance: TransferInsurance;
  side: 'out' | 'in';
  fund: 'pooledFund' | 'personalAccount';
  poolingArea: string;
  amount: string;
  /** `collect`: the collection of a temporary pension account into the relationship's place (rules §6.1). */
  source: 'ledger' | 'platform' | 'collect';
  messageId: string | null;
}

/**
 * Books transfer ledger lines once each: the key is the case, the side and the fund, so a retried activity or a
 * counterpart's message delivered twice books nothing more (the first booking stands, whatever a repeat says).
 * Returns how many lines were new.
 */
export async function bookTransferLedger(em: EntityManager, lines: readonly LedgerBooking[], at: Date): Promise<number> {
  let booked = 0;
  for (const line of lines) {
    const inserted = await em.execute<{ id: string }[]>(
      `insert into transfer_ledger (case_id, reference, insurance, side, fund, pooling_area, amount, source, message_id, dedupe_key, booked_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing returning id`,
      [
        line.caseId,
        line.reference,
        line.insurance,
        line.side,
        line.fund,
        line.poolingArea,
        line.amount,
        line.source,
        line.messageId,
        `${line.caseId}:${line.side}:${line.fund}`,
        at,
      ],
    );
    booked += inserted.length;
  }
  return booked;
}

const previousMonth = (month: string) => addMonths(`${month}-01`, -1).slice(0, 7);

export interface RelationshipHandOver {
  caseId: string;
  citizenId: string;
  insurance: TransferInsurance;
  /** End the old pooling area's relationship (this system runs the old office). */
  endIn: string | null;
  /** Take the relationship over in the new pooling area (this system runs the new office). */
  takeOverIn: { poolingArea: string; region: string } | null;
  /** The first month the new place holds the relationship; the old one ends with the month before. */
  takeOverMonth: string;
  decidedBy: string;
  at: Date;
}

export interface HandOverResult {
  /** Records of the old area whose years and money moved (now marked with the case). */
  movedRecords: number;
  /** Old-area records that were still open and ended with the month before the take-over. */
  endedRecords: number;
  /** The new area's open record for the insurance after the hand-over: the one it had, or one opened now. */
  newRecord: { startMonth: string; opened: boolean } | null;
}

/**
 * The old relationship ends exactly when the new one takes over, in one transaction (issue 11 point 4): the old area's
 * records of the insurance are marked as moved by this case, any still open end with the month before the take-over
 * (`transferredOut`); then the new area keeps its open record, or gets one opened by this case with the person's
 * current employer there and base. The partial unique index on active pension records (one person, one relationship,
 * rules §2) holds throughout: the new one can only open once the old one has ended. Idempotent by the case.
 */
export async function handOverRelationship(em: EntityManager, h: RelationshipHandOver): Promise<HandOverResult> {
  return em.transactional(async (tx) => {
    let movedRecords = 0;
    let endedRecords = 0;
    if (h.endIn !== null) {
      const ended = await tx.execute<{ id: string }[]>(
        `update insurance_record r set status = 'terminated', end_month = ?, end_reason = 'transferredOut'
           from region g where g.code = r.region and coalesce(g.pooling_region, g.code) = ?
            and r.citizen_id = ? and r.insurance_type = ? and r.status = 'active' and r.transferred_by_case is null
         returning r.id`,
        [previousMonth(h.takeOverMonth), h.endIn, h.citizenId, h.insurance],
      );
      endedRecords = ended.length;
      // What the old place moves — its own months and what was carried into it — read before it is marked, so the new
      // place (served here) keeps it for the next move (rules §6, multi-hop transfers).
      if (h.takeOverIn !== null) await keepCarriedHistory(tx, h, h.endIn, h.takeOverIn.poolingArea);
      const moved = await tx.execute<{ id: string }[]>(
        `update insurance_record r set transferred_by_case = ?
           from region g where g.code = r.region and coalesce(g.pooling_region, g.code) = ?
            and r.citizen_id = ? and r.insurance_type = ? and r.transferred_by_case is null
         returning r.id`,
        [h.caseId, h.endIn, h.citizenId, h.insurance],
      );
      movedRecords = moved.length;
      // The temporary accounts collected into the old place moved on with its relationship (their months, once: §6.1).
      if (h.insurance === 'pension') {
        await tx.execute(
          `update temporary_pension_account set moved_on_by_case = ? where citizen_id = ? and collected_into = ? and collected_on is not null and moved_on_by_case is null`,
          [h.caseId, h.citizenId, h.endIn],
        );
      }
      // What earlier transfers carried into the old place moved on with it too: once.
      await tx.execute(
        `update transfer_carried_history set moved_on_by_case = ?
          where citizen_id = ? and insurance = ? and pooling_area = ? and moved_on_by_case is null and case_id <> ?`,
        [h.caseId, h.citizenId, h.insurance, h.endIn, h.caseId],
      );
    }
    // Taken over from a counterpart: its information table and the balance it paid are kept for the next move too.
    if (h.endIn === null && h.takeOverIn !== null) await keepCounterpartHistory(tx, h, h.takeOverIn.poolingArea);
    let newRecord: HandOverResult['newRecord'] = null;
    if (h.takeOverIn !== null) {
      const [current] = await tx.execute<{ start_month: string }[]>(
        `select r.start_month from insurance_record r join region g on g.code = r.region
          where r.citizen_id = ? and r.insurance_type = ? and r.status = 'active' and coalesce(g.pooling_region, g.code) = ?
          order by r.start_month limit 1`,
        [h.citizenId, h.insurance, h.takeOverIn.poolingArea],
      );
      if (current) newRecord = { startMonth: current.start_month, opened: false };
      else {
        // The person's current job in the new area gives the employer and base; without one they continue as flexible.
        const [job] = await tx.execute<{ region: string; employer_credit_code: string | null; personnel_category: string; base: string }[]>(
          `select r.region, r.employer_credit_code, r.personnel_category, r.contribution_base::text as base
             from insurance_record r join region g on g.code = r.region
            where r.citizen_id = ? and r.status = 'active' and coalesce(g.pooling_region, g.code) = ?
            order by r.start_month desc limit 1`,
          [h.citizenId, h.takeOverIn.poolingArea],
        );
        const [last] = await tx.execute<{ base: string }[]>(
          `select contribution_base::text as base from insurance_record where citizen_id = ? and insurance_type = ? order by start_month desc limit 1`,
          [h.citizenId, h.insurance],
        );
        const inserted = await tx.execute<{ id: string }[]>(
          `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category, start_month, status,
             contribution_base, opened_by_case, created_at)
           values (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?) on conflict (opened_by_case, insurance_type) do nothing returning id`,
          [
            randomUUID(),
            h.citizenId,
            h.insurance,
            job?.region ?? h.takeOverIn.region,
            job?.employer_credit_code ?? null,
            job ? job.personnel_category : 'flexible',
            h.takeOverMonth,
            job?.base ?? last?.base ?? '0.00',
            h.caseId,
            h.at,
          ],
        );
        newRecord = { startMonth: h.takeOverMonth, opened: inserted.length > 0 };
      }
    }
    await appendAudit(tx, {
      at: h.at,
      actorId: h.decidedBy,
      actorRole: h.decidedBy === 'system' || h.decidedBy === 'counterpart' ? 'system' : 'staff',
      region: h.takeOverIn?.region ?? null,
      action: 'transfer.handedOver',
      objectType: 'Case',
      objectId: h.caseId,
      detail: {
        insurance: h.insurance,
        endIn: h.endIn,
        takeOverIn: h.takeOverIn?.poolingArea ?? null,
        takeOverMonth: h.takeOverMonth,
        movedRecords,
        endedRecords,
        newRecord,
      },
      key: `case:${h.caseId}:handedOver`,
    });
    return { movedRecords, endedRecords, newRecord };
  });
}

/** What a hand-over keeps for the next move (db: transfer_carried_history), before it is written. */
export interface CarriedRow {
  from: string;
  into: string;
  through: string;
  periods: readonly AccountPeriod[];
  credits: readonly AccountCredit[];
}

/**
 * What a transfer from a served place carries into `into` (rules §6, multi-hop transfers): the spans the old place moves
 * (its own months and what was carried into it before) through the month before the take-over, each naming the place
 * it was paid in. The one rule of the hand-over and of the back-fill of transfers completed before it kept them
 * (db/writers/transfer-carried-backfill.ts). Pure.
 */
export function carriedFromServedPlace(leaving: PeriodsLeavingPlace, c: { from: string; into: string; takeOverMonth: string }): CarriedRow {
  const through = previousMonth(c.takeOverMonth);
  const periods = spansThrough(leaving.periods, through).map((p) => ({ ...p, paidIn: p.paidIn ?? c.from }));
  return { from: c.from, into: c.into, through, periods, credits: leaving.credits };
}

/**
 * What a transfer in from a counterpart carries into `into`: its information table as spans, and the personal-account
 * balance it paid as a credit of the take-over year (pension and medical; unemployment moves months only). Pure.
 */
export function carriedFromCounterpart(body: TransferOutMessage, c: { insurance: TransferInsurance; into: string; takeOverMonth: string }): CarriedRow {
  const from = body.from.poolingArea;
  const periods = spansOfInformationTable(body.years, body.lastCoveredMonth, from);
  const credit = body.amounts.personalAccount;
  const credits = c.insurance !== 'unemployment' && credit !== '0.00' ? [{ year: Number(c.takeOverMonth.slice(0, 4)), amount: credit, from }] : [];
  const through = body.lastCoveredMonth ?? periods.at(-1)?.endMonth ?? previousMonth(c.takeOverMonth);
  return { from, into: c.into, through, periods, credits };
}

/**
 * Keeps what this transfer carries from `from` into `into` ({@link carriedFromServedPlace}), read before the old place's
 * records are marked. Once per case: a retried hand-over finds its row and writes nothing more.
 */
async function keepCarriedHistory(tx: EntityManager, h: RelationshipHandOver, from: string, into: string): Promise<void> {
  const leaving = await periodsLeavingArea(tx, { citizenId: h.citizenId, insurance: h.insurance, poolingArea: from });
  await insertCarriedHistory(tx, h, carriedFromServedPlace(leaving, { from, into, takeOverMonth: h.takeOverMonth }));
}

/** The TRANSFER_OUT message a counterpart sent for the case (its information table and money), or null. */
export async function counterpartTransferOutOf(tx: EntityManager, caseId: string): Promise<TransferOutMessage | null> {
  const [message] = await tx.execute<{ body: TransferOutMessage }[]>(
    `select body from exchange_message where case_id = ? and direction = 'in' and type = 'TRANSFER_OUT' order by recorded_at limit 1`,
    [caseId],
  );
  return message?.body ?? null;
}

/** Keeps what a transfer in from a counterpart carried ({@link carriedFromCounterpart}). */
async function keepCounterpartHistory(tx: EntityManager, h: RelationshipHandOver, into: string): Promise<void> {
  const body = await counterpartTransferOutOf(tx, h.caseId);
  if (body) await insertCarriedHistory(tx, h, carriedFromCounterpart(body, { insurance: h.insurance, into, takeOverMonth: h.takeOverMonth }));
}

/** Writes the carried row of a case once (a second write for the same case writes nothing); true when it was new. */
export async function insertCarriedHistory(
  tx: EntityManager,
  h: { caseId: string; citizenId: string; insurance: TransferInsurance; at: Date },
  c: CarriedRow,
): Promise<boolean> {
  const months = c.periods.reduce((n, p) => n + monthsBetweenInclusive(p.startMonth, p.endMonth ?? c.through), 0);
  const inserted = await tx.execute<{ case_id: string }[]>(
    `insert into transfer_carried_history (case_id, citizen_id, insurance, from_pooling_area, pooling_area, through_month, months, periods, credits, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing returning case_id`,
    [h.caseId, h.citizenId, h.insurance, c.from, c.into, c.through, months, JSON.stringify(c.periods), JSON.stringify(c.credits), h.at],
  );
  return inserted.length > 0;
}

/** Opens the temporary contribution account of a transfer case once (国办发〔2009〕66号 art. 5). */
export async function openTemporaryPensionAccount(
  em: EntityManager,
  a: { caseId: string; citizenId: string; region: string; poolingArea: string; keptInPoolingArea: string; openedOn: string; decidedBy: string; at: Date },
): Promise<void> {
  await em.transactional(async (tx) => {
    await tx.execute(
      `insert into temporary_pension_account (id, citizen_id, region, pooling_area, kept_in_pooling_area, opened_by_case, opened_on, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (opened_by_case) do nothing`,
      [randomUUID(), a.citizenId, a.region, a.poolingArea, a.keptInPoolingArea, a.caseId, a.openedOn, a.at],
    );
    await appendAudit(tx, {
      at: a.at,
      actorId: a.decidedBy,
      actorRole: 'staff',
      region: a.region,
      action: 'transfer.temporaryAccount',
      objectType: 'Case',
      objectId: a.caseId,
      detail: { poolingArea: a.poolingArea, keptInPoolingArea: a.keptInPoolingArea, openedOn: a.openedOn },
      key: `case:${a.caseId}:temporaryAccount`,
    });
  });
}

export interface ExchangeRecord {
  messageId: string;
  direction: 'in' | 'out';
  type: string;
  transferId: string;
  caseId: string | null;
  counterpart: string;
  body: Record<string, unknown>;
}

/** Records a platform message once by its ID; true when it is new (a message delivered twice is recorded once). */
export async function recordExchangeMessage(em: EntityManager, m: ExchangeRecord, at: Date): Promise<boolean> {
  const inserted = await em.execute<{ message_id: string }[]>(
    `insert into exchange_message (message_id, direction, type, transfer_id, case_id, counterpart, body, recorded_at)
     values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (message_id) do nothing returning message_id`,
    [m.messageId, m.direction, m.type, m.transferId, m.caseId, m.counterpart, JSON.stringify(m.body), at],
  );
  return inserted.length > 0;
}

/** An inbound message reached its case (or was set aside): stamped once. */
export async function markExchangeMessageHandled(em: EntityManager, messageId: string, caseId: string | null, at: Date): Promise<void> {
  await em.execute('update exchange_message set handled_at = coalesce(handled_at, ?), case_id = coalesce(case_id, ?) where message_id = ?', [
    at,
    caseId,
    messageId,
  ]);
}

/** Inbound messages recorded but not yet handed to their case (a crash between the two is picked up again). */
export async function unhandledInboundMessages(em: EntityManager, limit = 100): Promise<{ messageId: string; body: Record<string, unknown> }[]> {
  const rows = await em.execute<{ message_id: string; body: Record<string, unknown> }[]>(
    `select message_id, body from exchange_message where direction = 'in' and handled_at is null order by recorded_at limit ?`,
    [limit],
  );
  return rows.map((r) => ({ messageId: r.message_id, body: r.body }));
}

export interface TemporaryAccountCollection {
  /** The account, locked by the caller's transaction (db/queries/transfer.query.ts `temporaryAccountsOf`). */
  account: TemporaryAccountRow;
  /** The transfer case that opened it: its ledger takes the collection's lines. */
  reference: string;
  statement: TemporaryAccountStatement;
  /** The spans the statement counted: kept with the collection, cut to its last month. */
  periods: readonly AccountPeriod[];
  trigger: CollectionTrigger;
  collectedOn: string;
  by: { id: string; role: string };
  /** The new transfer that set it off (trigger `nextTransfer`). */
  byCase: string | null;
  at: Date;
}

/**
 * Collects a temporary pension account (归集, rules §6.1) into the relationship's place, once: the pooled and the personal
 * part leave the account's pooling area and enter the kept one as transfer ledger lines of the case that opened it
 * (keyed by case, side and fund, so a retry books nothing more), the account records when, where and what, and the
 * opening case's timeline and the audit say so. Returns false when the account was collected already (nothing written).
 * Runs inside the caller's transaction.
 */
export async function collectTemporaryPensionAccount(em: EntityManager, c: TemporaryAccountCollection): Promise<boolean> {
  const { account, statement } = c;
  const updated = await em.execute<{ id: string }[]>(
    `update temporary_pension_account
        set collected_on = ?, collected_into = ?, collected_through_month = ?, collected_months = ?, collection_trigger = ?, collected_by = ?, collected_by_case = ?,
            collected_periods = ?
      where id = ? and collected_on is null returning id`,
    [
      c.collectedOn,
      statement.collectInto,
      statement.throughMonth,
      statement.months,
      c.trigger,
      c.by.id,
      c.byCase,
      JSON.stringify(spansThrough(c.periods, statement.throughMonth)),
      account.id,
    ],
  );
  if (updated.length === 0) return false;
  const lines = (['pooledFund', 'personalAccount'] as const).flatMap((fund): LedgerBooking[] => [
    { ...ledgerOf(c), side: 'out', fund, poolingArea: statement.poolingArea, amount: statement.amounts[fund] },
    { ...ledgerOf(c), side: 'in', fund, poolingArea: statement.collectInto, amount: statement.amounts[fund] },
  ]);
  await bookTransferLedger(em, lines, c.at);
  const detail = {
    from: statement.poolingArea,
    into: statement.collectInto,
    throughMonth: statement.throughMonth,
    months: statement.months,
    trigger: c.trigger,
    byCase: c.byCase,
    ...statement.amounts,
  };
  await appendTimeline(em, {
    caseId: account.openedByCase,
    key: `${account.openedByCase}:temporaryAccount.collected`,
    at: c.at,
    actor: c.by.id,
    action: 'transfer.account.collected',
    detail,
  });
  await appendAudit(em, {
    at: c.at,
    actorId: c.by.id,
    actorRole: c.by.role,
    region: account.region,
    action: 'transfer.temporaryAccountCollected',
    objectType: 'Case',
    objectId: account.openedByCase,
    detail,
    key: `case:${account.openedByCase}:temporaryAccountCollected`,
  });
  // The person is told, like of the account's opening: the letter renders from the outbox (services/notices).
  await em.execute(
    `insert into notice_outbox (id, case_id, recipient_kind, recipient_id, channel, kind, payload, created_at, dedupe_key)
     values (?, ?, 'citizen', ?, 'sms', 'temporary_account_collected', ?, ?, ?) on conflict (dedupe_key) do nothing`,
    [
      randomUUID(),
      account.openedByCase,
      account.citizenId,
      JSON.stringify({
        reference: c.reference,
        status: 'temporaryAccount',
        insurance: 'pension',
        collectedOn: c.collectedOn,
        from: statement.poolingArea,
        into: statement.collectInto,
        throughMonth: statement.throughMonth,
        months: statement.months,
        trigger: c.trigger,
        ...statement.amounts,
      }),
      c.at,
      `${account.openedByCase}:temporary_account_collected`,
    ],
  );
  return true;
}

const ledgerOf = (c: TemporaryAccountCollection) => ({
  caseId: c.account.openedByCase,
  reference: c.reference,
  insurance: 'pension' as const,
  source: 'collect' as const,
  messageId: null,
});
