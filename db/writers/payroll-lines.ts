import type { EntityManager } from '@mikro-orm/postgresql';
import type { Suspension } from '../../domain/payroll/entitlement.js';
import { type EntitlementRow, gatherLines } from '../../domain/payroll/payroll-gathering.js';
import { settleDifferences } from '../../domain/payroll/difference-settlement.js';
import { withholdRecoveries } from '../../domain/payroll/recovery-offset.js';
import { openRecoveriesFor } from '../queries/overpayment-recovery.query.js';
import { payrollOverpaymentPolicy } from '../queries/payroll.query.js';
import { appendAudit, appendTimeline } from './case-log.js';
import { recordWithholdings } from './overpayment-recoveries.js';
import { openDifferencesOf, recordSettlements } from './pension-differences.js';

/*
 * The payroll's writes to `payroll_line`, `payroll` (progress) and `disbursement_ledger` (docs/payroll.md). Every one is
 * set-based — one query per chunk of entitlements, never one per line — and idempotent: a line's key is unique across
 * every payroll, ledger entries carry a dedupe key, and progress counters only count rows an insert really wrote.
 */

export interface GatherChunk {
  payrollId: string;
  region: string;
  period: string;
  /** The last entitlement ID of the previous chunk (keyset paging), or null for the first chunk. */
  after: string | null;
  /** The lane's end: only IDs before it (payroll.workflow.ts gathers slices of the IDs at once); absent or null: no end. */
  before?: string | null;
  limit: number;
}

export interface ChunkResult {
  /** Where the next chunk starts; null when this was the last one. */
  next: string | null;
  seen: number;
  gathered: number;
  held: number;
}

interface RawRow {
  id: string;
  case_id: string;
  citizen_id: string;
  claim_type: string;
  benefit: string;
  kind: 'monthly' | 'oneOff';
  amount: string;
  start_month: string;
  end_month: string | null;
  first_payroll_month: string;
  death_date: string | null;
  imprisonments: { from: string; to: string | null }[] | string;
  other_pension: string | null;
  new_enrollment_month: string | null;
  bank_code: string | null;
  bank_account: string | null;
  payee_name: string | null;
  suspensions: Suspension[] | string;
}

const PENSIONS = `('basicPension', 'accountPension', 'transitionalPension')`;

// The entitlements of one chunk with every fact the controls need, each from an index lookup on the person.
const CHUNK_SQL = `
select e.id, e.case_id, e.citizen_id, e.claim_type, e.benefit, e.kind, e.amount::text as amount, e.start_month, e.end_month,
  e.first_payroll_month, d.death_date::text as death_date,
  coalesce((select json_agg(json_build_object('from', i.from_date::text, 'to', i.to_date::text)) from imprisonment_record i
            where i.citizen_id = e.citizen_id), '[]'::json) as imprisonments,
  case when e.benefit in ${PENSIONS} then (select o.id from benefit_entitlement o where o.citizen_id = e.citizen_id
       and o.case_id <> e.case_id and o.benefit = 'basicPension' and o.status = 'active' and o.payer = 'fund' limit 1) end as other_pension,
  case when e.benefit = 'unemploymentBenefit' then (select max(r.start_month) from insurance_record r where r.citizen_id = e.citizen_id
       and r.personnel_category = 'employee' and r.start_month > e.start_month) end as new_enrollment_month,
  a.bank_code, a.bank_account, coalesce(a.holder_name, p.name) as payee_name,
  coalesce((select json_agg(json_build_object('from', s.from_month, 'to', s.to_month, 'reason', s.reason, 'resumedIn', s.resumed_in,
            'backPay', s.back_pay)) from benefit_suspension s where s.entitlement_id = e.id), '[]'::json) as suspensions
from benefit_entitlement e
left join death_record d on d.citizen_id = e.citizen_id
left join beneficiary_account a on a.citizen_id = e.citizen_id
left join person p on p.citizen_id = e.citizen_id
where e.region = ? and e.payer = 'fund' and e.status = 'active' and e.kind in ('monthly', 'oneOff') and e.id > ? and (?::uuid is null or e.id < ?::uuid)
  and e.first_payroll_month <= ?
  and (e.kind = 'oneOff' or e.end_month is null or e.end_month >= ? or e.first_payroll_month = ?)
  and not (e.kind = 'oneOff' and exists (select 1 from payroll_line l where l.line_key = e.id::text || ':oneOff'))
order by e.id limit ?`;

