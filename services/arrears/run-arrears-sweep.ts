import type { EntityManager } from '@mikro-orm/postgresql';
import { loadCalendarYears } from '../../db/queries/calendar.query.js';
import { loadContributionPolicy } from '../../db/queries/contribution-policy.query.js';
import { employersWithoutBillFor, unpursuedOverdueBills } from '../../db/queries/overdue-bills.query.js';
import { findParametersInForce } from '../../db/queries/region-parameters.query.js';
import { joinArrearsPeriods } from '../../db/writers/arrears-periods.js';
import { businessKeyOf, caseIdFor, registerCase } from '../../db/writers/case-intake.js';
import { openProvisionalBill } from '../../db/writers/contribution-ledger.js';
import type { ArrearsCaseStart } from '../../domain/arrears/arrears-case.js';
import type { ContributionPolicy } from '../../domain/arrears/arrears-policy.js';
import { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { compareDates, monthOf } from '../../domain/calendar/local-date.js';
import { billDueDateOf, previousPeriod, provisionalAmount } from '../../domain/contribution/declaration.js';
import { DomainError } from '../../domain/errors.js';
import { Money } from '../../domain/money.js';
import { authorize } from '../authorization.js';
import type { BusinessClock } from '../business-clock.js';
import type { CommandContext } from '../command-context.js';
import type { CaseWorkflows } from '../workflow-port.js';

/** What the sweep needs; the daily schedule runs it as the system, the API on a person's behalf. */
export interface SweepContext {
  em: EntityManager;
  clock: BusinessClock;
  workflows: CaseWorkflows;
}

/**
 * The overdue sweep (欠费追缴, rules §3.3, §4): provisional bills for employers that did not declare, then every
 * unpaid bill past its due date lands on its employer's one open arrears case — a new case row when there is none —
 * and each case is started or told about its new periods (signal-with-start). Running it twice does no harm.
 */
export async function runArrearsSweep(ctx: SweepContext, asOf: string): Promise<ArrearsCaseStart[]> {
  const now = ctx.clock.now();
  const policy = await loadContributionPolicy(ctx.em);
  await openProvisionalBills(ctx.em, asOf, policy, now);
  const byEmployer = new Map<string, { region: string; periods: string[] }>();
  for (const r of await unpursuedOverdueBills(ctx.em, asOf)) {
    const entry = byEmployer.get(r.employer) ?? { region: r.region, periods: [] };
    entry.periods.push(r.period);
    byEmployer.set(r.employer, entry);
  }
  const starts: ArrearsCaseStart[] = [];
  for (const [employer, { region, periods }] of byEmployer) {
    const businessKey = businessKeyOf('arrears', employer);
    const { caseId, existing } = await caseIdFor(ctx.em, 'arrears', businessKey, new Set(['settled']));
    const row =
      existing ??
      (await registerCase(ctx.em, caseId, {
        type: 'arrears',
        businessKey,
        region,
        citizenId: null,
        employerCreditCode: employer,
        applicantId: 'system',
        applicantRole: 'system',
        subjectName: null,
        summary: { periods },
        requestId: null,
        now,
      }));
    await joinArrearsPeriods(ctx.em, row.caseId, employer, periods, now);
    starts.push({ caseId: row.caseId, reference: row.reference, employer, region, periods, openedOn: asOf, policy });
  }
  await ctx.workflows.startArrearsCases(starts);
  return starts;
}

/** `POST /v1/arrears-sweeps`: a supervisor or an administrator runs the sweep now, for a date up to today. */
export async function runArrearsSweepNow(ctx: CommandContext, asOf: string | undefined): Promise<{ asOf: string; starts: ArrearsCaseStart[] }> {
  // The sweep covers every region's overdue bills; the right to open arrears cases in one's own region is what it takes.
  if (ctx.actor.region === undefined) authorize(ctx, 'create', 'ArrearsCase', { employerCreditCode: '', region: '' });
  else authorize(ctx, 'create', 'ArrearsCase', { employerCreditCode: '', region: ctx.actor.region });
  const today = ctx.clock.today();
  const day = asOf ?? today;
  if (day > today) throw new DomainError('INVALID_DATE', `asOf ${day} is after today (${today}): bills cannot be overdue yet`, { path: 'asOf' });
  return { asOf: day, starts: await runArrearsSweep(ctx, day) };
}

/**
 * Provisional bills for employers that did not declare (社会保险法 art. 62, rules §3.3): for last month and the
 * month before, once its due date has passed, an employer billed for the month before but not for this one gets a
 * bill of 110 % of that month.
 */
async function openProvisionalBills(em: EntityManager, asOf: string, policy: ContributionPolicy, now: Date): Promise<number> {
  const calendar = new HolidayCalendar(await loadCalendarYears(em));
  let opened = 0;
  const last = previousPeriod(monthOf(asOf));
  for (const period of [previousPeriod(last), last]) {
    for (const row of await employersWithoutBillFor(em, period, previousPeriod(period))) {
      const parameters = await findParametersInForce(em, row.region, `${period}-01`);
      if (!parameters) continue;
      const due = billDueDateOf(period, parameters.dueDay, calendar);
      if (compareDates(asOf, due.dueDate) <= 0) continue;
      const amount = provisionalAmount(Money.of(row.charged), policy.provisionalFactor);
      const bill = { employer: row.employer, region: row.region, period, dueDate: due.dueDate, dueDateProvisional: due.provisional, amount, now };
      if (await openProvisionalBill(em, bill)) opened += 1;
    }
  }
  return opened;
}
