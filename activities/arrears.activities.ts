import type { ArrearsBalance } from '../domain/arrears/arrears-case.js';
import type { CalendarYear } from '../domain/calendar/holiday-calendar.js';
import { loadCalendarYears } from '../db/queries/calendar.query.js';
import { loadFeeFreePeriods, loadFines, loadPeriodLedgers } from '../db/queries/contribution-ledger.query.js';
import { appendAudit, appendTimeline } from '../db/writers/case-log.js';
import { arrearsStatement, isSettled } from '../domain/arrears/arrears-statement.js';
import type { LateFeePolicy } from '../domain/contribution/late-fee.js';
import type { ActivityDeps } from './deps.js';
import { runArrearsSweep } from '../services/arrears/run-arrears-sweep.js';
import { temporalCaseWorkflows } from '../services/temporal/temporal-case-workflows.js';
import { Context } from '@temporalio/activity';

export function createArrearsActivities({ orm, clock }: ActivityDeps) {
  return {
    loadArrearsCalendar: async (): Promise<CalendarYear[]> => loadCalendarYears(orm.em.fork()),

    /**
     * What the case's periods and its fine owe as of a date (rules §4), recomputed from the ledger on every
     * payment; `settled` only when principal, late fee and fine are all paid, so an unpaid fine keeps the case open.
     */
    arrearsBalance: async (input: { caseId: string; employer: string; periods: string[]; asOf: string; lateFee: LateFeePolicy }): Promise<ArrearsBalance> => {
      const em = orm.em.fork();
      const s = arrearsStatement({
        asOf: input.asOf,
        periods: await loadPeriodLedgers(em, input.employer, input.periods),
        feeFree: await loadFeeFreePeriods(em, input.employer),
        fine: await loadFines(em, input.employer, input.caseId),
        policy: input.lateFee,
      });
      return {
        asOf: s.asOf,
        principal: s.principal.toString(),
        lateFee: s.lateFee.toString(),
        fine: s.fine.toString(),
        total: s.total.toString(),
        settled: isSettled(s),
        periods: s.periods.map((p) => ({ period: p.period, principal: p.principal.toString(), lateFee: p.lateFee.toString(), lateFeeDays: p.lateFeeDays })),
      };
    },

    /** Books an approved fine (社会保险法 art. 86) as a ledger entry, once per case and decision. */
    recordFine: async (input: {
      caseId: string;
      employer: string;
      amount: string;
      multiple: string;
      approvedBy: string;
      key: string;
      on: string;
    }): Promise<void> => {
      const at = clock.now();
      await orm.em.fork().transactional(async (em) => {
        await em.execute(
          `insert into ledger_entry (employer_credit_code, period, entry_type, amount, occurred_on, case_id, dedupe_key, created_at)
           values (?, null, 'fine', ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing`,
          [input.employer, input.amount, input.on, input.caseId, input.key, at],
        );
        await appendAudit(em, {
          at,
          actorId: input.approvedBy,
          actorRole: 'staff',
          region: null,
          action: 'arrears.fine',
          objectType: 'Case',
          objectId: input.caseId,
          detail: { amount: input.amount, multiple: input.multiple },
          key: input.key,
        });
      });
    },

    /** Days without late fee: an agreed guarantee deferral or an approved hardship deferral (rules §4). */
    recordFeeWaiver: async (input: {
      caseId: string;
      employer: string;
      from: string;
      until: string;
      reason: string;
      approvedBy: string;
      key: string;
    }): Promise<void> => {
      const at = clock.now();
      await orm.em.fork().transactional(async (em) => {
        await em.execute(
          `insert into late_fee_waiver (employer_credit_code, from_date, to_date, reason, case_id, dedupe_key, created_at)
           values (?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing`,
          [input.employer, input.from, input.until, input.reason.slice(0, 200), input.caseId, input.key, at],
        );
        await appendAudit(em, {
          at,
          actorId: input.approvedBy,
          actorRole: 'staff',
          region: null,
          action: 'arrears.deferral',
          objectType: 'Case',
          objectId: input.caseId,
          detail: { from: input.from, until: input.until },
          key: input.key,
        });
        await appendTimeline(em, {
          caseId: input.caseId,
          key: `${input.key}:timeline`,
          at,
          actor: input.approvedBy,
          action: 'arrears.deferral',
          detail: { from: input.from, until: input.until, reason: input.reason },
        });
      });
    },

    /** The daily sweep (the arrears-sweep schedule): the worker's own client starts the cases on its task queue. */
    sweepOverdueBills: async (input: { asOf: string }): Promise<{ cases: number; periods: number }> => {
      const { client, info } = Context.current();
      const starts = await runArrearsSweep({ em: orm.em.fork(), clock, workflows: temporalCaseWorkflows(client, info.taskQueue) }, input.asOf);
      return { cases: starts.length, periods: starts.reduce((n, s) => n + s.periods.length, 0) };
    },
  };
}