function rowOf(r: RawRow): EntitlementRow {
  const imprisonments = typeof r.imprisonments === 'string' ? (JSON.parse(r.imprisonments) as EntitlementRow['imprisonments']) : r.imprisonments;
  return {
    id: r.id,
    caseId: r.case_id,
    citizenId: r.citizen_id,
    claimType: r.claim_type,
    benefit: r.benefit,
    kind: r.kind,
    amount: r.amount,
    startMonth: r.start_month,
    endMonth: r.end_month,
    firstPayrollMonth: r.first_payroll_month,
    deathDate: r.death_date,
    imprisonments,
    otherPensionEntitlementId: r.other_pension,
    newEnrollmentOn: r.new_enrollment_month === null ? null : `${r.new_enrollment_month}-01`,
    bankCode: r.bank_code,
    bankAccount: r.bank_account,
    payeeName: r.payee_name,
    // 待遇资格认证 (§8): an open suspension pays nothing; a closed one pays its months back in its resumption month.
    suspensions: typeof r.suspensions === 'string' ? (JSON.parse(r.suspensions) as Suspension[]) : r.suspensions,
  };
}

/**
 * Gathers one chunk: reads the entitlements with their facts, builds and checks the lines (domain/payroll/
 * payroll-gathering.ts), writes them in one insert (a line already in any payroll is skipped), and adds what was really
 * written to the payroll's progress — all in one transaction, so a retried chunk counts nothing twice.
 */
export async function gatherPayrollChunk(em: EntityManager, chunk: GatherChunk): Promise<ChunkResult> {
  return em.transactional(async (tx) => {
    const raw = await tx.execute<RawRow[]>(CHUNK_SQL, [
      chunk.region,
      chunk.after ?? '00000000-0000-0000-0000-000000000000',
      chunk.before ?? null,
      chunk.before ?? null,
      chunk.period,
      chunk.period,
      chunk.period,
      chunk.limit,
    ]);
    const policy = await payrollOverpaymentPolicy(tx, chunk.payrollId);
    // A recalculation's differences (补发 / 补扣) ride on the chunk's own lines: a statement of their own, same transaction.
    const due = gatherLines(raw.map(rowOf), chunk.period);
    const settled = settleDifferences(due, await openDifferencesOf(tx, [...new Set(due.map((l) => l.entitlementId))]), chunk.period, policy);
    // An open overpayment recovery of the person is withheld from their lines (社会保险经办条例 art. 46), same transaction.
    const recoveries = await openRecoveriesFor(tx, [...new Set(settled.lines.map((l) => l.citizenId))], chunk.period);
    const collected = withholdRecoveries(settled.lines, recoveries, chunk.period, policy);
    const lines = collected.lines;
    let gathered = 0;
    let held = 0;
    if (lines.length > 0) {
      const records = lines.map((l) => ({
        k: l.lineKey,
        e: l.entitlementId,
        c: l.citizenId,
        b: l.benefit,
        n: l.kind,
        m: l.months,
        pm: l.paidMonths ?? null,
        a: l.amount,
        s: l.holds.length > 0 ? 'held' : 'due',
        h: l.holds.length > 0 ? l.holds : null,
        bc: l.bankCode,
        ba: l.bankAccount,
        p: l.payeeName,
        w: l.workings,
      }));
      // The keys really written matter only to the withholdings (a retried chunk writes none twice); most chunks have none.
      const keysWritten = collected.withholdings.length > 0 ? 'array_agg(line_key)' : 'null::text[]';
      const [written] = await tx.execute<{ gathered: string; held: string; due_total: string | null; held_total: string | null; keys: string[] | null }[]>(
        `with ins as (
           insert into payroll_line (line_key, payroll_id, entitlement_id, citizen_id, region, benefit, kind, period, months, paid_months, amount, status,
             hold_reasons, bank_code, bank_account, payee_name, workings, attempt)
           select x.k, ?, x.e, x.c, ?, x.b, x.n, ?, x.m, x.pm, x.a, x.s, x.h, x.bc, x.ba, x.p, x.w, 1
           from json_to_recordset(?::json) as x(k text, e uuid, c text, b text, n text, m int, pm jsonb, a numeric, s text, h jsonb, bc text, ba text, p text, w jsonb)
           on conflict (line_key) do nothing returning line_key, status, amount)
         select count(*) as gathered, count(*) filter (where status = 'held') as held, ${keysWritten} as keys,
           sum(amount) filter (where status = 'due') as due_total, sum(amount) filter (where status = 'held') as held_total from ins`,
        [chunk.payrollId, chunk.region, chunk.period, JSON.stringify(records)],
      );
      await recordSettlements(tx, chunk.payrollId, settled.settlements);
      const keys = new Set(written!.keys ?? []);
      await recordWithholdings(tx, { payrollId: chunk.payrollId, period: chunk.period, withholdings: collected.withholdings, written: keys });
      gathered = Number(written!.gathered);
      held = Number(written!.held);
      await tx.execute(
        `update payroll set lines_gathered = lines_gathered + ?, lines_checked = lines_checked + ?, lines_held = lines_held + ?,
           due_total = due_total + ?, held_total = held_total + ? where case_id = ?`,
        [gathered, gathered, held, written!.due_total ?? '0', written!.held_total ?? '0', chunk.payrollId],
      );
    }
    await tx.execute(`update payroll set entitlements_seen = entitlements_seen + ? where case_id = ?`, [raw.length, chunk.payrollId]);
    return { next: raw.length < chunk.limit ? null : raw.at(-1)!.id, seen: raw.length, gathered, held };
  });
}

