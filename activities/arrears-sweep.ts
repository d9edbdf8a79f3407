import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { loadCalendarYears } from '../db/queries/calendar.query.js';
import { loadContributionPolicy } from '../db/queries/contribution-policy.query.js';
import { findParametersInForce } from '../db/queries/region-parameters.query.js';
import { businessKeyOf, caseIdFor, registerCase } from '../db/writers/case-intake.js';
import type { ContributionPolicy } from '../domain/arrears/arrears-policy.js';
import { HolidayCalendar } from '../domain/calendar/holiday-calendar.js';
import { compareDates, monthOf } from '../domain/calendar/local-date.js';
import { billDueDate, previousPeriod, provisionalAmount } from '../domain/contribution/declaration.js';
import { Money } from '../domain/money.js';

/** What starts (or joins) an arrears case: the workflow input. */
export interface ArrearsCaseStart {
  caseId: string;
  reference: string;
  employer: string;
  region: string;
  periods: string[];
  openedOn: string;
  policy: ContributionPolicy;
}

const PRINCIPAL = `('charge', 'provisional_charge', 'adjustment', 'principal_paid')`;

/**
 * Provisional bills for employers that did not declare (社会保险法 art. 62, domain-rules §3.3): for last month and the
 * month before, once its due date has passed, an employer billed for the month before but not for this one gets a
 * bill of 110 % of that month, booked as a `provisional_charge` and settled by an adjustment when it declares.
 */
async function openProvisionalBills(em: EntityManager, asOf: string, policy: ContributionPolicy, now: Date): Promise<number> {
  const calendar = new HolidayCalendar(await loadCalendarYears(em));
  let opened = 0;
  const last = previousPeriod(monthOf(asOf));
  for (const period of [previousPeriod(last), last]) {
    const rows = await em.execute<{ employer: string; region: string; charged: string }[]>(
      `select b.employer_credit_code as employer, e.region, sum(l.amount)::text as charged
         from bill b join employer e on e.credit_code = b.employer_credit_code and e.status = 'active'
         join ledger_entry l on l.employer_credit_code = b.employer_credit_code and l.period = b.period
          and l.entry_type in ('charge', 'provisional_charge', 'adjustment')
        where b.period = ? and not exists (select 1 from bill n where n.employer_credit_code = b.employer_credit_code and n.period = ?)
        group by 1, 2`,
      [previousPeriod(period), period],
    );
    for (const row of rows) {
      const parameters = await findParametersInForce(em, row.region, `${period}-01`);
      if (!parameters) continue;
      const dueDate = billDueDate(period, parameters.dueDay, calendar);
      if (compareDates(asOf, dueDate) <= 0) continue;
      const amount = provisionalAmount(Money.of(row.charged), policy.provisionalFactor);
      await em.transactional(async (tx) => {
        const billId = randomUUID();
        const inserted = await tx.execute<{ id: string }[]>(
          `insert into bill (id, employer_credit_code, region, period, due_date, provisional, created_at) values (?, ?, ?, ?, ?, true, ?)
           on conflict (employer_credit_code, period) do nothing returning id`,
          [billId, row.employer, row.region, period, dueDate, now],
        );
        if (inserted.length === 0) return;
        await tx.execute(
          `insert into ledger_entry (employer_credit_code, period, entry_type, amount, occurred_on, dedupe_key, created_at)
           values (?, ?, 'provisional_charge', ?, ?, ?, ?) on conflict (dedupe_key) do nothing`,
          [row.employer, period, amount.toString(), dueDate, `provisional:${row.employer}:${period}`, now],
        );
        opened += 1;
      });
    }
  }
  return opened;
}

/**
 * Finds every unpaid bill past its due date that no open arrears case pursues yet, and lands each employer's periods
 * on its one open case — registering a new case row when there is none (design.md: one case per employer). Returns
 * the starts; the caller starts or signals the workflows (signal-with-start), so a sweep that runs twice does no harm.
 */
export async function findOverdue(em: EntityManager, asOf: string, now: Date): Promise<ArrearsCaseStart[]> {
  const policy = await loadContributionPolicy(em);
  await openProvisionalBills(em, asOf, policy, now);
  const rows = await em.execute<{ employer: string; region: string; period: string }[]>(
    `select b.employer_credit_code as employer, e.region, b.period
       from bill b join employer e on e.credit_code = b.employer_credit_code
      where b.due_date < ?
        and (select coalesce(sum(l.amount), 0) from ledger_entry l
              where l.employer_credit_code = b.employer_credit_code and l.period = b.period and l.entry_type in ${PRINCIPAL}) > 0
        and not exists (select 1 from arrears_period ap join case_record c on c.id = ap.case_id and c.closed_at is null
                         where ap.employer_credit_code = b.employer_credit_code and ap.period = b.period)
      order by 1, 3`,
    [asOf],
  );
  const byEmployer = new Map<string, { region: string; periods: string[] }>();
  for (const r of rows) {
    const entry = byEmployer.get(r.employer) ?? { region: r.region, periods: [] };
    entry.periods.push(r.period);
    byEmployer.set(r.employer, entry);
  }
  const starts: ArrearsCaseStart[] = [];
  for (const [employer, { region, periods }] of byEmployer) {
    const businessKey = businessKeyOf('arrears', employer);
    const { caseId, existing } = await caseIdFor(em, 'arrears', businessKey, new Set(['settled']));
    const row =
      existing ??
      (await registerCase(em, caseId, {
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
    for (const period of periods) {
      await em.execute(
        'insert into arrears_period (case_id, period, employer_credit_code, joined_at) values (?, ?, ?, ?) on conflict do nothing',
        [row.caseId, period, employer, now],
      );
    }
    starts.push({ caseId: row.caseId, reference: row.reference, employer, region, periods, openedOn: asOf, policy });
  }
  return starts;
}

/**
 * Starts each case, or tells the running one about its new periods, in one call (signal-with-start): the case ID is
 * the workflow ID, so a case is never started twice.
 */
export async function startArrearsCases(client: Client, taskQueue: string, starts: readonly ArrearsCaseStart[]): Promise<void> {
  for (const start of starts) {
    await client.workflow.signalWithStart('arrears', {
      taskQueue,
      workflowId: start.caseId,
      args: [start],
      signal: 'arrearsPeriodsJoined',
      signalArgs: [{ periods: start.periods }],
    });
  }
}

/** The sweep as an activity: the worker's own client starts the cases on the worker's task queue. */
export async function sweepOverdueBills(orm: MikroORM, asOf: string, now: Date): Promise<{ cases: number; periods: number }> {
  const starts = await findOverdue(orm.em.fork(), asOf, now);
  const ctx = Context.current();
  await startArrearsCases(ctx.client, ctx.info.taskQueue, starts);
  return { cases: starts.length, periods: starts.reduce((n, s) => n + s.periods.length, 0) };
}

/**
 * Makes sure the daily sweep schedule exists (01:00 Asia/Shanghai, overlapping runs skipped). Idempotent: a second
 * worker finds the schedule and leaves it.
 */
export async function ensureArrearsSweepSchedule(client: Client, taskQueue: string): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId: 'arrears-sweep',
      spec: { calendars: [{ hour: 1, minute: 0 }], timezone: 'Asia/Shanghai' },
      action: { type: 'startWorkflow', workflowType: 'arrearsSweep', taskQueue, args: [], workflowId: 'arrears-sweep-run' },
      policies: { overlap: 'SKIP' },
    });
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ScheduleAlreadyRunning')) throw error;
  }
}
