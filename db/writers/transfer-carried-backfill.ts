import type { EntityManager } from '@mikro-orm/postgresql';
import { periodsLeavingPlace } from '../../domain/transfer/carried-history.js';
import { transferAmountsOf } from '../../domain/transfer/transfer-amounts.js';
import type { TransferInsurance } from '../../domain/transfer/transfer-policy.js';
import { reconcileTransfer, type ReconciliationResult, type TransferAmounts } from '../../domain/transfer/transfer-reconciliation.js';
import { loadPersonalAccountPolicy, loadTransferPolicy } from '../queries/settings.query.js';
import {
  accountPeriodsOf,
  bookedAmountsOf,
  collectedAccountsOf,
  recordsMovedBy,
  temporaryAccountsOf,
  transferLedgerOf,
  transferredInOf,
} from '../queries/transfer.query.js';
import { appendAudit } from './case-log.js';
import { carriedFromCounterpart, carriedFromServedPlace, counterpartTransferOutOf, insertCarriedHistory, type CarriedRow } from './transfers.js';

/**
 * The back-fill of `transfer_carried_history` (rules §6, multi-hop transfers) for the transfers into a served place
 * that completed before the hand-over kept what it carried. Without a row, a later transfer out of their new place would
 * move that place's own months only, and the years and money that came in would stay behind.
 *
 * Each such transfer gets the row its hand-over would have written, by the same rule (`carriedFromServedPlace`,
 * `carriedFromCounterpart` in transfers.ts), from what the case's own records show:
 * - a served old place: the records the hand-over marked as moved by the case, with what the case moved on of earlier
 *   collections and transfers into that place (those marked with it), through the month before its take-over;
 * - a counterpart: the information table and the balance in its TRANSFER_OUT message.
 * The take-over month and the places are the ones the hand-over's audit entry (`transfer.handedOver`) recorded, and the
 * row is dated with the hand-over, so the order of what was carried stays the order it happened in.
 *
 * Idempotent: a case that has a row is left alone (and the insert is keyed by the case), so a second run writes nothing.
 * Reconciled: what the row carries is counted by the amount rules and compared to the fen with the ledger lines the case
 * booked; the result is in the audit entry of each row (`transfer.carriedBackfilled`) and in the report.
 */

export interface BackfilledTransfer {
  caseId: string;
  reference: string;
  insurance: TransferInsurance;
  from: string;
  into: string;
  through: string;
  months: number;
  /** What the case booked as leaving the old fund (null: no ledger lines, e.g. unemployment before it booked zeros). */
  moved: TransferAmounts | null;
  /** What the row carries, counted by the amount rules through the take-over month. */
  carried: TransferAmounts;
  reconciliation: ReconciliationResult | null;
}

export interface CarriedHistoryBackfill {
  written: BackfilledTransfer[];
  /** Completed transfers without a row that the records cannot rebuild (a counterpart's table not on record), with why. */
  skipped: { caseId: string; reference: string; reason: string }[];
}

interface HandOverEntry {
  case_id: string;
  reference: string;
  citizen_id: string;
  at: Date | string;
  /** The day of the hand-over in Asia/Shanghai. */
  handed_over_on: string;
  detail: { insurance: TransferInsurance; endIn: string | null; takeOverIn: string | null; takeOverMonth: string };
}

