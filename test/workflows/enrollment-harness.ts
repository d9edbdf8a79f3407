// Drives the enrollment workflow on a test environment: a worker per scenario with recording fakes, and the waits a
// test needs between messages. Shared by the workflow tests and the history recorder.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { TaskCompletion } from '../../domain/task.js';
import { type CaseView, completeTask, enrollment, type EnrollmentInput, getCaseView } from '../../workflows/index.js';
import type { FakeActivities } from '../support/fake-activities.js';
import { workflowsPath } from '../../bin/worker-runtime.js';

// The worker's own entry (bin/worker-runtime.ts), so the recorded histories come from the bundle production runs.
export { workflowsPath };

const quiet = { log: () => {}, trace: () => {}, debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/**
 * The workflow bundle: bundling takes seconds, a worker per scenario takes milliseconds with it. Inside the test run
 * it is the one the global setup built for every file; the history recorders, run on their own, bundle here.
 */
export async function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  if (process.env.VITEST) return (await import('../support/services.js')).workflowBundleForTest();
  return bundleWorkflowCode({ workflowsPath, logger: quiet });
}

export type EnrollmentHandle = WorkflowHandle<typeof enrollment>;

/**
 * Runs `scenario` while a worker with `fakes` serves a task queue of its own; the worker stops when it returns.
 * Handles come from `env.client`: awaiting `handle.result()` lets the server skip to the next timer, and `env.sleep`
 * skips a stated amount. After a case completes, the test server (1.40) may jump far ahead (10 years was seen), so
 * tests read the workflow clock with `env.currentTimeMs()` (it stands still between skips), never the host clock.
 */
export async function withEnrollmentWorker<T>(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  fakes: FakeActivities,
  scenario: (start: (input: EnrollmentInput) => Promise<EnrollmentHandle>) => Promise<T>,
): Promise<T> {
  const taskQueue = `enrollment-test-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: fakes.activities });
  const start = (input: EnrollmentInput) => env.client.workflow.start(enrollment, { taskQueue, workflowId: `enrollment-${input.caseId}`, args: [input] });
  return worker.runUntil(() => scenario(start));
}

/**
 * Polls in real time until `check` answers a value. Queries and activities do not move the time-skipping clock, so
 * this waits for the worker to catch up without skipping any deadline.
 */
export async function until<T>(check: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      // A query before the workflow registered its handlers fails; anything else is retried until the deadline too.
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A case's handle as the waits below need it (any case type). */
type CaseHandle = Pick<WorkflowHandle, 'query' | 'executeUpdate'>;

/**
 * The case view once the follow-up of its last decision has run (`settled`, workflows/task-decisions.ts): its effects
 * and read model written, the next step's task open. A decision's answer leaves before that follow-up, and the
 * follow-up runs as local activities the test server does not see: wait for this before looking for what the decision
 * led to, and before `env.sleep`, which would otherwise skip time while they hold the workflow task (it times out).
 */
export function settledView(handle: CaseHandle): Promise<CaseView> {
  return until(async () => {
    const view = await handle.query(getCaseView);
    return view.settled === false ? undefined : view;
  }, 'the follow-up of the last decision');
}

/**
 * Sends a decision as the API does and waits until the case has settled (`settledView`); answers the decision's own
 * answer (the view as the decision left it). `updateId` lets a test send the same decision again.
 */
export async function decideSettled(handle: CaseHandle, completion: TaskCompletion, updateId?: string): Promise<CaseView> {
  const answer = await handle.executeUpdate(completeTask, { args: [completion], ...(updateId ? { updateId } : {}) });
  await settledView(handle);
  return answer;
}

/** The case view once the review task is open. */
export function openReview(handle: EnrollmentHandle): Promise<CaseView & { openTaskId: string }> {
  return until(async () => {
    const view = await handle.query(getCaseView);
    return view.status === 'underReview' && view.openTaskId ? { ...view, openTaskId: view.openTaskId } : undefined;
  }, 'an open review task');
}

/** A caseworker's decision as the API would forward it. */
export function decision(taskId: string, outcome: string, { actorId = 'cw-002', comment = '' } = {}): TaskCompletion {
  return { taskId, outcome, comment, data: {}, actorId, actorRole: 'caseworker' };
}
