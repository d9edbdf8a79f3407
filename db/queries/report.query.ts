import type { EntityManager } from '@mikro-orm/postgresql';
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
  const [steps, workloads, stuck] = await Promise.all([
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
  };
}
