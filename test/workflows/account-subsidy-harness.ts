// Drives the account-subsidy-declaration workflow on a time-skipping test environment with recording fakes. Shared by
// the workflow test and the recorder (account-subsidy-record-histories.ts), which drive the same scenarios.
import { randomUUID } from 'node:crypto';
import { Client, type WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { CN_CALENDAR_YEARS } from '../../domain/calendar/default-calendar.js';
import { monthOf, shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { accountSubsidyDeclaration, type AccountSubsidyInput } from '../../workflows/index.js';
import type { FakeActivities } from '../support/fake-activities.js';

export type SubsidyHandle = WorkflowHandleWithFirstExecutionRunId<typeof accountSubsidyDeclaration>;

/** Three retirees' monthly credit of 70.00 each (2 % of a local average pension of 3 500.00, rules §5.6), declared today. */
export function accountSubsidyInput(declaredOn: string): AccountSubsidyInput {
  return {
    caseId: `accountSubsidy-${randomUUID()}`,
    reference: 'BZ2026000001',
    region: '330102',
    ruleId: 'retiree-account-credit',
    period: monthOf(declaredOn),
    basis: '国办发〔2021〕14号 (test)',
    declaredOn,
    persons: 3,
    total: '210.00',
    requestHash: 'test',
    declaredBy: { id: 'agent-1', role: 'employer' },
    employerCreditCode: null,
    calendar: CN_CALENDAR_YEARS,
  };
}

/** Runs one declaration on a task queue of its own; the worker stops when `scenario` returns. */
export async function withSubsidy<T>(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  fakes: FakeActivities,
  scenario: (handle: SubsidyHandle, input: AccountSubsidyInput) => Promise<T>,
): Promise<T> {
  const taskQueue = `account-subsidy-test-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: fakes.activities });
  const client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  const input = accountSubsidyInput(shanghaiDateOf(await env.currentTimeMs()));
  return worker.runUntil(async () => {
    const handle = await client.workflow.start(accountSubsidyDeclaration, { taskQueue, workflowId: input.caseId, args: [input] });
    return scenario(handle, input);
  });
}