/**
 * The start of a payroll: counts the region's entitlements (the progress bar's whole) and takes over the lines an
 * earlier payroll of the region carried forward (released after its approval, or failed and corrected). Idempotent:
 * a line already taken over belongs to this payroll and is not carried any more.
 */
export async function startPayrollGathering(em: EntityManager, payroll: { payrollId: string; region: string }, at: Date): Promise<{ carried: number }> {
  return em.transactional(async (tx) => {
    const [count] = await tx.execute<{ n: string }[]>(
      `select count(*) as n from benefit_entitlement where region = ? and payer = 'fund' and status = 'active' and kind in ('monthly', 'oneOff')`,
      [payroll.region],
    );
    // A carried line is a decided one (released after approval, or a failed line to retry): the small partial index
    // `payroll_line_decided` finds them without reading the region's every line.
    const [carried] = await tx.execute<{ n: string; total: string | null }[]>(
      `with moved as (update payroll_line set payroll_id = ?, status = 'due', attempt = attempt + 1, task_id = null
         where region = ? and decided_by is not null and status = 'carried' and payroll_id <> ? returning amount)
       select count(*) as n, sum(amount) as total from moved`,
      [payroll.payrollId, payroll.region, payroll.payrollId],
    );
    const n = Number(carried!.n);
    await tx.execute(
      `update payroll set entitlements_total = ?, lines_gathered = lines_gathered + ?, lines_checked = lines_checked + ?, due_total = due_total + ?
       where case_id = ?`,
      [Number(count!.n), n, n, carried!.total ?? '0', payroll.payrollId],
    );
    if (n > 0) {
      await appendTimeline(tx, {
        caseId: payroll.payrollId,
        key: `${payroll.payrollId}:carried`,
        at,
        actor: 'system',
        action: 'payroll.carriedIn',
        detail: { lines: n, total: carried!.total },
      });
    }
    return { carried: n };
  });
}

/** Gathering is over: the time is kept, and the timeline says what came out. */
export async function finishPayrollGathering(em: EntityManager, payrollId: string, at: Date): Promise<void> {
  await em.transactional(async (tx) => {
    const [p] = await tx.execute<{ lines_gathered: number; lines_held: number; due_total: string; held_total: string }[]>(
      `update payroll set gathered_at = coalesce(gathered_at, ?) where case_id = ? returning lines_gathered, lines_held, due_total::text, held_total::text`,
      [at, payrollId],
    );
    await appendTimeline(tx, { caseId: payrollId, key: `${payrollId}:gathered`, at, actor: 'system', action: 'payroll.gathered', detail: { ...p } });
  });
}

/**
 * The approved batch goes out: every due line becomes `sent` with a `sent` entry in the disbursement ledger, in one
 * transaction. A retry finds no due line and books nothing again (the ledger's dedupe key holds even so).
 */
