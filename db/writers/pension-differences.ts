import type { EntityManager } from '@mikro-orm/postgresql';
import type { OpenDifference, Settlement } from '../../domain/payroll/difference-settlement.js';

/*
 * The payroll's side of a recalculation (domain/payroll/difference-settlement.ts): the open differences of a chunk's
 * entitlements, read in one statement, and what the chunk's lines settled of them, written in one statement of the
 * chunk's transaction.
 */

/** The differences of these entitlements not yet fully paid or withheld, oldest first. */
export async function openDifferencesOf(em: EntityManager, entitlementIds: readonly string[]): Promise<OpenDifference[]> {
  if (entitlementIds.length === 0) return [];
  const rows = await em.execute<{ id: string; entitlement_id: string; months: number; outstanding: string; workings: string[] | string }[]>(
    `select id, entitlement_id, months, outstanding::text as outstanding, workings from pension_difference
     where entitlement_id = any(?::uuid[]) and outstanding <> 0 order by id`,
    [`{${entitlementIds.join(',')}}`],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    entitlementId: r.entitlement_id,
    months: r.months,
    outstanding: r.outstanding,
    workings: typeof r.workings === 'string' ? (JSON.parse(r.workings) as string[]) : r.workings,
  }));
}

/**
 * Records what the lines of this payroll settled and lowers each difference's outstanding amount by it — only for a
 * line this payroll really holds and only once per difference and line, so a retried chunk settles nothing twice.
 */
export async function recordSettlements(em: EntityManager, payrollId: string, settlements: readonly Settlement[]): Promise<void> {
  if (settlements.length === 0) return;
  await em.execute(
    `with s as (
       insert into pension_difference_settlement (difference_id, line_key, amount)
       select x.d, x.k, x.a from json_to_recordset(?::json) as x(d bigint, k text, a numeric)
       where exists (select 1 from payroll_line l where l.line_key = x.k and l.payroll_id = ?)
       on conflict do nothing returning difference_id, amount)
     update pension_difference d set outstanding = d.outstanding - t.amount
     from (select difference_id, sum(amount) as amount from s group by difference_id) t where d.id = t.difference_id`,
    [JSON.stringify(settlements.map((s) => ({ d: s.differenceId, k: s.lineKey, a: s.amount }))), payrollId],
  );
}
