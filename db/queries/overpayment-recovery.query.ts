import type { EntityManager } from '@mikro-orm/postgresql';
import type { OpenRecovery } from '../../domain/payroll/recovery-offset.js';

/*
 * Reads of an overpayment recovery (待遇多发追回, 社会保险经办条例 art. 46). What is still owed is the amount less the sum
 * of its ledger: one SQL expression (`BOOKED`), checked against the pure rule `outstandingOf` where a command decides.
 */

/** The sum of a recovery's ledger (`r` is the recovery). */
export const BOOKED = `coalesce((select sum(e.amount) from overpayment_recovery_entry e where e.recovery_id = r.id), 0)`;

/** What lines not yet paid withhold for the recovery: booked when the bank pays them, void when a line is stopped. */
const PENDING = `coalesce((select sum(w.amount) from payroll_line_withholding w join payroll_line l on l.line_key = w.line_key
  where w.recovery_id = r.id and l.status not in ('paid', 'stopped')
  and not exists (select 1 from overpayment_recovery_entry e where e.recovery_id = r.id and e.source_ref = 'line:' || w.line_key)), 0)`;

/** Since the agreement was made (an agreement written before the day was kept: since ever). */
const AGREED = `coalesce(r.plan_agreed_at, '-infinity'::timestamptz)`;

/**
 * What the agreement repays: the outstanding when it was agreed (kept since agreements keep it; else the amount less the
 * ledger before the agreement), less what was written off since.
 */
const PLAN_TOTAL = `coalesce(r.plan_total, r.amount - coalesce((select sum(e.amount) from overpayment_recovery_entry e
    where e.recovery_id = r.id and e.booked_at < ${AGREED}), 0))
  - coalesce((select sum(e.amount) from overpayment_recovery_entry e where e.recovery_id = r.id and e.kind = 'writeOff' and e.booked_at >= ${AGREED}), 0)`;

/**
 * What was collected under the agreement (domain/payroll/missed-instalments.ts): withheld by payroll lines of its months
 * that were not stopped or returned failed (paid, or still on the way; an offset booked before the agreement was made
 * is not counted again), and repaid directly since it was agreed.
 */
const COLLECTED = `coalesce((select sum(w.amount) from payroll_line_withholding w join payroll_line l on l.line_key = w.line_key
    where w.recovery_id = r.id and w.period >= r.plan_first_month and l.status not in ('stopped', 'failed')
    and not exists (select 1 from overpayment_recovery_entry e where e.recovery_id = r.id and e.source_ref = 'line:' || w.line_key
                    and e.booked_at < ${AGREED})), 0)
  + coalesce((select sum(e.amount) from overpayment_recovery_entry e where e.recovery_id = r.id and e.kind = 'repayment' and e.booked_at >= ${AGREED}), 0)`;

export interface RecoveryEntryRow {
  kind: 'offset' | 'repayment' | 'waiver' | 'writeOff';
  amount: string;
  sourceRef: string;
  note: string | null;
  recordedBy: string;
  bookedAt: Date;
}

export interface RecoveryRow {
  id: number;
  citizenId: string;
  entitlementId: string;
  region: string;
  caseId: string;
  cause: string;
  amount: string;
  months: string[];
  status: 'open' | 'closed' | 'waived';
  method: string | null;
  plan: {
    monthlyAmount: string;
    firstMonth: string;
    agreedBy: string | null;
    agreedAt: Date | null;
    /** What the agreement repays (the outstanding when agreed, less write-offs since). */
    total: string;
    /** Collected under it: withheld by lines of its months (not stopped or failed), repaid since it was agreed. */
    collected: string;
  } | null;
  /** Passed to legal action (移交司法) after missed instalments; null until then. */
  legalAction: { at: Date; by: string; note: string } | null;
  /** The chasing of missed instalments (催收), oldest first. */
  chases: ChaseRow[];
  /** The ledger's sum. */
  booked: string;
  /** Withheld by payroll lines the bank has not paid yet. */
  pending: string;
  openedAt: Date;
  closedAt: Date | null;
  /** A write-off (核销): who, why and on what legal basis; null unless `waived`. */
  waiver: { by: string; reason: string; legalBasis: string } | null;
  entries: RecoveryEntryRow[];
  /** Partial write-offs (部分核销), oldest first: proposed by one supervisor, decided by another. */
  writeOffs: WriteOffRow[];
}