export async function sendPayrollBatch(
  em: EntityManager,
  batch: { payrollId: string; region: string; approvedBy: string },
  at: Date,
): Promise<{ lines: number; total: string }> {
  return em.transactional(async (tx) => {
    await stampApproval(tx, batch, at);
    const [sent] = await tx.execute<{ n: string; total: string | null }[]>(
      `with sent as (update payroll_line set status = 'sent' where payroll_id = ? and status = 'due'
                     returning payroll_id, line_key, citizen_id, amount, attempt),
         booked as (insert into disbursement_ledger (payroll_id, line_key, citizen_id, entry, amount, dedupe_key, booked_at)
                     select payroll_id, line_key, citizen_id, 'sent', amount, line_key || ':' || attempt || ':sent', ? from sent
                     on conflict (dedupe_key) do nothing returning amount)
       select count(*) as n, sum(amount)::text as total from booked`,
      [batch.payrollId, at],
    );
    return auditSent(tx, batch, at, { lines: Number(sent!.n), total: sent!.total ?? '0.00' });
  });
}

/**
 * One lane of the approved batch (the lines of the entitlement IDs after `after` and before `before`): every due line
 * becomes `sent` with a `sent` entry in the disbursement ledger, in one transaction. The workflow sends the lanes at
 * once and then {@link finishPayrollSend}; the bank file waits for that (it needs the approval stamp). A retry finds
 * no due line of its lane and books nothing again (the ledger's dedupe key holds even so).
 */
export async function sendPayrollLines(
  em: EntityManager,
  lane: { payrollId: string; after: string | null; before: string | null },
  at: Date,
): Promise<{ lines: number }> {
  return em.transactional(async (tx) => {
    const [sent] = await tx.execute<{ n: string }[]>(
      `with sent as (update payroll_line set status = 'sent'
                     where payroll_id = ? and status = 'due' and entitlement_id > ? and (?::uuid is null or entitlement_id < ?::uuid)
                     returning payroll_id, line_key, citizen_id, amount, attempt),
         booked as (insert into disbursement_ledger (payroll_id, line_key, citizen_id, entry, amount, dedupe_key, booked_at)
                     select payroll_id, line_key, citizen_id, 'sent', amount, line_key || ':' || attempt || ':sent', ? from sent
                     on conflict (dedupe_key) do nothing returning 1)
       select count(*) as n from booked`,
      [lane.payrollId, lane.after ?? '00000000-0000-0000-0000-000000000000', lane.before, lane.before, at],
    );
    return { lines: Number(sent!.n) };
  });
}

/**
 * The approved batch is out once every lane is sent: the approval is stamped (the bank file exists from then on) and
 * audited with what the ledger booked as sent for this payroll, which a retried lane does not change.
 */
export async function finishPayrollSend(
  em: EntityManager,
  batch: { payrollId: string; region: string; approvedBy: string },
  at: Date,
): Promise<{ lines: number; total: string }> {
  return em.transactional(async (tx) => {
    await stampApproval(tx, batch, at);
    const [sent] = await tx.execute<{ n: string; total: string | null }[]>(
      `select count(*) as n, sum(amount)::text as total from disbursement_ledger where payroll_id = ? and entry = 'sent'`,
      [batch.payrollId],
    );
    return auditSent(tx, batch, at, { lines: Number(sent!.n), total: sent!.total ?? '0.00' });
  });
}

type ApprovedBatch = { payrollId: string; region: string; approvedBy: string };

/** The approval's stamp on the payroll (kept when already set: a retried send changes nothing); the bank file needs it. */
async function stampApproval(tx: EntityManager, batch: ApprovedBatch, at: Date): Promise<void> {
  await tx.execute(`update payroll set approved_by = coalesce(approved_by, ?), approved_at = coalesce(approved_at, ?) where case_id = ?`, [
    batch.approvedBy,
    at,
    batch.payrollId,
  ]);
}

/** The `payroll.sent` audit entry with what the ledger booked as sent (one per payroll: its key). */
async function auditSent(
  tx: EntityManager,
  batch: ApprovedBatch,
  at: Date,
  result: { lines: number; total: string },
): Promise<{ lines: number; total: string }> {
  await appendAudit(tx, {
    at,
    actorId: batch.approvedBy,
    actorRole: 'supervisor',
    region: batch.region,
    action: 'payroll.sent',
    objectType: 'Case',
    objectId: batch.payrollId,
    detail: result,
    key: `${batch.payrollId}:sent`,
  });
  return result;
}
