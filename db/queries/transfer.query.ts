import type { EntityManager } from '@mikro-orm/postgresql';
import { compareDates } from '../../domain/calendar/local-date.js';
import type { InsuranceType, RegionalParameters } from '../../domain/contribution/regional-parameters.js';
import { periodsLeavingPlace, type PeriodsLeavingPlace, type TransferredIn } from '../../domain/transfer/carried-history.js';
import type { CollectedAccount } from '../../domain/transfer/temporary-account-collection.js';
import type { AccountCredit, AccountPeriod } from '../../domain/transfer/transfer-amounts.js';
import { defaultPoolingArea } from '../../domain/transfer/pooling-area.js';
import type { TransferInsurance } from '../../domain/transfer/transfer-policy.js';
import type { TransferAmounts } from '../../domain/transfer/transfer-reconciliation.js';
import { listParameterSets } from './region-parameters.query.js';

/** A region as a transfer sees it: served (its pooling area from region data) or a counterpart's (its city). */
export interface TransferRegion {
  code: string;
  served: boolean;
  poolingArea: string;
}

export async function transferRegionOf(em: EntityManager, code: string): Promise<TransferRegion> {
  const [row] = await em.execute<{ pooling: string | null }[]>('select coalesce(pooling_region, code) as pooling from region where code = ?', [code]);
  return row ? { code, served: true, poolingArea: row.pooling ?? code } : { code, served: false, poolingArea: defaultPoolingArea(code) };
}

/** What the door checks of a transfer read from the database (domain/transfer/transfer-eligibility.ts facts). */
export interface TransferDoorFacts {
  /** A pension record that ended because the person retired: they draw a pension (国办发〔2009〕66号 art. 2). */
  drawingPension: boolean;
  /** The earliest start month of the person's open records in the new pooling area, or null. */
  insuredInNewAreaSince: string | null;
  /** The reference of another open transfer of the same insurance for the person. */
  openTransferReference: string | null;
  /** Pooling areas other than the two of this transfer where a pension relationship is still active (先转后清). */
  otherActivePensionAreas: string[];
  /** Records of this insurance in the old pooling area that were not moved yet. */
  oldAreaRecords: number;
  person: { name: string; sex: 'male' | 'female'; birthDate: string; hukouRegion: string | null } | null;
}

/** One round trip for everything the door checks need. */
export async function transferDoorFacts(
  em: EntityManager,
  q: { citizenId: string; insurance: TransferInsurance; fromPoolingArea: string; toPoolingArea: string; businessKey: string },
): Promise<TransferDoorFacts> {
  const [row] = await em.execute<
    {
      drawing: boolean;
      since: string | null;
      open: string | null;
      others: string[] | null;
      old: string;
      person: TransferDoorFacts['person'];
    }[]
  >(
    `select
       exists (select 1 from insurance_record where citizen_id = ? and insurance_type = 'pension' and end_reason = 'retired') as drawing,
       (select min(r.start_month) from insurance_record r join region g on g.code = r.region
         where r.citizen_id = ? and r.status = 'active' and coalesce(g.pooling_region, g.code) = ?) as since,
       (select reference from case_record where case_type = 'transfer' and citizen_id = ? and closed_at is null
           and summary->>'insurance' = ? and business_key <> ? order by opened_at limit 1) as open,
       (select array_agg(distinct coalesce(g.pooling_region, g.code)) from insurance_record r join region g on g.code = r.region
         where r.citizen_id = ? and r.insurance_type = 'pension' and r.status = 'active' and coalesce(g.pooling_region, g.code) not in (?, ?)) as others,
       (select count(*) from insurance_record r join region g on g.code = r.region
         where r.citizen_id = ? and r.insurance_type = ? and r.transferred_by_case is null and coalesce(g.pooling_region, g.code) = ?)::text as old,
       (select json_build_object('name', name, 'sex', sex, 'birthDate', to_char(birth_date, 'YYYY-MM-DD'), 'hukouRegion', hukou_region)
          from person where citizen_id = ?) as person`,
    [
      q.citizenId,
      q.citizenId,
      q.toPoolingArea,
      q.citizenId,
      q.insurance,
      q.businessKey,
      q.citizenId,
      q.fromPoolingArea,
      q.toPoolingArea,
      q.citizenId,
      q.insurance,
      q.fromPoolingArea,
      q.citizenId,
    ],
  );
  return {
    drawingPension: row?.drawing ?? false,
    insuredInNewAreaSince: row?.since ?? null,
    openTransferReference: row?.open ?? null,
    otherActivePensionAreas: row?.others ?? [],
    oldAreaRecords: Number(row?.old ?? 0),
    person: row?.person ?? null,
  };
}

