import type { EntityManager } from '@mikro-orm/postgresql';

/** Open work per region and worklist view, as the supervisor's views count it (db/queries/task.query.ts). */
export interface TaskFigures {
  region: string;
  /** available: open; assigned: claimed (the holders' "mine"); waiting: on the applicant; overdue: escalated or past due. */
  available: number;
  assigned: number;
  waiting: number;
  overdue: number;
  /** Tasks past their SLA due date now, open or claimed (the breaches the overdue view escalates). */
  slaBreached: number;
}

/** One grouped scan of the active tasks (the partial worklist index covers the status filter). */
export async function taskFigures(em: EntityManager, now: Date): Promise<TaskFigures[]> {
  const rows = await em.execute<{ region: string; available: string; assigned: string; waiting: string; overdue: string; breached: string }[]>(
    `select region,
            count(*) filter (where status = 'open') as available,
            count(*) filter (where status = 'claimed') as assigned,
            count(*) filter (where status = 'waiting') as waiting,
            count(*) filter (where status in ('open', 'claimed') and (escalated or due_at < ?)) as overdue,
            count(*) filter (where status in ('open', 'claimed') and due_at < ?) as breached
       from task where status in ('open', 'claimed', 'waiting') group by region order by region`,
    [now, now],
  );
  return rows.map((row) => ({
    region: row.region,
    available: Number(row.available),
    assigned: Number(row.assigned),
    waiting: Number(row.waiting),
    overdue: Number(row.overdue),
    slaBreached: Number(row.breached),
  }));
}

/** The lines of each region's latest payroll by status (due, held, sent, paid, failed, …): count and amount. */
export interface PayrollFigures {
  region: string;
  period: string;
  status: string;
  lines: number;
  /** Decimal string, to the fen. */
  amount: string;
}

/** Only the latest payroll of each region: the one people watch while it runs; one index range per region. */
export async function payrollFigures(em: EntityManager): Promise<PayrollFigures[]> {
  const rows = await em.execute<{ region: string; period: string; status: string; lines: string; amount: string }[]>(
    `select p.region, p.period, l.status, count(*) as lines, sum(l.amount)::text as amount
       from (select distinct on (region) case_id, region, period from payroll order by region, period desc) p
       join payroll_line l on l.payroll_id = p.case_id
      group by p.region, p.period, l.status order by p.region, l.status`,
  );
  return rows.map((row) => ({ region: row.region, period: row.period, status: row.status, lines: Number(row.lines), amount: row.amount }));
}
