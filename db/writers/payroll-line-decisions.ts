import type { EntityManager } from '@mikro-orm/postgresql';
import type { Refusal } from '../../domain/errors.js';
import { lastDueMonthFor, overpaymentAfterLastDue, overpaymentAfterStop, paidMonthsOf } from '../../domain/payroll/overpayment.js';
import { addPeriods } from '../../domain/payroll/payroll-month.js';
import type { OverpaymentPolicy } from '../../domain/payroll/payroll-policy.js';
import { payrollOverpaymentPolicy } from '../queries/payroll.query.js';
import { LINE_OUTCOMES_NEEDING_REASON, LINE_STEP_OUTCOMES, type LineTaskStep, lineStatusAfter } from '../../domain/payroll/payroll-tasks.js';
import type { TaskCompletion } from '../../domain/task.js';
import { appendAudit } from './case-log.js';
import { closeTask } from './task-store.js';

export interface LineDecision {
  payrollId: string;
  region: string;
  period: string;
  completion: TaskCompletion;
  /** The batch is approved: a line released now is paid by the next payroll. */
  batchApproved: boolean;
}

interface TaskLine {
  step: string;
  status: string;
  line_key: string;
  entitlement_id: string;
  citizen_id: string;
  death_date: string | null;
}

const ACCOUNT = /^\d{8,32}$/;

/**
 * A caseworker's decision on a held or failed line (docs/payroll.md "Tasks"): the line's new status, a corrected
 * account for a retry, and for "stop and recover" the entitlement stopped from the month after its last month due (the
 * death month when a death is on record, else the month before this payroll — 社会保险经办条例 art. 46) with what was
 * paid for later months opened as an overpayment recovery. Closes the task; one transaction. Answers a refusal instead
 * of changing anything when the task is not this payroll's open line task or the outcome does not fit its step.
 */
export async function decidePayrollLine(em: EntityManager, d: LineDecision, at: Date): Promise<{ refused: Refusal } | { status: string }> {
  return em.transactional(async (tx) => {
    const { completion } = d;
    const [line] = await tx.execute<TaskLine[]>(
      `select t.step, t.status, l.line_key, l.entitlement_id, l.citizen_id, dr.death_date::text as death_date
       from task t join payroll_line l on l.task_id = t.id left join death_record dr on dr.citizen_id = l.citizen_id
       where t.id = ? and t.case_id = ? for update of t, l`,
      [completion.taskId, d.payrollId],
    );
    if (!line) return { refused: { code: 'TASK_NOT_FOUND', reason: `task ${completion.taskId} is not a line task of this payroll` } };
    if (line.status === 'completed' || line.status === 'cancelled')
      return { refused: { code: 'TASK_ALREADY_DECIDED', reason: `task ${completion.taskId} is already ${line.status}` } };
    const outcomes = LINE_STEP_OUTCOMES[line.step as LineTaskStep] ?? [];
    if (!outcomes.includes(completion.outcome)) {
      return { refused: { code: 'OUTCOME_NOT_ALLOWED', reason: `step ${line.step} takes ${outcomes.join(', ')}, not "${completion.outcome}"` } };
    }
    if (LINE_OUTCOMES_NEEDING_REASON.has(completion.outcome) && completion.comment.trim() === '') {
      return { refused: { code: 'OUTCOME_NOT_ALLOWED', reason: `"${completion.outcome}" needs a reason in comment` } };
    }
    const account = completion.data['bankAccount'];
    if (account !== undefined && (typeof account !== 'string' || !ACCOUNT.test(account.replace(/\s+/g, '')))) {
      return { refused: { code: 'VALIDATION_FAILED', reason: 'data.bankAccount must be 8–32 digits' } };
    }
    const status = lineStatusAfter(completion.outcome, d.batchApproved || line.step === 'payrollFailed');
    const corrected = typeof account === 'string' ? account.replace(/\s+/g, '') : null;
    await tx.execute(`update payroll_line set status = ?, decided_by = ?, bank_account = coalesce(?, bank_account) where task_id = ?`, [
      status,
      completion.actorId,
      corrected,
      completion.taskId,
    ]);
    if (corrected !== null) {
      await tx.execute(`update beneficiary_account set bank_account = ?, updated_by = ?, updated_at = ? where citizen_id = ?`, [
        corrected,
        completion.actorId,
        at,
        line.citizen_id,
      ]);
    }
    if (completion.outcome === 'stopAndRecover') await stopAndRecover(tx, d, line, at);
    await closeTask(tx, { taskId: completion.taskId, outcome: completion.outcome, decidedBy: completion.actorId, comment: completion.comment }, at);
    return { status };
  });
}

