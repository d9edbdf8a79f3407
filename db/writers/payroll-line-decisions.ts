import type { EntityManager } from '@mikro-orm/postgresql';
import type { Refusal } from '../../domain/errors.js';
import { addPeriods } from '../../domain/payroll/payroll-month.js';
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
  const lastDue = line.death_date !== null ? line.death_date.slice(0, 7) : addPeriods(d.period, -1);
  await tx.execute(
    `update benefit_entitlement set status = 'stopped', end_month = least(coalesce(end_month, ?), ?), stop_reason = ?, stopped_at = ?
     where id = ? and status = 'active'`,
    [lastDue, lastDue, `payroll ${d.period}: ${d.completion.comment}`.slice(0, 200), at, line.entitlement_id],
  );
  await openOverpayments(tx, { entitlementIds: [line.entitlement_id], cause: 'payrollStop', lastDueByEntitlement: null, lastDue }, at);
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

/**
 * Opens an overpayment recovery (待遇多发追回, 社会保险经办条例 art. 46) for each entitlement paid for months after its
 * last month due: the sum of its paid lines for later months. One per entitlement and cause (a repeat opens nothing).
 * `lastDueByEntitlement` null means the one `lastDue` month for all; `deathMonth` each person's death month, for the
 * deaths of one feed import (`importId`). Returns how many were opened.
 */
export async function openOverpayments(
  tx: EntityManager,
  o: { entitlementIds: readonly string[] | null; importId?: number; cause: string; lastDue: string | null; lastDueByEntitlement: 'deathMonth' | null },
  at: Date,
): Promise<number> {
  // Death: the last month due is the death month itself (overpayment.lastDueMonth.death = eventMonth, §8).
  const byDeath = o.lastDueByEntitlement === 'deathMonth';
  const params: unknown[] = byDeath ? [] : [o.lastDue];
  const scope = o.entitlementIds === null ? 'dr.import_id = ?' : `l.entitlement_id in (${o.entitlementIds.map(() => '?').join(', ')})`;
  params.push(...(o.entitlementIds === null ? [o.importId ?? -1] : o.entitlementIds), o.cause, at);
  // What was paid for months after the last month due: a line counts with the share of its months that fall after it
  // (a back-pay of months the person was alive, paid after the death, is not overpaid). A line without its months
  // (written before they were kept, or a difference) counts as paying for its period.
  const rows = await tx.execute<{ id: string }[]>(
    `with covered as (
       select l.id as line_id, l.entitlement_id, l.citizen_id, l.amount, m.month,
              count(*) over (partition by l.id) as months_after,
              jsonb_array_length(coalesce(l.paid_months, jsonb_build_array(l.period))) as months_paid
       from payroll_line l ${byDeath ? 'join' : 'left join'} death_record dr on dr.citizen_id = l.citizen_id
       cross join lateral jsonb_array_elements_text(coalesce(l.paid_months, jsonb_build_array(l.period))) as m(month)
       where l.status = 'paid' and m.month > ${byDeath ? "to_char(dr.death_date, 'YYYY-MM')" : '?'} and ${scope}),
     per_line as (
       select distinct on (line_id) entitlement_id, citizen_id,
              case when months_after = months_paid then amount else round(amount * months_after / months_paid, 2) end as amount
       from covered order by line_id),
     paid as (
       select s.entitlement_id, s.citizen_id, s.amount,
              (select json_agg(distinct c.month order by c.month) from covered c where c.entitlement_id = s.entitlement_id) as months
       from (select entitlement_id, citizen_id, sum(amount) as amount from per_line group by entitlement_id, citizen_id) s)
     insert into overpayment_recovery (citizen_id, entitlement_id, region, case_id, cause, amount, months, status, method, opened_at)
     select paid.citizen_id, paid.entitlement_id, e.region, e.case_id, ?, paid.amount, paid.months, 'open', 'offset', ?
     from paid join benefit_entitlement e on e.id = paid.entitlement_id
     on conflict (entitlement_id, cause) do nothing returning id`,
    params,
  );
  return rows.length;
}