/** One insurance record span with its region, pooling area and base, as the transfer reads it. */
export interface TransferRecordSpan {
  id: string;
  insuranceType: InsuranceType;
  region: string;
  poolingArea: string;
  employerCreditCode: string | null;
  personnelCategory: string;
  status: string;
  startMonth: string;
  endMonth: string | null;
  contributionBase: string;
}

/** Every record of the person that has not been moved by a transfer yet, oldest first. */
export function untransferredRecords(em: EntityManager, citizenId: string): Promise<TransferRecordSpan[]> {
  return recordSpansWhere(em, 'r.citizen_id = ? and r.transferred_by_case is null', [citizenId]);
}

/** The records a transfer case moved (marked by its hand-over), oldest first: what its old place held of the person. */
export function recordsMovedBy(em: EntityManager, caseId: string): Promise<TransferRecordSpan[]> {
  return recordSpansWhere(em, 'r.transferred_by_case = ?', [caseId]);
}

async function recordSpansWhere(em: EntityManager, where: string, params: unknown[]): Promise<TransferRecordSpan[]> {
  const rows = await em.execute<
    {
      id: string;
      insurance_type: InsuranceType;
      region: string;
      pooling: string;
      employer_credit_code: string | null;
      personnel_category: string;
      status: string;
      start_month: string;
      end_month: string | null;
      base: string;
    }[]
  >(
    `select r.id, r.insurance_type, r.region, coalesce(g.pooling_region, r.region) as pooling, r.employer_credit_code, r.personnel_category,
            r.status, r.start_month, r.end_month, r.contribution_base::text as base
       from insurance_record r left join region g on g.code = r.region
      where ${where}
      order by r.start_month, r.insurance_type, r.created_at`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    insuranceType: r.insurance_type,
    region: r.region,
    poolingArea: r.pooling,
    employerCreditCode: r.employer_credit_code,
    personnelCategory: r.personnel_category,
    status: r.status,
    startMonth: r.start_month,
    endMonth: r.end_month,
    contributionBase: r.base,
  }));
}

/** The pension months the person has per pooling area (all records, moved ones included), for the benefit place. */
export async function pensionMonthsByArea(
  em: EntityManager,
  citizenId: string,
): Promise<{ poolingArea: string; startMonth: string; endMonth: string | null }[]> {
  const rows = await em.execute<{ pooling: string; start_month: string; end_month: string | null }[]>(
    `select coalesce(g.pooling_region, r.region) as pooling, r.start_month, r.end_month
       from insurance_record r left join region g on g.code = r.region
      where r.citizen_id = ? and r.insurance_type = 'pension' order by r.start_month`,
    [citizenId],
  );
  return rows.map((r) => ({ poolingArea: r.pooling, startMonth: r.start_month, endMonth: r.end_month }));
}

export interface TransferLedgerLine {
  side: 'out' | 'in';
  fund: 'pooledFund' | 'personalAccount';
  poolingArea: string;
  amount: string;
  source: 'ledger' | 'platform' | 'collect';
  reference: string;
  messageId: string | null;
  bookedAt: string;
}

/** The ledger lines of one transfer, in booking order. */
export async function transferLedgerOf(em: EntityManager, caseId: string): Promise<TransferLedgerLine[]> {
  const rows = await em.execute<
    {
      side: 'out' | 'in';
      fund: 'pooledFund' | 'personalAccount';
      pooling_area: string;
      amount: string;
      source: 'ledger' | 'platform' | 'collect';
      reference: string;
      message_id: string | null;
      booked_at: Date;
    }[]
  >('select side, fund, pooling_area, amount::text as amount, source, reference, message_id, booked_at from transfer_ledger where case_id = ? order by id', [
    caseId,
  ]);
  return rows.map((r) => ({
    side: r.side,
    fund: r.fund,
    poolingArea: r.pooling_area,
    amount: r.amount,
    source: r.source,
    reference: r.reference,
    messageId: r.message_id,
    bookedAt: new Date(r.booked_at).toISOString(),
  }));
}

