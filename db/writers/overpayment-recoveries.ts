import type { EntityManager } from '@mikro-orm/postgresql';
import type { Withholding } from '../../domain/payroll/recovery-offset.js';
import { BOOKED } from '../queries/overpayment-recovery.query.js';
import { appendAudit } from './case-log.js';

/*
 * The writes that collect an overpayment recovery (待遇多发追回, 社会保险经办条例 art. 46; docs/payroll.md "Recovering an
 * overpayment"): what a payroll line withholds (with the line), its booking into the append-only ledger when the bank
 * pays the line, a repayment, an instalment agreement, and the closing — status, notice to the person, audit entry —
 * once the ledger reaches the amount. Every booking is unique by its source, so a retry books nothing twice.
 */

/**
 * What the lines a payroll chunk really wrote withhold (`written`: the keys its insert returned — a retried chunk's
 * lines were written by the first attempt, with the first attempt's withholdings, and get nothing new).
 */
export async function recordWithholdings(
  tx: EntityManager,
  w: { payrollId: string; period: string; withholdings: readonly Withholding[]; written: ReadonlySet<string> },
): Promise<void> {
  const rows = w.withholdings.filter((x) => w.written.has(x.lineKey));
  if (rows.length === 0) return;
  await tx.execute(
    `insert into payroll_line_withholding (line_key, recovery_id, payroll_id, period, amount)
     select x.k, x.r, ?, ?, x.a from json_to_recordset(?::json) as x(k text, r bigint, a numeric)
     on conflict do nothing`,
    [w.payrollId, w.period, JSON.stringify(rows.map((x) => ({ k: x.lineKey, r: x.recoveryId, a: x.amount })))],
  );
}

/** Who acts, for the ledger and the audit entries. */
export interface RecoveryActor {
  id: string;
  role: string;
  requestId: string | null;
}

/**
 * Books what the paid lines of a payroll withheld as `offset` entries (source `line:<line key>`: once per line and
 * recovery, however often the return is imported), then closes what they settled. A failed or unpaid line books
 * nothing. Returns the recoveries closed.
 */
export async function bookPaidWithholdings(tx: EntityManager, payrollId: string, actor: RecoveryActor, at: Date): Promise<number[]> {
  const booked = await tx.execute<{ recovery_id: string }[]>(
    `insert into overpayment_recovery_entry (recovery_id, kind, amount, source_ref, note, recorded_by, booked_at)
     select w.recovery_id, 'offset', w.amount, 'line:' || w.line_key, 'withheld from the payroll of ' || w.period, ?, ?
     from payroll_line_withholding w join payroll_line l on l.line_key = w.line_key
     where l.payroll_id = ? and l.status = 'paid'
     on conflict (recovery_id, source_ref) do nothing returning recovery_id`,
    [actor.id, at, payrollId],
  );
  return closeSettledRecoveries(tx, [...new Set(booked.map((b) => Number(b.recovery_id)))], actor, at);
}

/** A repayment by the person (退还), booked once per source. Returns whether it was new. */
export async function bookRepayment(
  tx: EntityManager,
  r: { recoveryId: number; amount: string; sourceRef: string; note: string | null; region: string },
  actor: RecoveryActor,
  at: Date,
): Promise<boolean> {
  const [row] = await tx.execute<{ id: string }[]>(
    `insert into overpayment_recovery_entry (recovery_id, kind, amount, source_ref, note, recorded_by, booked_at)
     values (?, 'repayment', ?, ?, ?, ?, ?) on conflict (recovery_id, source_ref) do nothing returning id`,
    [r.recoveryId, r.amount, r.sourceRef, r.note, actor.id, at],
  );
  if (!row) return false;
  await appendAudit(tx, {
    at,
    actorId: actor.id,
    actorRole: actor.role,
    region: r.region,
    action: 'overpaymentRecovery.repayment',
    objectType: 'OverpaymentRecovery',
    objectId: String(r.recoveryId),
    requestId: actor.requestId,
    detail: { amount: r.amount, entry: Number(row.id) },
    key: `overpaymentRecovery:${r.recoveryId}:${r.sourceRef}`,
  });
  return true;
}

/**
 * An instalment agreement (退还协议, art. 46): the payroll withholds `monthlyAmount` from `firstMonth` instead of the share,
 * until `total` (the outstanding when agreed) is repaid.
 */