export interface ChaseRow {
  id: number;
  missedMonth: string;
  taskId: string;
  status: 'open' | 'contacted' | 'replanned' | 'legalAction';
  openedAt: Date;
  note: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

export interface WriteOffRow {
  id: number;
  amount: string;
  reason: string;
  legalBasis: string;
  status: 'proposed' | 'approved' | 'rejected';
  proposedBy: string;
  proposedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionComment: string | null;
}

interface RawRecovery {
  id: string;
  citizen_id: string;
  entitlement_id: string;
  region: string;
  case_id: string;
  cause: string;
  amount: string;
  months: string[] | string;
  status: RecoveryRow['status'];
  method: string | null;
  plan_monthly_amount: string | null;
  plan_first_month: string | null;
  plan_agreed_by: string | null;
  plan_agreed_at: Date | string | null;
  plan_total: string | null;
  plan_collected: string | null;
  legal_action_at: Date | string | null;
  legal_action_by: string | null;
  legal_action_note: string | null;
  chases: RawChase[] | string;
  booked: string;
  pending: string;
  opened_at: Date | string;
  closed_at: Date | string | null;
  waived_by: string | null;
  waiver_reason: string | null;
  waiver_legal_basis: string | null;
  entries: { kind: RecoveryEntryRow['kind']; amount: string; source_ref: string; note: string | null; recorded_by: string; booked_at: string }[] | string;
  write_offs: RawWriteOff[] | string;
}

interface RawChase {
  id: number;
  missed_month: string;
  task_id: string;
  status: ChaseRow['status'];
  opened_at: string;
  note: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

interface RawWriteOff {
  id: number;
  amount: string;
  reason: string;
  legal_basis: string;
  status: WriteOffRow['status'];
  proposed_by: string;
  proposed_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_comment: string | null;
}

const SELECT = `select r.id, r.citizen_id, r.entitlement_id, r.region, r.case_id, r.cause, r.amount::text as amount, r.months, r.status, r.method,
  r.plan_monthly_amount::text as plan_monthly_amount, r.plan_first_month, r.plan_agreed_by, r.plan_agreed_at,
  case when r.plan_first_month is null then null else (${PLAN_TOTAL})::numeric(18,2)::text end as plan_total,
  case when r.plan_first_month is null then null else (${COLLECTED})::numeric(18,2)::text end as plan_collected,
  r.legal_action_at, r.legal_action_by, r.legal_action_note,
  coalesce((select json_agg(json_build_object('id', c.id, 'missed_month', c.missed_month, 'task_id', c.task_id, 'status', c.status,
            'opened_at', c.opened_at, 'note', c.note, 'decided_by', c.decided_by, 'decided_at', c.decided_at) order by c.id)
            from overpayment_recovery_chase c where c.recovery_id = r.id), '[]'::json) as chases,
  (${BOOKED})::numeric(18,2)::text as booked, (${PENDING})::numeric(18,2)::text as pending, r.opened_at, r.closed_at,
  r.waived_by, r.waiver_reason, r.waiver_legal_basis,
  coalesce((select json_agg(json_build_object('kind', e.kind, 'amount', e.amount::text, 'source_ref', e.source_ref, 'note', e.note,
            'recorded_by', e.recorded_by, 'booked_at', e.booked_at) order by e.id) from overpayment_recovery_entry e where e.recovery_id = r.id), '[]'::json) as entries,
  coalesce((select json_agg(json_build_object('id', w.id, 'amount', w.amount::text, 'reason', w.reason, 'legal_basis', w.legal_basis, 'status', w.status,
            'proposed_by', w.proposed_by, 'proposed_at', w.proposed_at, 'decided_by', w.decided_by, 'decided_at', w.decided_at,
            'decision_comment', w.decision_comment) order by w.id) from overpayment_write_off w where w.recovery_id = r.id), '[]'::json) as write_offs
  from overpayment_recovery r`;

/** A timestamptz as the driver gives it (a Date, or its text). */
const instant = (v: Date | string | null): Date | null => (v === null ? null : v instanceof Date ? v : new Date(v));

function rowOf(r: RawRecovery): RecoveryRow {
  const entries = typeof r.entries === 'string' ? (JSON.parse(r.entries) as Exclude<RawRecovery['entries'], string>) : r.entries;
  return {
    id: Number(r.id),
    citizenId: r.citizen_id,
    entitlementId: r.entitlement_id,
    region: r.region,
    caseId: r.case_id,
    cause: r.cause,
    amount: r.amount,
    months: typeof r.months === 'string' ? (JSON.parse(r.months) as string[]) : r.months,
    status: r.status,
    method: r.method,
    plan:
      r.plan_monthly_amount === null || r.plan_first_month === null
        ? null
        : {
            monthlyAmount: r.plan_monthly_amount,
            firstMonth: r.plan_first_month,
            agreedBy: r.plan_agreed_by,
            agreedAt: instant(r.plan_agreed_at),
            total: r.plan_total ?? '0.00',
            collected: r.plan_collected ?? '0.00',
          },
    legalAction:
      r.legal_action_at === null || r.legal_action_by === null
        ? null
        : { at: instant(r.legal_action_at)!, by: r.legal_action_by, note: r.legal_action_note ?? '' },
    chases: (typeof r.chases === 'string' ? (JSON.parse(r.chases) as RawChase[]) : r.chases).map((c) => ({
      id: Number(c.id),
      missedMonth: c.missed_month,
      taskId: c.task_id,
      status: c.status,
      openedAt: new Date(c.opened_at),
      note: c.note,
      decidedBy: c.decided_by,
      decidedAt: instant(c.decided_at),
    })),
    booked: r.booked,
    pending: r.pending,
    openedAt: instant(r.opened_at)!,
    closedAt: instant(r.closed_at),
    waiver:
      r.waived_by === null || r.waiver_reason === null || r.waiver_legal_basis === null
        ? null
        : { by: r.waived_by, reason: r.waiver_reason, legalBasis: r.waiver_legal_basis },
    entries: entries.map((e) => ({
      kind: e.kind,
      amount: Number(e.amount).toFixed(2),
      sourceRef: e.source_ref,
      note: e.note,
      recordedBy: e.recorded_by,
      bookedAt: new Date(e.booked_at),
    })),
    writeOffs: (typeof r.write_offs === 'string' ? (JSON.parse(r.write_offs) as RawWriteOff[]) : r.write_offs).map((w) => ({
      id: Number(w.id),
      amount: Number(w.amount).toFixed(2),
      reason: w.reason,
      legalBasis: w.legal_basis,
      status: w.status,
      proposedBy: w.proposed_by,
      proposedAt: new Date(w.proposed_at),
      decidedBy: w.decided_by,
      decidedAt: instant(w.decided_at),
      decisionComment: w.decision_comment,
    })),
  };
}

/** One recovery with its ledger, or null. `lock`: for update (a command about to book against it). */
export async function findRecovery(em: EntityManager, id: number, lock = false): Promise<RecoveryRow | null> {
  if (lock) await em.execute(`select 1 from overpayment_recovery where id = ? for update`, [id]);
  const [row] = await em.execute<RawRecovery[]>(`${SELECT} where r.id = ?`, [id]);
  return row ? rowOf(row) : null;
}

/** These recoveries with their ledgers, newest first. */
export async function recoveriesByIds(em: EntityManager, ids: readonly number[]): Promise<RecoveryRow[]> {
  if (ids.length === 0) return [];
  const rows = await em.execute<RawRecovery[]>(`${SELECT} where r.id = any(?::bigint[]) order by r.id desc`, [`{${ids.join(',')}}`]);
  return rows.map(rowOf);
}

/**
 * The open recoveries of these people as the payroll of `period` collects them: what each may still withhold (amount
 * less its ledger less what unpaid lines already withhold) and what lines of the month already withhold under an
 * instalment agreement. Two statements per chunk, in the chunk's transaction (`tx`): the first locks the rows
 * (`for update`, in id order so two chunks never deadlock), the second reads the balances in a snapshot taken after the
 * locks — a repayment or write-off that held one has committed and is seen, and one asked now waits for the chunk's
 * withholdings and sees them. So the withholding and the repayment serialise on the recovery and the two together never
 * take more than is owed (docs/payroll.md "Recovering an overpayment").
 */
export async function openRecoveriesFor(tx: EntityManager, citizenIds: readonly string[], period: string): Promise<OpenRecovery[]> {
  if (citizenIds.length === 0) return [];
  const people = `{${citizenIds.join(',')}}`;
  // Read committed: a lock that waited re-checks the row, but the statement's subqueries keep its old snapshot, so the
  // balances are read by a statement of their own.
  const locked = await tx.execute<{ id: string }[]>(
    `select id from overpayment_recovery where status = 'open' and citizen_id = any(?::text[]) order by id for update`,
    [people],
  );
  if (locked.length === 0) return [];
  const rows = await tx.execute<
    { id: string; citizen_id: string; available: string; plan_monthly_amount: string | null; plan_first_month: string | null; taken: string }[]
  >(
    `select r.id, r.citizen_id, (r.amount - ${BOOKED} - ${PENDING})::numeric(18,2)::text as available,
       r.plan_monthly_amount::text as plan_monthly_amount, r.plan_first_month,
       coalesce((select sum(w.amount) from payroll_line_withholding w join payroll_line l on l.line_key = w.line_key
                 where w.recovery_id = r.id and w.period = ? and l.status <> 'stopped'), 0)::numeric(18,2)::text as taken
     from overpayment_recovery r where r.status = 'open' and r.id = any(?::bigint[]) order by r.id`,
    [period, `{${locked.map((l) => l.id).join(',')}}`],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    citizenId: r.citizen_id,
    available: r.available,
    agreement: r.plan_monthly_amount === null || r.plan_first_month === null ? null : { monthlyAmount: r.plan_monthly_amount, firstMonth: r.plan_first_month },
    takenThisPeriod: r.taken,
  }));
}

