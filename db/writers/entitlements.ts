import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntitlementLine } from '../../domain/benefit/entitlement.js';
import { appendAudit } from './case-log.js';

export interface EntitlementStop {
  /** First month not paid ('YYYY-MM'). */
  stopMonth: string;
  /** Unemployment months left unpaid: they carry to a later spell. */
  monthsUnused: number;
  reason: string;
}

const previousMonth = (month: string): string => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + m - 2;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/**
 * Writes the lines of an approved claim (the payroll pays them), with the audit entry, in one transaction. Idempotent
 * by case and line key: a retried activity inserts nothing. A claim whose benefit was already stopped (re-employment
 * reported during review) is written stopped.
 */
export async function recordEntitlementLines(
  em: EntityManager,
  grant: {
    caseId: string;
    citizenId: string;
    region: string;
    claimType: string;
    lines: readonly EntitlementLine[];
    decidedBy: string;
    /** 'YYYY-MM' of the decision: no payroll before it pays the lines (earlier months are back pay). */
    decidedMonth: string;
    stop: EntitlementStop | null;
  },
  at: Date,
): Promise<void> {
  await em.transactional(async (tx) => {
    for (const line of grant.lines) {
      const stopped = grant.stop !== null && line.kind !== 'oneOff';
      await tx.execute(
        `insert into benefit_entitlement (id, case_id, line_key, citizen_id, region, claim_type, benefit, kind, payer, amount, start_month,
           end_month, first_payroll_month, beneficiary, status, stop_reason, months_unused, decided_by, created_at, stopped_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (case_id, line_key) do nothing`,
        [
          randomUUID(),
          grant.caseId,
          line.key,
          grant.citizenId,
          grant.region,
          grant.claimType,
          line.benefit,
          line.kind,
          line.payer,
          line.amount,
          line.startMonth,
          line.endMonth,
          line.startMonth > grant.decidedMonth ? line.startMonth : grant.decidedMonth,
          line.beneficiary,
          stopped ? 'stopped' : 'active',
          stopped ? grant.stop!.reason : null,
          stopped && line.benefit === 'unemploymentBenefit' ? grant.stop!.monthsUnused : null,
          grant.decidedBy,
          at,
          stopped ? at : null,
        ],
      );
    }
    await appendAudit(tx, {
      at,
      actorId: grant.decidedBy,
      actorRole: 'staff',
      region: grant.region,
      action: 'benefit.entitlements',
      objectType: 'Case',
      objectId: grant.caseId,
      detail: {
        lines: grant.lines.map((l) => ({ benefit: l.benefit, kind: l.kind, payer: l.payer, amount: l.amount, startMonth: l.startMonth, endMonth: l.endMonth })),
      },
      key: `case:${grant.caseId}:entitlements`,
    });
  });
}

/**
 * Stops the periodic lines of a claim from `stopMonth` (re-employment, 社会保险法 art. 51): each ends the month before,
 * keeps its row (ledgers are never rewritten away), and the unemployment line carries the months left unused. One-off
 * lines are untouched. Idempotent: a stopped line is not stopped again.
 */
export async function stopEntitlementLines(em: EntityManager, change: { caseId: string; region: string } & EntitlementStop, at: Date): Promise<number> {
  return em.transactional(async (tx) => {
    const rows = await tx.execute<{ id: string }[]>(
      `update benefit_entitlement set end_month = ?, status = 'stopped', stop_reason = ?, stopped_at = ?,
         months_unused = case when benefit = 'unemploymentBenefit' then ? else months_unused end
       where case_id = ? and kind <> 'oneOff' and status = 'active' returning id`,
      [previousMonth(change.stopMonth), change.reason, at, change.monthsUnused, change.caseId],
    );
    if (rows.length > 0) {
      await appendAudit(tx, {
        at,
        actorId: 'system',
        actorRole: 'system',
        region: change.region,
        action: 'benefit.stopped',
        objectType: 'Case',
        objectId: change.caseId,
        detail: { stopMonth: change.stopMonth, monthsUnused: change.monthsUnused, reason: change.reason },
        key: `case:${change.caseId}:stopped`,
      });
    }
    return rows.length;
  });
}