export async function agreeInstalmentPlan(
  tx: EntityManager,
  p: { recoveryId: number; region: string; monthlyAmount: string; firstMonth: string; total: string; workings: string[] },
  actor: RecoveryActor,
  at: Date,
): Promise<void> {
  await tx.execute(
    `update overpayment_recovery set method = 'instalments', plan_monthly_amount = ?, plan_first_month = ?, plan_agreed_by = ?, plan_agreed_at = ?,
       plan_total = ? where id = ? and status = 'open'`,
    [p.monthlyAmount, p.firstMonth, actor.id, at, p.total, p.recoveryId],
  );
  await appendAudit(tx, {
    at,
    actorId: actor.id,
    actorRole: actor.role,
    region: p.region,
    action: 'overpaymentRecovery.instalmentPlan',
    objectType: 'OverpaymentRecovery',
    objectId: String(p.recoveryId),
    requestId: actor.requestId,
    detail: { monthlyAmount: p.monthlyAmount, firstMonth: p.firstMonth, workings: p.workings },
  });
}

/**
 * Closes every one of these open recoveries whose ledger has reached its amount: status `closed`, a notice to the person
 * (`overpayment_recovered`, notice outbox) and an audit entry, each once by its key. It first locks the recoveries in a
 * statement of its own, in id order — the order a payroll chunk locks a person's recoveries in (`openRecoveriesFor`) —
 * so a bank return closing recoveries while a chunk of the next payroll withholds for the same ones never holds one the
 * chunk waits for while waiting for one the chunk holds (no deadlock, whatever plan the update would take); the closing
 * statement then reads the ledger after the locks. Returns the closed.
 */
export async function closeSettledRecoveries(tx: EntityManager, ids: readonly number[], actor: RecoveryActor, at: Date): Promise<number[]> {
  if (ids.length === 0) return [];
  await tx.execute(`select id from overpayment_recovery where id = any(?::bigint[]) and status = 'open' order by id for update`, [`{${ids.join(',')}}`]);
  const rows = await tx.execute<{ id: string }[]>(
    `with closed as (
       update overpayment_recovery r set status = 'closed', closed_at = ?
       where r.id = any(?::bigint[]) and r.status = 'open' and r.amount - ${BOOKED} <= 0
       returning r.id, r.citizen_id, r.case_id, r.region, r.amount, r.cause),
     noticed as (
       insert into notice_outbox (id, case_id, recipient_kind, recipient_id, channel, kind, payload, created_at, dedupe_key)
       select gen_random_uuid(), c.case_id, 'citizen', c.citizen_id, 'sms', 'overpayment_recovered',
         jsonb_build_object('recovery', c.id, 'amount', c.amount::text, 'cause', c.cause), ?, 'overpaymentRecovery:closed:' || c.id
       from closed c on conflict (dedupe_key) do nothing returning 1),
     audited as (
       insert into audit_entry (at, actor_id, actor_role, region, action, object_type, object_id, request_id, detail, dedupe_key)
       select ?, ?, ?, c.region, 'overpaymentRecovery.closed', 'OverpaymentRecovery', c.id::text, ?,
         jsonb_build_object('amount', c.amount::text, 'cause', c.cause), 'overpaymentRecovery:closed:' || c.id
       from closed c on conflict (dedupe_key) do nothing returning 1)
     select id from closed`,
    [at, `{${ids.join(',')}}`, at, at, actor.id, actor.role, actor.requestId],
  );
  return rows.map((r) => Number(r.id));
}

/**
 * Writes off what is still owed (核销): one `waiver` entry of `amount` (source `waiver`, at most one per recovery by the
 * index `overpayment_recovery_entry_one_waiver`), the recovery `waived` with who, why and the legal basis, a notice to
 * the person (`overpayment_waived`) and an audit entry. The caller holds the recovery's row lock and has checked it is
 * open and that `amount` is its outstanding.
 */
export async function waiveRecovery(
  tx: EntityManager,
  w: { recoveryId: number; region: string; citizenId: string; caseId: string; cause: string; amount: string; reason: string; legalBasis: string },
  actor: RecoveryActor,
  at: Date,
): Promise<void> {
  await tx.execute(
    `insert into overpayment_recovery_entry (recovery_id, kind, amount, source_ref, note, recorded_by, booked_at)
     values (?, 'waiver', ?, 'waiver', ?, ?, ?)`,
    [w.recoveryId, w.amount, w.reason.slice(0, 200), actor.id, at],
  );
  await tx.execute(
    `update overpayment_recovery set status = 'waived', closed_at = ?, waived_by = ?, waiver_reason = ?, waiver_legal_basis = ?
     where id = ? and status = 'open'`,
    [at, actor.id, w.reason, w.legalBasis, w.recoveryId],
  );
  await tx.execute(
    `insert into notice_outbox (id, case_id, recipient_kind, recipient_id, channel, kind, payload, created_at, dedupe_key)
     values (gen_random_uuid(), ?, 'citizen', ?, 'sms', 'overpayment_waived', ?, ?, ?) on conflict (dedupe_key) do nothing`,
    [
      w.caseId,
      w.citizenId,
      JSON.stringify({ recovery: w.recoveryId, amount: w.amount, cause: w.cause, legalBasis: w.legalBasis }),
      at,
      `overpaymentRecovery:waived:${w.recoveryId}`,
    ],
  );
  await appendAudit(tx, {
    at,
    actorId: actor.id,
    actorRole: actor.role,
    region: w.region,
    action: 'overpaymentRecovery.waived',
    objectType: 'OverpaymentRecovery',
    objectId: String(w.recoveryId),
    requestId: actor.requestId,
    detail: { amount: w.amount, reason: w.reason, legalBasis: w.legalBasis },
    key: `overpaymentRecovery:waived:${w.recoveryId}`,
  });
}