/** The row the hand-over would have written, rebuilt from what the case moved; or why its records cannot give it. */
async function carriedRowOf(em: EntityManager, h: HandOverEntry): Promise<CarriedRow | string> {
  const { insurance, endIn, takeOverIn, takeOverMonth } = h.detail;
  const into = takeOverIn!;
  if (endIn === null) {
    const body = await counterpartTransferOutOf(em, h.case_id);
    return body ? carriedFromCounterpart(body, { insurance, into, takeOverMonth }) : 'no TRANSFER_OUT information table on record for the case';
  }
  const records = (await recordsMovedBy(em, h.case_id)).filter((r) => r.insuranceType === insurance && r.poolingArea === endIn);
  const [ownPeriods, accounts, transferredIn, movedOnByCase] = await Promise.all([
    accountPeriodsOf(em, records, insurance),
    insurance === 'pension' ? temporaryAccountsOf(em, { citizenId: h.citizen_id }) : Promise.resolve([]),
    transferredInOf(em, h.citizen_id, insurance),
    em.execute<{ case_id: string }[]>('select case_id from transfer_carried_history where moved_on_by_case = ?', [h.case_id]),
  ]);
  // As the hand-over saw them: what this case moved on was not moved on yet; collections after it did not exist yet.
  const movedByThis = new Set(movedOnByCase.map((r) => r.case_id));
  const collected = collectedAccountsOf(
    accounts
      .filter((a) => a.collectedOn !== null && a.collectedOn <= h.handed_over_on)
      .map((a) => ({ ...a, movedOnByCase: a.movedOnByCase === h.case_id ? null : a.movedOnByCase })),
  );
  const leaving = periodsLeavingPlace({
    fromPoolingArea: endIn,
    ownPeriods,
    collected,
    transferredIn: transferredIn.filter((t) => movedByThis.has(t.byCase)).map((t) => ({ ...t, movedOn: false })),
  });
  return carriedFromServedPlace(leaving, { from: endIn, into, takeOverMonth });
}

/**
 * Writes the carried row of every completed transfer into a served place that has none (see above), oldest hand-over
 * first, inside the caller's transaction. `at` dates the audit entries (the back-fill's run).
 */
export async function backfillCarriedHistory(em: EntityManager, at: Date): Promise<CarriedHistoryBackfill> {
  const handOvers = await em.execute<HandOverEntry[]>(
    `select a.object_id as case_id, c.reference, c.citizen_id, a.at, to_char(a.at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as handed_over_on, a.detail
       from audit_entry a join case_record c on c.id = a.object_id and c.case_type = 'transfer'
      where a.action = 'transfer.handedOver' and a.object_type = 'Case' and a.detail->>'takeOverIn' is not null
        and not exists (select 1 from transfer_carried_history h where h.case_id = a.object_id)
      order by a.at, a.id`,
  );
  const report: CarriedHistoryBackfill = { written: [], skipped: [] };
  if (handOvers.length === 0) return report;
  const [policy, accountInterest] = await Promise.all([loadTransferPolicy(em), loadPersonalAccountPolicy(em)]);
  for (const h of handOvers) {
    const row = await carriedRowOf(em, h);
    if (typeof row === 'string') {
      report.skipped.push({ caseId: h.case_id, reference: h.reference, reason: row });
      continue;
    }
    const { insurance, takeOverMonth } = h.detail;
    if (!(await insertCarriedHistory(em, { caseId: h.case_id, citizenId: h.citizen_id, insurance, at: new Date(h.at) }, row))) continue;
    const counted = transferAmountsOf(
      {
        insurance,
        periods: row.periods,
        throughMonth: takeOverMonth,
        ...(insurance === 'pension' && { accountInterest }),
        accountCredits: row.credits,
      },
      policy,
    );
    const lines = await transferLedgerOf(em, h.case_id);
    const moved = bookedAmountsOf(lines, 'out');
    const received = bookedAmountsOf(lines, 'in');
    const reconciliation =
      moved && received
        ? reconcileTransfer({
            outgoing: { ...moved, reference: h.reference },
            incoming: { ...received, reference: h.reference },
            calculated: counted.amounts,
          })
        : null;
    const written: BackfilledTransfer = {
      caseId: h.case_id,
      reference: h.reference,
      insurance,
      from: row.from,
      into: row.into,
      through: row.through,
      months: counted.months,
      moved,
      carried: counted.amounts,
      reconciliation,
    };
    report.written.push(written);
    await appendAudit(em, {
      at,
      actorId: 'system',
      actorRole: 'system',
      region: null,
      action: 'transfer.carriedBackfilled',
      objectType: 'Case',
      objectId: h.case_id,
      detail: {
        from: row.from,
        into: row.into,
        through: row.through,
        months: counted.months,
        moved,
        carried: counted.amounts,
        balanced: reconciliation?.balanced ?? null,
        differences: reconciliation?.differences ?? [],
      },
      key: `case:${h.case_id}:carriedBackfilled`,
    });
  }
  return report;
}
