// Drives the investigation workflow (稽核调查) on a time-skipping test environment with recording fakes. Shared by the
// workflow test and the recorder (investigation-record-histories.ts), which drive the same scenarios.
import { randomUUID } from 'node:crypto';
import { Client, type WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { CN_CALENDAR_YEARS } from '../../domain/calendar/default-calendar.js';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { DEFAULT_FRAUD_PENALTY_POLICY } from '../../domain/supervision/penalty.js';
import { getCaseView, investigation, type InvestigationInput } from '../../workflows/index.js';
import type { FakeActivities } from '../support/fake-activities.js';
import { decide } from './benefit-claim-harness.js';
import { decideSettled, until } from './enrollment-harness.js';

export type InvestigationHandle = WorkflowHandleWithFirstExecutionRunId<typeof investigation>;

/** A death record found against an active pension, 3 600.00 paid for two months after the death (rules §8 pattern 1). */
export function investigationInput(foundOn: string): InvestigationInput {
  const caseId = `investigation-${randomUUID()}`;
  return {
    caseId,
    reference: 'JC2026000001',
    region: '330102',
    hit: {
      control: 'DECEASED_ACTIVE_BENEFIT',
      subjectKey: `DECEASED_ACTIVE_BENEFIT:${caseId}`,
      reason: 'died 2026-09-14; pension e-1 not stopped (§8 pattern 1)',
      amount: '3600.00',
      sourceCaseId: null,
      foundOn,
    },
    penaltyPolicy: DEFAULT_FRAUD_PENALTY_POLICY,
    calendar: CN_CALENDAR_YEARS,
  };
}

/** Runs one investigation on a task queue of its own; the worker stops when `scenario` returns. */
export async function withInvestigation<T>(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  fakes: FakeActivities,
  scenario: (handle: InvestigationHandle, input: InvestigationInput) => Promise<T>,
): Promise<T> {
  const taskQueue = `investigation-test-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: fakes.activities });
  const client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  const input = investigationInput(shanghaiDateOf(await env.currentTimeMs()));
  return worker.runUntil(async () => {
    const handle = await client.workflow.start(investigation, { taskQueue, workflowId: input.caseId, args: [input] });
    return scenario(handle, input);
  });
}

/** The id of the task open while the investigation is in `status`. */
export const investigationTaskIn = (handle: InvestigationHandle, status: string) =>
  until(async () => {
    const view = await handle.query(getCaseView);
    return view.status === status && view.openTaskId ? view.openTaskId : undefined;
  }, `a task in ${status}`);

/** Completes the task open in `status` with `data` and waits until the case has settled. */
export async function decideInvestigation(
  handle: InvestigationHandle,
  status: string,
  outcome: string,
  actorId: string,
  data: Record<string, unknown> = {},
  comment = '',
): Promise<string> {
  const taskId = await investigationTaskIn(handle, status);
  await decideSettled(handle, { ...decide(taskId, outcome, actorId, data, comment), actorRole: 'supervisor' });
  return taskId;
}
