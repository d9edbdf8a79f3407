// The crash drill's pension recalculation (待遇重算): pensions of 330203 granted ten months ago and paid since are
// written straight into the tables (as the payroll leaves them), an administrator records a back-dated adjustment
// rule through the API, and a supervisor starts the recalculation, which runs as a workflow chunk by chunk while the
// worker is killed. Afterwards every pension must carry exactly one difference, and its amount that difference's new
// amount: adjusted once, not twice, none left out.
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { monthOf } from '../../domain/calendar/local-date.js';
import { addPeriods, firstDayOf, periodRange } from '../../domain/payroll/payroll-month.js';
import type { BusinessClock } from '../../services/business-clock.js';
import { citizenIdSequence } from '../bench/citizen-ids.js';

export const RECALCULATION_REGION = '330203';
/** The payroll the seeded months were paid by (not a payroll of the drill: its lines are not counted as paid by it). */
export const PAYROLL_HISTORY = 'chaos-payroll-history';

/** `count` basic pensions of 3 000.00 in 330203 from ten months ago, every month until last month paid. */
export async function seedRecalculatedPensions(orm: MikroORM, clock: BusinessClock, count: number): Promise<void> {
  const next = citizenIdSequence(RECALCULATION_REGION);
  const thisMonth = monthOf(clock.today());
  const start = addPeriods(thisMonth, -10);
  const em = orm.em.fork();
  for (let i = 0; i < count; i += 1) {
    const citizenId = next();
    const entitlementId = randomUUID();
    await em.execute(
      `insert into person (citizen_id, name, sex, birth_date, created_at, updated_at) values (?, '重算演练', 'male', '1985-01-01', now(), now()) on conflict do nothing`,
      [citizenId],
    );
    await em.execute(
      `insert into benefit_entitlement (id, case_id, line_key, citizen_id, region, claim_type, benefit, kind, payer, amount, start_month, end_month,
         first_payroll_month, beneficiary, status, stop_reason, months_unused, decided_by, created_at, stopped_at)
       values (?, ?, 'basicPension', ?, ?, 'pension', 'basicPension', 'monthly', 'fund', '3000.00', ?, null, ?, null, 'active', null, null, 'chaos', now(), null)`,
      [entitlementId, `chaos-pension-${randomUUID()}`, citizenId, RECALCULATION_REGION, start, start],
    );
    for (const month of periodRange(start, addPeriods(thisMonth, -1))) {
      await em.execute(
        `insert into payroll_line (line_key, payroll_id, entitlement_id, citizen_id, region, benefit, kind, period, months, amount, status, attempt)
         values (?, ?, ?, ?, ?, 'basicPension', 'monthly', ?, 1, '3000.00', 'paid', 1)`,
        [`${entitlementId}:${month}:monthly`, PAYROLL_HISTORY, entitlementId, citizenId, RECALCULATION_REGION, month],
      );
    }
  }
}

/** The adjustment's date: the first day of six months ago, so five or six months already paid differ. */
export function adjustmentDate(clock: BusinessClock): string {
  return firstDayOf(addPeriods(monthOf(clock.today()), -6));
}

/** Pensions of the region without exactly one difference whose new amount they now carry (each one a finding). */
export async function misappliedRecalculations(orm: MikroORM, runId: string): Promise<string[]> {
  const rows = await orm.em.fork().execute<{ id: string; amount: string; differences: string; new_amount: string | null }[]>(
    `select e.id, e.amount::text as amount, count(d.id)::text as differences, max(d.new_amount)::text as new_amount
       from benefit_entitlement e left join pension_difference d on d.entitlement_id = e.id and d.recalculation_id = ?
      where e.region = ? and e.decided_by = 'chaos'
      group by e.id, e.amount
     having count(d.id) <> 1 or max(d.new_amount) <> e.amount`,
    [runId, RECALCULATION_REGION],
  );
  return rows.map((r) => `pension ${r.id}: amount ${r.amount}, ${r.differences} differences (new amount ${r.new_amount ?? '-'})`);
}
