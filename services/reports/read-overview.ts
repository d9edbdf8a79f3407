import { loadCalendarYears } from '../../db/queries/calendar.query.js';
import type { OverdueTransferLeg, StepFigures, StuckCase, Workload } from '../../db/queries/report.query.js';
import { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { DomainError } from '../../domain/errors.js';
import { accessibleFilter } from '../../policies/sql-scope.js';
import type { CommandContext } from '../command-context.js';
import type { OverviewSnapshots } from './overview-snapshot.js';

export interface RegionOverview {
  region: string;
  /** When the figures were counted: they are a snapshot at most `refreshSeconds` old. */
  asOf: string;
  refreshSeconds: number;
  staleDays: number;
  steps: StepFigures[];
  workloads: Workload[];
  stuckCases: Omit<StuckCase, 'accusedStaff'>[];
  /** Transfer legs the counterpart agency runs, past their due date: working days overdue counted today. */
  overdueTransferLegs: (OverdueTransferLeg & { daysOverdue: number })[];
}

/**
 * The supervisor's overview of their region (docs/architecture.md "Tasks: the human part": per-step SLA figures, caseworker workloads, stuck
 * cases, and the transfer legs an outside counterpart let run late — docs/transfers.md). Only callers who may reassign tasks (supervisors) see it, and only for the region on their token (403
 * otherwise). The figures come from a per-process snapshot at most `snapshots.ttlMs` old, shared by every supervisor
 * of the region — so a whistle-blowing petition is taken out of the stuck cases here, per viewer, for the staff member
 * it accuses (信访工作条例 art. 36 para. 3).
 */
export async function readOverview(ctx: CommandContext, snapshots: OverviewSnapshots, staleDays: number): Promise<RegionOverview> {
  const region = ctx.actor.region;
  if (accessibleFilter(ctx.ability, 'reassign', 'Task') === null || region === undefined) {
    throw new DomainError('FORBIDDEN', 'supervisor: only a supervisor of a region sees its overview');
  }
  const snapshot = await snapshots.get(ctx.em, region, staleDays);
  const { steps, workloads, stuckCases, overdueTransferLegs } = snapshot.figures;
  const calendar = overdueTransferLegs.length > 0 ? new HolidayCalendar(await loadCalendarYears(ctx.em)) : null;
  const today = ctx.clock.today();
  return {
    region,
    asOf: snapshot.asOf.toISOString(),
    refreshSeconds: Math.round(snapshots.ttlMs / 1000),
    staleDays,
    steps,
    workloads,
    stuckCases: stuckCases.filter((row) => !row.accusedStaff.includes(ctx.actor.id)).map(({ accusedStaff: _hidden, ...row }) => row),
    // Counted today, not when the snapshot was: a leg due yesterday is 1 working day overdue (0 on a holiday).
    overdueTransferLegs: overdueTransferLegs
      .filter((leg) => leg.dueDate < today)
      .map((leg) => ({ ...leg, daysOverdue: calendar!.workingDaysBetween(leg.dueDate, today) })),
  };
}