/** What one side of a transfer booked, fund by fund, or null until both funds are booked. */
export function bookedAmountsOf(lines: readonly TransferLedgerLine[], side: 'out' | 'in'): TransferAmounts | null {
  const of = (fund: TransferLedgerLine['fund']) => lines.find((l) => l.side === side && l.fund === fund)?.amount;
  const pooledFund = of('pooledFund');
  const personalAccount = of('personalAccount');
  return pooledFund === undefined || personalAccount === undefined ? null : { pooledFund, personalAccount };
}

/** The case a platform message belongs to: ours by reference (we are the new office), or by its platform ID. */
export async function caseOfTransferId(em: EntityManager, transferId: string, platformKey: string): Promise<{ caseId: string; closed: boolean } | null> {
  const [row] = await em.execute<{ id: string; closed_at: Date | null }[]>(
    `select id, closed_at from case_record where case_type = 'transfer' and (reference = ? or business_key = ?) order by opened_at desc limit 1`,
    [transferId, platformKey],
  );
  return row ? { caseId: row.id, closed: row.closed_at !== null } : null;
}

/** The employee rate credited to the personal account, from the parameter set in force when the span began. */
function employeeRateOf(sets: readonly RegionalParameters[], insurance: TransferInsurance, startMonth: string): string {
  const date = `${startMonth}-01`;
  const inForce = sets.filter((set) => compareDates(set.effectiveFrom, date) <= 0).at(-1) ?? sets[0];
  return inForce ? inForce.rates[insurance].employee : '0';
}

/** Record spans as the amount rules read them: each with its monthly wage and the employee rate in force when it began. */
export async function accountPeriodsOf(em: EntityManager, records: readonly TransferRecordSpan[], insurance: TransferInsurance): Promise<AccountPeriod[]> {
  const sets = new Map<string, RegionalParameters[]>();
  for (const region of new Set(records.map((r) => r.region))) sets.set(region, await listParameterSets(em, region));
  return records.map((r) => ({
    startMonth: r.startMonth,
    endMonth: r.endMonth,
    monthlyWage: r.contributionBase,
    employeeRate: employeeRateOf(sets.get(r.region) ?? [], insurance, r.startMonth),
  }));
}

export interface TemporaryAccountRow {
  id: string;
  citizenId: string;
  region: string;
  poolingArea: string;
  keptInPoolingArea: string;
  openedByCase: string;
  openedOn: string;
  collectedOn: string | null;
  collectedInto: string | null;
  collectedThroughMonth: string | null;
  collectedMonths: number | null;
  collectionTrigger: string | null;
  collectedBy: string | null;
  collectedByCase: string | null;
  /** The spans the collection counted (null while open, or for a collection booked before they were kept). */
  collectedPeriods: AccountPeriod[] | null;
  /** The later transfer out of the kept place that moved the collected months on. */
  movedOnByCase: string | null;
}

/**
 * The person's temporary pension accounts (or the one a case opened), oldest first; `forUpdate` locks them, `forShare`
 * waits for a collection in flight (it holds them for update) and reads the account as that collection left it.
 */
export async function temporaryAccountsOf(
  em: EntityManager,
  where: { citizenId: string } | { openedByCase: string },
  options: { forUpdate?: boolean; forShare?: boolean } = {},
): Promise<TemporaryAccountRow[]> {
  const [column, value] = 'citizenId' in where ? ['citizen_id', where.citizenId] : ['opened_by_case', where.openedByCase];
  const rows = await em.execute<
    {
      id: string;
      citizen_id: string;
      region: string;
      pooling_area: string;
      kept_in_pooling_area: string;
      opened_by_case: string;
      opened_on: string;
      collected_on: string | null;
      collected_into: string | null;
      collected_through_month: string | null;
      collected_months: number | null;
      collection_trigger: string | null;
      collected_by: string | null;
      collected_by_case: string | null;
      collected_periods: AccountPeriod[] | null;
      moved_on_by_case: string | null;
    }[]
  >(
    `select id, citizen_id, region, pooling_area, kept_in_pooling_area, opened_by_case, to_char(opened_on, 'YYYY-MM-DD') as opened_on,
            to_char(collected_on, 'YYYY-MM-DD') as collected_on, collected_into, collected_through_month, collected_months, collection_trigger,
            collected_by, collected_by_case, collected_periods, moved_on_by_case
       from temporary_pension_account where ${column} = ? order by opened_on, created_at${options.forUpdate ? ' for update' : options.forShare ? ' for share' : ''}`,
    [value],
  );
  return rows.map((r) => ({
    id: r.id,
    citizenId: r.citizen_id,
    region: r.region,
    poolingArea: r.pooling_area,
    keptInPoolingArea: r.kept_in_pooling_area,
    openedByCase: r.opened_by_case,
    openedOn: r.opened_on,
    collectedOn: r.collected_on,
    collectedInto: r.collected_into,
    collectedThroughMonth: r.collected_through_month,
    collectedMonths: r.collected_months,
    collectionTrigger: r.collection_trigger,
    collectedBy: r.collected_by,
    collectedByCase: r.collected_by_case,
    collectedPeriods: r.collected_periods,
    movedOnByCase: r.moved_on_by_case,
  }));
}

