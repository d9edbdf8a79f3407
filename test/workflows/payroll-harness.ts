// Drives the payroll workflow on a time-skipping test environment with recording fakes: a region whose gathering
// yields some lines in two chunks, one of them held, and the scenarios of payroll.workflow.test.ts, which the recorder
// (payroll-record-histories.ts) drives the same way.
import { randomUUID } from 'node:crypto';
import { Client, type WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { completeTask, getCaseView, payroll, payrollBankReturn, type PayrollInput } from '../../workflows/index.js';
import { fakeActivities, type FakeActivities } from '../support/fake-activities.js';
import { decide } from './benefit-claim-harness.js';
import { until } from './enrollment-harness.js';

export type PayrollHandle = WorkflowHandleWithFirstExecutionRunId<typeof payroll>;

/**
 * The first lane of the entitlement IDs has two chunks: 3 lines (1 held) then 2 lines; the second lane none. 4 sent;
 * `held` hold tasks and `failed` failed-line tasks opened.
 */
export function payrollFakes(): FakeActivities {
  return fakeActivities({
    gatherPayrollChunk: async (input) => {
      if (input.after === null) return { next: 'e-3', seen: 3, gathered: 3, held: 1 };
      if (input.after === 'e-3') return { next: null, seen: 2, gathered: 2, held: 0 };
      return { next: null, seen: 0, gathered: 0, held: 0 };
    },
    openPayrollLineTasks: async () => ({ opened: 1 }),
    sendPayrollBatch: async () => ({ lines: 4, total: '13200.00' }),
    sendPayrollLines: async (input) => ({ lines: input.after === null ? 4 : 0 }),
    finishPayrollSend: async () => ({ lines: 4, total: '13200.00' }),
  });
}

export async function withPayroll<T>(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  fakes: FakeActivities,
  scenario: (handle: PayrollHandle, input: PayrollInput) => Promise<T>,
): Promise<T> {
  const taskQueue = `payroll-test-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: fakes.activities });
  const client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  const input: PayrollInput = {
    caseId: `payroll-${randomUUID()}`,
    reference: 'PR2026000001',
    region: '330102',
    period: '2026-12',
    startedBy: 'sv-1',
    chunkSize: 3,
  };
  return worker.runUntil(async () => {
    const handle = await client.workflow.start(payroll, { taskQueue, workflowId: input.caseId, args: [input] });
    return scenario(handle, input);
  });
}

export const approvalTaskOf = (handle: PayrollHandle) =>
  until(async () => {
    const view = await handle.query(getCaseView);
    return view.status === 'approval' && view.openTaskId ? view.openTaskId : undefined;
  }, 'the approval task');

export const payrollStatusOf = (handle: PayrollHandle, status: string) =>
  until(async () => ((await handle.query(getCaseView)).status === status ? true : undefined), `status ${status}`);

/** The whole happy path with one hold released, one failed line retried. */
export async function holdApproveFailRetry(handle: PayrollHandle, fakes: FakeActivities): Promise<unknown> {
  const approval = await approvalTaskOf(handle);
  await handle.executeUpdate(completeTask, { args: [decide('hold-task-1', 'release', 'cw-1')] });
  await handle.executeUpdate(completeTask, { args: [decide(approval, 'approve', 'sv-2')] });
  await payrollStatusOf(handle, 'paying');
  await handle.signal(payrollBankReturn, { fingerprint: 'f1', outstanding: 0, failed: 1 });
  await until(() => (fakes.callsTo('openPayrollLineTasks').some((c) => c.input.lineStatus === 'failed') ? true : undefined), 'the failed-line task');
  await handle.executeUpdate(completeTask, { args: [decide('failed-task-1', 'retry', 'cw-1', { bankAccount: '6222021234567890777' })] });
  return handle.result();
}