/** An open recovery under an instalment agreement, as the missed-instalment sweep follows it up. */
export interface AgreedRecoveryRow {
  id: number;
  citizenId: string;
  region: string;
  caseId: string;
  monthlyAmount: string;
  firstMonth: string;
  total: string;
  collected: string;
  /** The month the last chase under this agreement named (a chase of a month before its first month is of an earlier one). */
  lastChased: string | null;
}

/**
 * The open recoveries under an agreement whose first month is before `month` (of `scope.region`, or every region; or the
 * one `scope.id`), not passed to legal action and with no chase open: the ones the missed-instalment sweep looks at.
 * One statement.
 */
export async function agreedRecoveriesToFollowUp(
  em: EntityManager,
  month: string,
  scope: { region: string | null; id?: number },
): Promise<AgreedRecoveryRow[]> {
  const rows = await em.execute<
    {
      id: string;
      citizen_id: string;
      region: string;
      case_id: string;
      monthly: string;
      first_month: string;
      total: string;
      collected: string;
      last_chased: string | null;
    }[]
  >(
    `select r.id, r.citizen_id, r.region, r.case_id, r.plan_monthly_amount::text as monthly, r.plan_first_month as first_month,
       (${PLAN_TOTAL})::numeric(18,2)::text as total, (${COLLECTED})::numeric(18,2)::text as collected,
       (select max(c.missed_month) from overpayment_recovery_chase c where c.recovery_id = r.id and c.missed_month >= r.plan_first_month) as last_chased
     from overpayment_recovery r
     where r.status = 'open' and r.plan_first_month is not null and r.plan_monthly_amount is not null and r.plan_first_month < ?
       and r.legal_action_at is null and (?::text is null or r.region = ?) and (?::bigint is null or r.id = ?)
       and not exists (select 1 from overpayment_recovery_chase c where c.recovery_id = r.id and c.status = 'open')
     order by r.id`,
    [month, scope.region, scope.region, scope.id ?? null, scope.id ?? null],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    citizenId: r.citizen_id,
    region: r.region,
    caseId: r.case_id,
    monthlyAmount: r.monthly,
    firstMonth: r.first_month,
    total: r.total,
    collected: r.collected,
    lastChased: r.last_chased,
  }));
}
