import { findPayroll, type PayrollRow } from '../../db/queries/payroll.query.js';
import { runningRecalculations } from '../../db/queries/pension-recalculation.query.js';
import { loadOverpaymentPolicy } from '../../db/queries/settings.query.js';
import { listServedRegions } from '../../db/queries/region.query.js';
import { businessKeyOf, caseIdFor, registerCase } from '../../db/writers/case-intake.js';
import { monthOf } from '../../domain/calendar/local-date.js';
import { DomainError, invalidInput, type InputIssue } from '../../domain/errors.js';
import { DEFAULT_PAYROLL_CHUNK_SIZE, DEFAULT_PAYROLL_LANES } from '../../domain/payroll/payroll-gathering.js';
import { addPeriods, isPeriod } from '../../domain/payroll/payroll-month.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/**
 * 待遇拨付: a supervisor (or admin) runs the region's payroll for a month (docs/api.md "Benefit claims and payments").
 * One per region and month: the business key is the region and the month, so a repeat — or a retry after a timeout —
 * lands on the same case and answers it with `created: false`. Refused with the field named, nothing written, for a
 * month that is not YYYY-MM or lies beyond next month, or a region this system does not serve. The case row and the
 * progress row are written before the workflow starts, which is (re)started every time so a first attempt that never
 * reached Temporal is finished by the retry. The progress row keeps the overpayment policy in force (`payroll.overpayment`),
 * which every chunk withholds by. A new payroll waits while a pension recalculation of the region runs (409
 * NOT_ALLOWED_NOW): it would find some pensions at their old amount and some at their new one.
 */
export async function startPayroll(ctx: CommandContext, request: { region: string; period: string }): Promise<{ payroll: PayrollRow; created: boolean }> {
  const { em } = ctx;
  const issues: InputIssue[] = [];
  const latest = addPeriods(monthOf(ctx.clock.today()), 1);
  if (!isPeriod(request.period)) issues.push({ path: 'period', message: 'must be a month written YYYY-MM' });
  else if (request.period > latest) issues.push({ path: 'period', message: `is after ${latest}: a payroll runs at the latest the month before it pays` });
  const served = new Set((await listServedRegions(em)).map((r) => r.code));
  if (!served.has(request.region)) issues.push({ path: 'region', message: `region ${request.region} is not served by this system` });
  if (issues.length > 0) throw invalidInput(issues);
  authorize(ctx, 'create', 'Payroll', { region: request.region });

  const businessKey = businessKeyOf('payroll', request.region, request.period);
  const { caseId, existing } = await caseIdFor(em, 'payroll', businessKey, new Set());
  // A recalculation changes amounts chunk by chunk: a payroll gathered meanwhile would pay some pensions old, some new.
  if (!existing && (await runningRecalculations(em, request.region)) > 0)
    throw new DomainError('NOT_ALLOWED_NOW', `a pension recalculation of region ${request.region} is running: run the payroll when it is done`);
  const now = ctx.clock.now();
  const row =
    existing ??
    (await registerCase(em, caseId, {
      type: 'payroll',
      businessKey,
      region: request.region,
      citizenId: null,
      employerCreditCode: null,
      applicantId: ctx.actor.id,
      applicantRole: ctx.actor.role,
      subjectName: `${request.region} ${request.period}`,
      summary: { region: request.region, period: request.period },
      requestId: ctx.requestId,
      now,
    }));
  // The payroll withholds by the overpayment policy in force now (`payroll.overpayment`), kept with it: a repeat keeps the first.
  const overpayment = await loadOverpaymentPolicy(em);
  await em.execute(
    `insert into payroll (case_id, reference, region, period, started_by, entitlements_seen, entitlements_total, lines_gathered, lines_checked,
       lines_held, due_total, held_total, created_at, overpayment_policy) values (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, ?, ?) on conflict do nothing`,
    [row.caseId, row.reference, request.region, request.period, row.applicantId, now, JSON.stringify(overpayment)],
  );
  await ctx.workflows.startPayroll({
    caseId: row.caseId,
    reference: row.reference,
    region: request.region,
    period: request.period,
    startedBy: row.applicantId,
    chunkSize: DEFAULT_PAYROLL_CHUNK_SIZE,
    lanes: DEFAULT_PAYROLL_LANES,
  });
  const payroll = await findPayroll(em, row.caseId);
  if (!payroll) throw new Error(`payroll ${row.reference} has no progress row`);
  return { payroll, created: existing === null };
}