/** The collected ones among the accounts, as a later transfer reads them (domain/transfer/temporary-account-collection.ts). */
export function collectedAccountsOf(accounts: readonly TemporaryAccountRow[]): CollectedAccount[] {
  return accounts.flatMap((a) =>
    a.collectedOn === null || a.collectedThroughMonth === null
      ? []
      : [
          {
            poolingArea: a.poolingArea,
            collectedInto: a.collectedInto ?? a.keptInPoolingArea,
            throughMonth: a.collectedThroughMonth,
            periods: a.collectedPeriods ?? [],
            movedOn: a.movedOnByCase !== null,
          },
        ],
  );
}

/** What completed transfers of the insurance moved into each place for the person (db: transfer_carried_history), oldest first. */
export async function transferredInOf(em: EntityManager, citizenId: string, insurance: TransferInsurance): Promise<TransferredIn[]> {
  const rows = await em.execute<
    {
      case_id: string;
      from_pooling_area: string;
      pooling_area: string;
      through_month: string;
      periods: AccountPeriod[];
      credits: AccountCredit[];
      moved_on_by_case: string | null;
    }[]
  >(
    `select case_id, from_pooling_area, pooling_area, through_month, periods, credits, moved_on_by_case
       from transfer_carried_history where citizen_id = ? and insurance = ? order by created_at, case_id`,
    [citizenId, insurance],
  );
  return rows.map((r) => ({
    byCase: r.case_id,
    from: r.from_pooling_area,
    into: r.pooling_area,
    throughMonth: r.through_month,
    periods: r.periods,
    credits: r.credits,
    movedOn: r.moved_on_by_case !== null,
  }));
}

/**
 * The spans a transfer of `insurance` out of `poolingArea` moves now (domain/transfer/carried-history.ts, one rule for
 * all): the place's records not moved yet, less what a collection out of it moved, plus what collections (pension) and
 * completed transfers carried into it and no later transfer moved on. Read by the case when it opens and by the
 * hand-over, which keeps what it carried for the next place.
 */
export async function periodsLeavingArea(
  em: EntityManager,
  q: { citizenId: string; insurance: TransferInsurance; poolingArea: string },
): Promise<PeriodsLeavingPlace> {
  const records = (await untransferredRecords(em, q.citizenId)).filter((r) => r.insuranceType === q.insurance && r.poolingArea === q.poolingArea);
  const [ownPeriods, accounts, transferredIn] = await Promise.all([
    accountPeriodsOf(em, records, q.insurance),
    // A collection in flight is waited for, so what the transfer counts is what its hand-over marks (no collection is
    // marked as moved on by a transfer that did not count it).
    q.insurance === 'pension' ? temporaryAccountsOf(em, { citizenId: q.citizenId }, { forShare: true }) : Promise.resolve([]),
    transferredInOf(em, q.citizenId, q.insurance),
  ]);
  return periodsLeavingPlace({ fromPoolingArea: q.poolingArea, ownPeriods, collected: collectedAccountsOf(accounts), transferredIn });
}

/** The person's open transfer of the insurance other than `exceptCase`, by reference (the newest), or null. */
export async function openTransferOf(em: EntityManager, citizenId: string, insurance: TransferInsurance, exceptCase: string): Promise<string | null> {
  const [row] = await em.execute<{ reference: string }[]>(
    `select reference from case_record where case_type = 'transfer' and citizen_id = ? and closed_at is null and summary->>'insurance' = ? and id <> ?
      order by opened_at desc limit 1`,
    [citizenId, insurance, exceptCase],
  );
  return row?.reference ?? null;
}
