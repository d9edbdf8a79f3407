import type { EntityManager } from '@mikro-orm/postgresql';
import { chaseCaseId, CHASE_CASE_TYPE, type ChaseOutcome } from '../../domain/payroll/missed-instalments.js';
import type { TaskSpec } from '../../domain/task.js';
import { appendAudit } from './case-log.js';
import type { RecoveryActor } from './overpayment-recoveries.js';
import { closeTask, openTask } from './task-store.js';

/*
 * The writes that chase a missed instalment of an overpayment recovery (催收, 社会保险经办条例 art. 46; docs/payroll.md
 * "Missed instalments"): the chase with its caseworker's task, a notice to the person and an audit entry; and its
 * decision — a contact recorded, a new agreement, legal action — which closes the chase and its task.
 */

export interface ChaseToOpen {
  recoveryId: number;
  region: string;
  citizenId: string;
  caseId: string;
  missedMonth: string;
  amount: string;
  workings: string[];
}

/**
 * Opens the chase of a missed instalment: the row (once per recovery and month, at most one open per recovery — a
 * second sweep finds it and writes nothing), the task on the region's worklist, an `overpayment_instalment_missed`
 * notice to the person (for a deceased person the notice is addressed to their record, which the office forwards to the
 * heirs) and an `overpaymentRecovery.instalmentMissed` audit entry. Returns whether it was new.
 */
export async function openChase(tx: EntityManager, c: ChaseToOpen, task: { taskId: string; spec: TaskSpec; dueAt: Date }, at: Date): Promise<boolean> {
  const [row] = await tx.execute<{ id: string }[]>(
    `insert into overpayment_recovery_chase (recovery_id, missed_month, task_id, status, opened_at) values (?, ?, ?, 'open', ?)
     on conflict do nothing returning id`,
    [c.recoveryId, c.missedMonth, task.taskId, at],
  );
  if (!row) return false;
  await openTask(
    tx,
    { taskId: task.taskId, caseId: chaseCaseId(c.recoveryId), caseType: CHASE_CASE_TYPE, region: c.region, spec: task.spec, dueAt: task.dueAt },
    at,
  );
  await tx.execute(
    `insert into notice_outbox (id, case_id, recipient_kind, recipient_id, channel, kind, payload, created_at, dedupe_key)
     values (gen_random_uuid(), ?, 'citizen', ?, 'sms', 'overpayment_instalment_missed', ?, ?, ?) on conflict (dedupe_key) do nothing`,
    [
      c.caseId,
      c.citizenId,
      JSON.stringify({ recovery: c.recoveryId, month: c.missedMonth, amount: c.amount }),
      at,
      `overpaymentRecovery:missed:${c.recoveryId}:${c.missedMonth}`,
    ],
  );
  await appendAudit(tx, {
    at,
    actorId: 'system',
    actorRole: 'system',
    region: c.region,
    action: 'overpaymentRecovery.instalmentMissed',
    objectType: 'OverpaymentRecovery',
    objectId: String(c.recoveryId),
    detail: { chase: Number(row.id), month: c.missedMonth, amount: c.amount, task: task.taskId, workings: c.workings },
    key: `overpaymentRecovery:missed:${c.recoveryId}:${c.missedMonth}`,
  });
  return true;
}

/**
 * Decides the open chase of a recovery, if there is one: the chase takes the outcome, who and why, and its task is
 * completed with the same outcome (whoever holds it: the decision was made on the recovery). `legalAction` also marks
 * the recovery passed to legal action, which the sweep then leaves alone. An audit entry either way. The caller holds
 * the recovery's row lock. Returns whether a chase was open.
 */
export async function decideChase(
  tx: EntityManager,
  d: { recoveryId: number; region: string; outcome: ChaseOutcome; note: string },
  actor: RecoveryActor,
  at: Date,
): Promise<boolean> {
  const [chase] = await tx.execute<{ id: string; task_id: string; missed_month: string }[]>(
    `update overpayment_recovery_chase set status = ?, note = ?, decided_by = ?, decided_at = ? where recovery_id = ? and status = 'open'
     returning id, task_id, missed_month`,
    [d.outcome, d.note.slice(0, 500), actor.id, at, d.recoveryId],
  );
  if (d.outcome === 'legalAction') {
    await tx.execute(
      `update overpayment_recovery set legal_action_at = ?, legal_action_by = ?, legal_action_note = ? where id = ? and legal_action_at is null`,
      [at, actor.id, d.note.slice(0, 500), d.recoveryId],
    );
  }
  if (chase) {
    const open = await tx.execute(`select 1 from task where id = ? and status not in ('completed', 'cancelled')`, [chase.task_id]);
    if (open.length > 0) await closeTask(tx, { taskId: chase.task_id, outcome: d.outcome, decidedBy: actor.id, comment: d.note }, at);
  }
  if (chase || d.outcome === 'legalAction') {
    await appendAudit(tx, {
      at,
      actorId: actor.id,
      actorRole: actor.role,
      region: d.region,
      action: `overpaymentRecovery.${d.outcome === 'legalAction' ? 'legalAction' : d.outcome === 'replanned' ? 'chaseReplanned' : 'chaseContacted'}`,
      objectType: 'OverpaymentRecovery',
      objectId: String(d.recoveryId),
      requestId: actor.requestId,
      detail: { chase: chase ? Number(chase.id) : null, month: chase?.missed_month ?? null, note: d.note },
    });
  }
  return chase !== undefined;
}
