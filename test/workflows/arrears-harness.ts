// Drives the arrears workflow on a time-skipping test environment: a fake ledger, a worker per case and the waits a
// test needs between messages. Shared by the arrears workflow test and the history recorder
// (arrears-record-histories.ts), which drives the same 90-day and two-year scenarios.
import { randomUUID } from 'node:crypto';
import { Client, type WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { ArrearsBalance } from '../../domain/arrears/arrears-case.js';
import { DEFAULT_CONTRIBUTION_POLICY } from '../../domain/arrears/arrears-policy.js';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import type { TaskCompletion } from '../../domain/task.js';
import { arrears, type ArrearsInput, getCaseView } from '../../workflows/index.js';
import { fakeActivities, type FakeActivities } from '../support/fake-activities.js';
import { until } from './enrollment-harness.js';

export const DAY = 86_400_000;

export type ArrearsHandle = WorkflowHandleWithFirstExecutionRunId<typeof arrears>;

/** A ledger the fake `arrearsBalance` reads: a test books payments by changing `principal`. */
export function arrearsLedger(start: string): { state: { principal: string }; fakes: FakeActivities } {
  const state = { principal: start };
  const fakes = fakeActivities({
    arrearsBalance: async ({ asOf, periods }): Promise<ArrearsBalance> => ({
      asOf,
      principal: state.principal,
      lateFee: '0.00',
      fine: '0.00',
      total: state.principal,
      settled: state.principal === '0.00',
      periods: periods.map((period) => ({ period, principal: state.principal, lateFee: '0.00', lateFeeDays: 0 })),
    }),
  });
  return { state, fakes };
}

/** A staff decision as the API forwards it. */
export const decide = (taskId: string, outcome: string, actorId: string, data: Record<string, unknown> = {}, comment = ''): TaskCompletion => ({
  taskId,
  outcome,
  comment,
  data,
  actorId,
  actorRole: 'caseworker',
});

/**
 * Runs one case with `fakes` on a task queue of its own; the worker stops when `scenario` returns. A plain client (not
 * `env.client`) so the clock moves only through `env.sleep` (see enrollment-harness.ts).
 */
export async function withArrearsCase<T>(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  fakes: FakeActivities,
  scenario: (handle: ArrearsHandle, input: ArrearsInput) => Promise<T>,
  overrides: Partial<ArrearsInput> = {},
): Promise<T> {
  const taskQueue = `arrears-test-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: fakes.activities });
  const client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  const today = shanghaiDateOf(await env.currentTimeMs());
  const input: ArrearsInput = {
    caseId: `arrears-${randomUUID()}`,
    reference: 'AR2026000001',
    employer: '91330102MA2H00014Y',
    region: '330102',
    periods: ['2026-09'],
    openedOn: today,
    policy: DEFAULT_CONTRIBUTION_POLICY,
    ...overrides,
  };
  return worker.runUntil(async () => {
    const handle = await client.workflow.start(arrears, { taskQueue, workflowId: input.caseId, args: [input] });
    return scenario(handle, input);
  });
}

/** The case view once the case is in `status`. */
export const arrearsStatusOf = (handle: ArrearsHandle, status: string) =>
  until(async () => {
    const view = await handle.query(getCaseView);
    return view.status === status ? view : undefined;
  }, `status ${status}`);

/** The id of the task open while the case is in `status`. */
export const arrearsTaskIn = (handle: ArrearsHandle, status: string) =>
  until(async () => {
    const view = await handle.query(getCaseView);
    return view.status === status && view.openTaskId ? view.openTaskId : undefined;
  }, `a task in ${status}`);
