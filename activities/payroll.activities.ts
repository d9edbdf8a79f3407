import type { CalendarYear } from '../domain/calendar/holiday-calendar.js';
import type { Refusal } from '../domain/errors.js';
import type { TaskSpec } from '../domain/task.js';
import type { TaskCompletion } from '../domain/task.js';
import { loadCalendarYears } from '../db/queries/calendar.query.js';
import { decidePayrollLine } from '../db/writers/payroll-line-decisions.js';
import {
  finishPayrollGathering,
  finishPayrollSend,
  gatherPayrollChunk,
  type ChunkResult,
  type GatherChunk,
  sendPayrollBatch,
  sendPayrollLines,
  startPayrollGathering,
} from '../db/writers/payroll-lines.js';
import { openPayrollLineTasks } from '../db/writers/task-store.js';
import { runVerificationSweep } from '../services/verification/run-verification-sweep.js';
import type { ActivityDeps } from './deps.js';

/**
 * The payroll's side effects (workflows/payroll.workflow.ts, docs/payroll.md). Each is one transaction, set-based over
 * the payroll's lines, and idempotent: retried, it writes nothing twice (line keys, ledger dedupe keys, counters that
 * count only what an insert wrote).
 */
export function createPayrollActivities({ orm, clock }: ActivityDeps) {
  const em = () => orm.em.fork();
  return {
    /**
     * The holiday calendar (task due dates) and the carried-over lines, once at the start; recorded in history. The
     * region's verification sweep runs first (rules §8), so a beneficiary whose verification ran out since the last
     * daily sweep is suspended before this payroll gathers (the payroll's progress row has seen no entitlement yet, so
     * the suspension starts in this payroll's month).
     */
    startPayroll: async (input: { caseId: string; region: string }): Promise<{ calendar: CalendarYear[]; carried: number }> => {
      const fork = em();
      await runVerificationSweep({ em: fork, clock }, { today: clock.today(), region: input.region, actor: { id: 'system', role: 'system' }, requestId: null });
      const calendar = await loadCalendarYears(fork);
      const { carried } = await startPayrollGathering(fork, { payrollId: input.caseId, region: input.region }, clock.now());
      return { calendar, carried };
    },
    /** One chunk of entitlements: lines built, checked and written, progress counted. */
    gatherPayrollChunk: async (chunk: GatherChunk): Promise<ChunkResult> => gatherPayrollChunk(em(), chunk),
    finishPayrollGathering: async (input: { caseId: string }): Promise<void> => finishPayrollGathering(em(), input.caseId, clock.now()),
    /** One task per held (or failed) line without one; returns how many were opened. */
    openPayrollLineTasks: async (input: {
      caseId: string;
      region: string;
      lineStatus: 'held' | 'failed';
      spec: TaskSpec;
      dueAt: string;
      provisional: boolean;
      occurrence: number;
    }): Promise<{ opened: number }> => {
      const opened = await em().transactional((tx) => openPayrollLineTasks(tx, { ...input, dueAt: new Date(input.dueAt) }, clock.now()));
      return { opened };
    },
    /** A caseworker's decision on a line task, or the refusal the workflow answers with. */
    decidePayrollLine: async (input: {
      caseId: string;
      region: string;
      period: string;
      completion: TaskCompletion;
      batchApproved: boolean;
    }): Promise<{ refused: Refusal } | { status: string }> =>
      decidePayrollLine(
        em(),
        { payrollId: input.caseId, region: input.region, period: input.period, completion: input.completion, batchApproved: input.batchApproved },
        clock.now(),
      ),
    /** One lane of the approved batch into the disbursement ledger (payrolls since the send went in lanes). */
    sendPayrollLines: async (input: { caseId: string; after: string | null; before: string | null }): Promise<{ lines: number }> =>
      sendPayrollLines(em(), { payrollId: input.caseId, after: input.after, before: input.before }, clock.now()),
    /** Every lane sent: the approval stamped (the bank file exists from then on), what was sent audited. */
    finishPayrollSend: async (input: { caseId: string; region: string; approvedBy: string }): Promise<{ lines: number; total: string }> =>
      finishPayrollSend(em(), { payrollId: input.caseId, region: input.region, approvedBy: input.approvedBy }, clock.now()),
    /** The approved batch into the bank file and the disbursement ledger, in one go (payrolls started before the lanes). */
    sendPayrollBatch: async (input: { caseId: string; region: string; approvedBy: string }): Promise<{ lines: number; total: string }> =>
      sendPayrollBatch(em(), { payrollId: input.caseId, region: input.region, approvedBy: input.approvedBy }, clock.now()),
  };
}
