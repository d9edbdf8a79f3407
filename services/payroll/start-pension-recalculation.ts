import {
  findRecalculation,
  loadRecalculationCause,
  nextPayrollMonth,
  openPayrollLines,
  type RecalculationRow,
} from '../../db/queries/pension-recalculation.query.js';
import { listServedRegions } from '../../db/queries/region.query.js';
import { openRecalculation } from '../../db/writers/pension-recalculations.js';
import { compareDates, monthOf } from '../../domain/calendar/local-date.js';
import { DomainError, invalidInput, type InputIssue } from '../../domain/errors.js';
import { recalculationIdOf, type RecalculationCauseKind } from '../../domain/payroll/pension-recalculation.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/** Pension cases per recalculation chunk: a million pensions in ~500 activities, each a short transaction. */
export const RECALCULATION_CHUNK_SIZE = 2_000;

/**
 * POST /v1/pension-recalculations (待遇重算, issue 12 point 5): a supervisor or admin recalculates the region's granted
 * pensions after a back-dated change — the adjustment rule of `effectiveFrom`, or the calculation base of that date
 * recorded after pensions of its year were granted on the provisional one. Runs as a workflow, chunk by chunk; the
 * answer is the run with its progress. The same change again is the same run: it looks at every pension again and
 * changes nothing it changed. Refused, nothing written: a date after today or a region not served (400), no rule or
 * base of that date (404 PARAMETERS_NOT_FOUND), a payroll of the region between gathering and sending (409
 * NOT_ALLOWED_NOW: its lines are priced already — wait until it is sent).
 */
export async function startPensionRecalculation(
  ctx: CommandContext,
  request: { region: string; cause: RecalculationCauseKind; effectiveFrom: string },
): Promise<{ run: RecalculationRow; created: boolean }> {
  const { em } = ctx;
  const today = ctx.clock.today();
  const issues: InputIssue[] = [];
  if (compareDates(request.effectiveFrom, today) > 0)
    issues.push({ path: 'effectiveFrom', message: `is after today (${today}): recalculate once it is in force` });
  const served = new Set((await listServedRegions(em)).map((r) => r.code));
  if (!served.has(request.region)) issues.push({ path: 'region', message: `region ${request.region} is not served by this system` });
  if (issues.length > 0) throw invalidInput(issues);
  authorize(ctx, 'create', 'Payroll', { region: request.region });

  const cause = await loadRecalculationCause(em, request.region, request.cause, request.effectiveFrom);
  if (!cause) {
    const what = request.cause === 'adjustment' ? 'pension adjustment' : 'calculation base with an earlier (provisional) one';
    throw new DomainError('PARAMETERS_NOT_FOUND', `region ${request.region} has no ${what} of ${request.effectiveFrom}`);
  }
  const open = await openPayrollLines(em, request.region);
  if (open > 0) throw new DomainError('NOT_ALLOWED_NOW', `a payroll of region ${request.region} has ${open} lines not yet sent: recalculate after it is sent`);

  const id = recalculationIdOf(request.region, request.cause, request.effectiveFrom);
  const { created } = await openRecalculation(em, { id, ...request }, { actor: ctx.actor, requestId: ctx.requestId, now: ctx.clock.now() });
  await ctx.workflows.startPensionRecalculation({
    id,
    region: request.region,
    cause,
    nextPayroll: await nextPayrollMonth(em, request.region, monthOf(today)),
    chunkSize: RECALCULATION_CHUNK_SIZE,
  });
  const run = await findRecalculation(em, id);
  if (!run) throw new Error(`recalculation ${id} has no row`);
  return { run, created };
}
