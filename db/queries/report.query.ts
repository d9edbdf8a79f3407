import type { EntityManager } from '@mikro-orm/postgresql';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { isRegionCode, regionPrefix } from '../../domain/region-code.js';

export interface StepFigures {
  caseType: string;
  step: string;
  open: number;
  overdue: number;
  escalated: number;
  /** Decided in the last 30 days, and how many of those by their due time. */
  decided30: number;
  onTime30: number;
}

export interface Workload {
  assignee: string;
  claimed: number;
  waiting: number;
  overdue: number;
}

export interface StuckCase {
  caseId: string;
  reference: string;
  type: string;
  status: string;
  lastProgressAt: string;
  /** Staff a whistle-blowing petition accuses: the figures are shared, so the reader filters them out per viewer. */
  accusedStaff: string[];
}

/**
 * A transfer leg the counterpart agency runs (reached through the national platform) that is past its statutory
 * working-day due date: no task of this system holds it, so the supervisor of the office that waits sees it here
 * (docs/transfers.md "The legs and their clocks").
 */
export interface OverdueTransferLeg {
  caseId: string;
  reference: string;
  status: string;
  insurance: string;
  leg: string;
  office: 'old' | 'new';
  /** The counterpart's pooling area (the office that is late). */
  counterpart: string;
  /** The served office that waits on it: this system's region in the transfer. */
  waitingRegion: string;
  dueDate: string;
  provisional: boolean;
  escalated: boolean;
}

const DAY_MS = 86_400_000;

/**
 * The supervisor's figures for one region (docs/architecture.md "Tasks: the human part": SLA breaches go to the supervisor): per-step open,
 * overdue and on-time counts, caseworker workloads, and open cases without progress for `staleDays` days.
 * Overdue means what the overdue worklist means (escalated, or past its due time while open or claimed).
 */
export async function regionOverview(em: EntityManager, region: string, now: Date, staleDays: number) {
  // The region and every region below it (rules §1.3): a city supervisor's figures take in its districts.
  const within = `${isRegionCode(region) ? regionPrefix(region) : region}%`;
  const since = new Date(now.getTime() - 30 * DAY_MS);
  const stale = new Date(now.getTime() - staleDays * DAY_MS);
  const today = shanghaiDateOf(now.getTime());
  const [steps, workloads, stuck, legs] = await Promise.all([
    em.execute<{ case_type: string; step: string; open: string; overdue: string; escalated: string; decided: string; on_time: string }[]>(
      `select case_type, step,
              count(*) filter (where status in ('open', 'claimed', 'waiting')) as open,
              count(*) filter (where status in ('open', 'claimed') and (escalated or due_at < ?)) as overdue,
              count(*) filter (where status in ('open', 'claimed', 'waiting') and escalated) as escalated,
              count(*) filter (where status = 'completed') as decided,
              count(*) filter (where status = 'completed' and completed_at <= due_at) as on_time
         from task
        where region like ? and (status in ('open', 'claimed', 'waiting') or (status = 'completed' and completed_at >= ?))
        group by case_type, step
        order by case_type, step`,
      [now, within, since],
    ),
    em.execute<{ assignee: string; claimed: string; waiting: string; overdue: string }[]>(
      `select assignee,
              count(*) filter (where status = 'claimed') as claimed,
              count(*) filter (where status = 'waiting') as waiting,
              count(*) filter (where status = 'claimed' and (escalated or due_at < ?)) as overdue
         from task
        where region like ? and status in ('claimed', 'waiting') and assignee is not null
        group by assignee
        order by count(*) desc, assignee
        limit 200`,
      [now, within],
    ),
    em.execute<{ id: string; reference: string; case_type: string; status: string; last_progress_at: Date; accused_staff: string[] | null }[]>(
      `select id, reference, case_type, status, last_progress_at, accused_staff
         from case_record
        where region like ? and closed_at is null and last_progress_at < ?
        order by last_progress_at asc
        limit 100`,
      [within, stale],
    ),
    overdueCounterpartLegs(em, within, today),
  ]);
  return {
    steps: steps.map((row): StepFigures => ({
      caseType: row.case_type,
      step: row.step,
      open: Number(row.open),
      overdue: Number(row.overdue),
      escalated: Number(row.escalated),
      decided30: Number(row.decided),
      onTime30: Number(row.on_time),
    })),
    workloads: workloads.map((row): Workload => ({
      assignee: row.assignee,
      claimed: Number(row.claimed),
      waiting: Number(row.waiting),
      overdue: Number(row.overdue),
    })),
    stuckCases: stuck.map((row): StuckCase => ({
      caseId: row.id,
      reference: row.reference,
      type: row.case_type,
      status: row.status,
      lastProgressAt: new Date(row.last_progress_at).toISOString(),
      accusedStaff: row.accused_staff ?? [],
    })),
    overdueTransferLegs: legs,
  };
}

/**
 * Open transfers of the region (or shared with it) whose counterpart leg is past its due date on `today`, earliest due
 * first. The legs come from the case's read model (the transfer workflow writes each leg's clock there).
 */
async function overdueCounterpartLegs(em: EntityManager, within: string, today: string): Promise<OverdueTransferLeg[]> {
  const rows = await em.execute<
    {
      id: string;
      reference: string;
      status: string;
      insurance: string | null;
      leg: string;
      office: 'old' | 'new';
      counterpart: string;
      waiting_region: string | null;
      due_date: string;
      provisional: boolean | null;
      escalated: boolean;
    }[]
  >(
    `select c.id, c.reference, c.status, c.summary->>'insurance' as insurance,
            leg->>'name' as leg, leg->>'office' as office, leg->>'region' as counterpart,
            case when leg->>'office' = 'old' then c.summary->'offices'->'new'->>'region' else c.summary->'offices'->'old'->>'region' end as waiting_region,
            leg->>'dueDate' as due_date, (leg->>'provisional')::boolean as provisional,
            coalesce(c.summary->'progress'->'escalated' @> jsonb_build_array(leg->>'name'), false) as escalated
       from case_record c
       cross join lateral jsonb_array_elements(coalesce(c.summary->'legs', '[]'::jsonb)) leg
      where c.case_type = 'transfer' and c.closed_at is null
        and (c.region like ? or exists (select 1 from unnest(c.shared_with_regions) shared where shared like ?))
        and leg->>'served' = 'false' and leg->>'status' in ('open', 'overdue') and leg->>'dueDate' < ?
      order by leg->>'dueDate', c.id
      limit 100`,
    [within, within, today],
  );
  return rows.map((row) => ({
    caseId: row.id,
    reference: row.reference,
    status: row.status,
    insurance: row.insurance ?? '',
    leg: row.leg,
    office: row.office,
    counterpart: row.counterpart,
    waitingRegion: row.waiting_region ?? '',
    dueDate: row.due_date,
    provisional: row.provisional === true,
    escalated: row.escalated,
  }));
}
