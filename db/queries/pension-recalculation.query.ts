import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays } from '../../domain/calendar/local-date.js';
import { addPeriods } from '../../domain/payroll/payroll-month.js';
import type { RecalculatedLine, RecalculationCause, RecalculationCauseKind } from '../../domain/payroll/pension-recalculation.js';
import type { PensionAdjustmentRule } from '../../domain/payroll/recalculation.js';

/** A region's dated adjustment rules, oldest first. */
export async function listPensionAdjustments(em: EntityManager, region: string): Promise<(PensionAdjustmentRule & { region: string })[]> {
  return em.execute(
    `select region, effective_from::text as "effectiveFrom", fixed_amount::text as "fixedAmount", share, basis
     from pension_adjustment where region = ? order by effective_from`,
    [region],
  );
}

/**
 * What a recalculation of `cause` from `effectiveFrom` applies, read from the region's dated data: the adjustment rule
 * of that date, or the calculation base of that date with the provisional one (the set in force the day before) and
 * the date the next set takes over. Null when the data is not there.
 */
export async function loadRecalculationCause(
  em: EntityManager,
  region: string,
  cause: RecalculationCauseKind,
  effectiveFrom: string,
): Promise<RecalculationCause | null> {
  if (cause === 'adjustment') {
    const rule = (await listPensionAdjustments(em, region)).find((r) => r.effectiveFrom === effectiveFrom);
    return rule
      ? { kind: 'adjustment', rule: { effectiveFrom: rule.effectiveFrom, fixedAmount: rule.fixedAmount, share: rule.share, basis: rule.basis } }
      : null;
  }
  const [set] = await em.execute<{ base: string; recorded_at: Date; until: string | null; provisional: string | null }[]>(
    `select s.pension_calculation_base::text as base, s.recorded_at,
       (select min(n.effective_from)::text from benefit_parameters n where n.region = s.region and n.effective_from > s.effective_from) as until,
       (select p.pension_calculation_base::text from benefit_parameters p where p.region = s.region and p.effective_from <= ?
         order by p.effective_from desc limit 1) as provisional
     from benefit_parameters s where s.region = ? and s.effective_from = ?`,
    [addDays(effectiveFrom, -1), region, effectiveFrom],
  );
  if (!set || set.provisional === null) return null;
  return {
    kind: 'calculationBase',
    effectiveFrom,
    until: set.until,
    provisionalBase: set.provisional,
    base: set.base,
    recordedAt: new Date(set.recorded_at).toISOString(),
  };
}

export interface RecalculationRow {
  id: string;
  region: string;
  cause: RecalculationCauseKind;
  effectiveFrom: string;
  status: 'running' | 'done';
  pensionsTotal: number;
  pensionsSeen: number;
  changed: number;
  backPayTotal: string;
  deductionTotal: string;
  startedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
}

export async function findRecalculation(em: EntityManager, id: string): Promise<RecalculationRow | null> {
  const [row] = await em.execute<RecalculationRow[]>(
    `select id, region, cause, effective_from::text as "effectiveFrom", status, pensions_total as "pensionsTotal", pensions_seen as "pensionsSeen",
       changed, back_pay_total::text as "backPayTotal", deduction_total::text as "deductionTotal", started_by as "startedBy",
       started_at as "startedAt", finished_at as "finishedAt"
     from pension_recalculation where id = ?`,
    [id],
  );
  return row ?? null;
}

/** A difference as written, with what the payrolls have not yet paid or withheld of it. */
export interface DifferenceRow extends RecalculatedLine {
  outstanding: string;
}

/** The differences a recalculation found, in the order it wrote them, at most `limit`. */
export async function recalculationDifferences(em: EntityManager, id: string, limit: number): Promise<DifferenceRow[]> {
  return em.execute<DifferenceRow[]>(
    `select entitlement_id as "entitlementId", citizen_id as "citizenId", from_month as "fromMonth", old_amount::text as "oldAmount",
       new_amount::text as "newAmount", months, total::text as total, outstanding::text as outstanding, workings
     from pension_difference where recalculation_id = ? order by id limit ?`,
    [id, limit],
  );
}

/**
 * Lines of the region's payrolls still waiting for their approval or their holds: a recalculation waits for them. No
 * index holds `status` (db/entities/payroll-line.entity.ts), so the lines are found by what marks them: a due line is
 * in a payroll not yet approved, or was decided (released); a held line has its hold reasons.
 */
export async function openPayrollLines(em: EntityManager, region: string): Promise<number> {
  const [row] = await em.execute<{ n: string }[]>(
    `select count(*) as n from payroll_line
     where region = ? and status in ('due', 'held')
       and (payroll_id = any(array(select case_id from payroll where region = ? and approved_at is null)) or hold_reasons is not null or decided_by is not null)`,
    [region, region],
  );
  return Number(row!.n);
}

/** The month the region's next payroll pays: the month after its latest payroll, and not before `today`'s month. */
export async function nextPayrollMonth(em: EntityManager, region: string, thisMonth: string): Promise<string> {
  const [row] = await em.execute<{ period: string | null }[]>(`select max(period) as period from payroll where region = ?`, [region]);
  const afterLatest = row?.period ? addPeriods(row.period, 1) : thisMonth;
  return afterLatest > thisMonth ? afterLatest : thisMonth;
}

/** Recalculations of the region still running: a payroll waits for them. */
export async function runningRecalculations(em: EntityManager, region: string): Promise<number> {
  const [row] = await em.execute<{ n: string }[]>(`select count(*) as n from pension_recalculation where region = ? and status = 'running'`, [region]);
  return Number(row!.n);
}