/**
 * Proposes a partial write-off (部分核销) of `amount`, waiting for another supervisor's decision, with an audit entry.
 * Returns the proposal's id, or null when another proposal of the recovery is still waiting (the partial unique index
 * `overpayment_write_off_one_proposed`). The caller holds the recovery's row lock and has checked the amount.
 */
export async function proposeWriteOff(
  tx: EntityManager,
  w: { recoveryId: number; region: string; amount: string; reason: string; legalBasis: string },
  actor: RecoveryActor,
  at: Date,
): Promise<number | null> {
  const [row] = await tx.execute<{ id: string }[]>(
    `insert into overpayment_write_off (recovery_id, amount, reason, legal_basis, status, proposed_by, proposed_at)
     values (?, ?, ?, ?, 'proposed', ?, ?) on conflict (recovery_id) where status = 'proposed' do nothing returning id`,
    [w.recoveryId, w.amount, w.reason, w.legalBasis, actor.id, at],
  );
  if (!row) return null;
  await appendAudit(tx, {
    at,
    actorId: actor.id,
    actorRole: actor.role,
    region: w.region,
    action: 'overpaymentRecovery.writeOffProposed',
    objectType: 'OverpaymentRecovery',
    objectId: String(w.recoveryId),
    requestId: actor.requestId,
    detail: { writeOff: Number(row.id), amount: w.amount, reason: w.reason, legalBasis: w.legalBasis },
  });
  return Number(row.id);
}

/**
 * Decides a proposed partial write-off: approved, one `writeOff` ledger entry of its amount (source `write-off:<id>`, once
 * by the ledger's unique source), a notice to the person (`overpayment_written_off_part`) and the recovery closed when
 * nothing is left; rejected, nothing booked. The proposal records who decided, when and why; an audit entry either way.
 * The caller holds the recovery's row lock and has checked four eyes and, to approve, the amount.
 */
export async function decideWriteOff(
  tx: EntityManager,
  d: { recoveryId: number; writeOffId: number; region: string; citizenId: string; caseId: string; amount: string; approve: boolean; comment: string | null },
  actor: RecoveryActor,
  at: Date,
): Promise<void> {
  await tx.execute(`update overpayment_write_off set status = ?, decided_by = ?, decided_at = ?, decision_comment = ? where id = ? and status = 'proposed'`, [
    d.approve ? 'approved' : 'rejected',
    actor.id,
    at,
    d.comment,
    d.writeOffId,
  ]);
  if (d.approve) {
    await tx.execute(
      `insert into overpayment_recovery_entry (recovery_id, kind, amount, source_ref, note, recorded_by, booked_at)
       values (?, 'writeOff', ?, ?, ?, ?, ?) on conflict (recovery_id, source_ref) do nothing`,
      [d.recoveryId, d.amount, `write-off:${d.writeOffId}`, d.comment?.slice(0, 200) ?? null, actor.id, at],
    );
    await tx.execute(
      `insert into notice_outbox (id, case_id, recipient_kind, recipient_id, channel, kind, payload, created_at, dedupe_key)
       values (gen_random_uuid(), ?, 'citizen', ?, 'sms', 'overpayment_written_off_part', ?, ?, ?) on conflict (dedupe_key) do nothing`,
      [d.caseId, d.citizenId, JSON.stringify({ recovery: d.recoveryId, amount: d.amount }), at, `overpaymentRecovery:writeOff:${d.writeOffId}`],
    );
  }
  await appendAudit(tx, {
    at,
    actorId: actor.id,
    actorRole: actor.role,
    region: d.region,
    action: d.approve ? 'overpaymentRecovery.writeOffApproved' : 'overpaymentRecovery.writeOffRejected',
    objectType: 'OverpaymentRecovery',
    objectId: String(d.recoveryId),
    requestId: actor.requestId,
    detail: { writeOff: d.writeOffId, amount: d.amount, comment: d.comment },
    key: `overpaymentRecovery:writeOff:${d.writeOffId}:decided`,
  });
  if (d.approve) await closeSettledRecoveries(tx, [d.recoveryId], actor, at);
}