async function stopAndRecover(tx: EntityManager, d: LineDecision, line: TaskLine, at: Date): Promise<void> {
  // The last month due: after a death on record the policy's month for a death, else the month before this payroll.
  const policy = await payrollOverpaymentPolicy(tx, d.payrollId);
  const lastDue = line.death_date !== null ? lastDueMonthFor({ kind: 'death', date: line.death_date }, policy) : addPeriods(d.period, -1);
  await tx.execute(
    `update benefit_entitlement set status = 'stopped', end_month = least(coalesce(end_month, ?), ?), stop_reason = ?, stopped_at = ?
     where id = ? and status = 'active'`,
    [lastDue, lastDue, `payroll ${d.period}: ${d.completion.comment}`.slice(0, 200), at, line.entitlement_id],
  );
  const because =
    line.death_date !== null
      ? `stopped by the payroll of ${d.period} after the death on ${line.death_date}: last month due ${lastDue} (overpayment.lastDueMonth.death)`
      : `stopped by the payroll of ${d.period}: last month due ${lastDue}, the month before (社会保险经办条例 art. 46)`;
  await openOverpayments(tx, { cause: 'payrollStop', stop: { entitlementIds: [line.entitlement_id], lastDueMonth: lastDue, because } }, at);
  await appendAudit(tx, {
    at,
    actorId: d.completion.actorId,
    actorRole: d.completion.actorRole,
    region: d.region,
    action: 'payroll.stopAndRecover',
    objectType: 'Case',
    objectId: d.payrollId,
    detail: { lineKey: line.line_key, lastDueMonth: lastDue },
    key: `${d.payrollId}:${line.line_key}:stopAndRecover`,
  });
}

/** Which stop opens the recoveries: each death of one feed import, or a stop with its last month due already decided. */
export type OverpaymentStop = { deathsOfImport: number } | { entitlementIds: readonly string[]; lastDueMonth: string; because: string };

interface PaidLineRow {
  entitlement_id: string;
  citizen_id: string;
  period: string;
  amount: string;
  paid_months: string[] | string | null;
  death_date: string | null;
}

/** How many recoveries one insert takes (a death feed may open many). */
const INSERT_CHUNK = 5_000;

/**
 * Opens an overpayment recovery (待遇多发追回, 社会保险经办条例 art. 46) for each entitlement paid for months after its
 * last month due. The rule is the domain's (domain/payroll/overpayment.ts): each paid line split into its months
 * (`paidMonthsOf`), then `overpaymentAfterStop` — for a death, the policy's last month due after the death on record —
 * or `overpaymentAfterLastDue`. The SQL only reads the paid lines that may count (a month from the one before the event
 * on) and writes what the rule computed. One per entitlement and cause (a repeat opens nothing). Returns how many opened.
 */
export async function openOverpayments(tx: EntityManager, o: { cause: string; stop: OverpaymentStop; policy?: OverpaymentPolicy }, at: Date): Promise<number> {
  const { stop } = o;
  if ('entitlementIds' in stop && stop.entitlementIds.length === 0) return 0;
  const byDeath = 'deathsOfImport' in stop;
  const scope = byDeath ? 'dr.import_id = ?' : `l.entitlement_id in (${stop.entitlementIds.map(() => '?').join(', ')})`;
  // A superset of what the rule counts: any month from the one before the event month (the earliest last month due).
  const from = byDeath ? `to_char(dr.death_date - interval '1 month', 'YYYY-MM')` : '?';
  const params: unknown[] = byDeath ? [stop.deathsOfImport] : [...stop.entitlementIds, stop.lastDueMonth];
  const lines = await tx.execute<PaidLineRow[]>(
    `select l.entitlement_id, l.citizen_id, l.period, l.amount::text as amount, l.paid_months, dr.death_date::text as death_date
     from payroll_line l ${byDeath ? 'join' : 'left join'} death_record dr on dr.citizen_id = l.citizen_id
     where l.status = 'paid' and ${scope}
       and exists (select 1 from jsonb_array_elements_text(coalesce(l.paid_months, jsonb_build_array(l.period))) as m(month) where m.month >= ${from})
     order by l.entitlement_id, l.id`,
    params,
  );
  const byEntitlement = new Map<string, PaidLineRow[]>();
  for (const l of lines) byEntitlement.set(l.entitlement_id, [...(byEntitlement.get(l.entitlement_id) ?? []), l]);
  const opened: { e: string; c: string; a: string; m: string[] }[] = [];
  for (const [entitlementId, paid] of byEntitlement) {
    const payments = paid.flatMap((l) =>
      paidMonthsOf({
        period: l.period,
        amount: l.amount,
        paidMonths: typeof l.paid_months === 'string' ? (JSON.parse(l.paid_months) as string[]) : l.paid_months,
      }),
    );
    const overpayment = byDeath
      ? overpaymentAfterStop({ stop: { kind: 'death', date: paid[0]!.death_date! }, payments, ...(o.policy ? { policy: o.policy } : {}) })
      : overpaymentAfterLastDue({ lastDueMonth: stop.lastDueMonth, because: stop.because, payments });
    if (overpayment.months.length === 0) continue;
    opened.push({ e: entitlementId, c: paid[0]!.citizen_id, a: overpayment.overpaid, m: [...new Set(overpayment.months.map((m) => m.period))] });
  }
  let count = 0;
  for (let i = 0; i < opened.length; i += INSERT_CHUNK) {
    const rows = await tx.execute<{ id: string }[]>(
      `insert into overpayment_recovery (citizen_id, entitlement_id, region, case_id, cause, amount, months, status, method, opened_at)
       select x.c, e.id, e.region, e.case_id, ?, x.a, x.m, 'open', 'offset', ?
       from json_to_recordset(?::json) as x(e uuid, c text, a numeric, m jsonb) join benefit_entitlement e on e.id = x.e
       on conflict (entitlement_id, cause) do nothing returning id`,
      [o.cause, at, JSON.stringify(opened.slice(i, i + INSERT_CHUNK))],
    );
    count += rows.length;
  }
  return count;
}
