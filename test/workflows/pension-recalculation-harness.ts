// Drives the pension recalculation workflow on a time-skipping test environment with recording fakes: a region whose
// pension cases come in three chunks, for pension-recalculation.workflow.test.ts and the recorder
// (pension-recalculation-record-histories.ts), which drive it the same way.
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { pensionRecalculation, type PensionRecalculationInput } from '../../workflows/index.js';
import { fakeActivities, type FakeActivities } from '../support/fake-activities.js';

/** Three chunks of 2 pension cases (the last one short), 3 lines changed in all. */
export function recalculationFakes(): FakeActivities {
  const chunks = [
    { next: 'case-2', seen: 2, changed: 2 },
    { next: 'case-4', seen: 2, changed: 0 },
    { next: null, seen: 1, changed: 1 },
  ];
  let n = 0;
  return fakeActivities({ recalculatePensionChunk: async () => chunks[n++]! });
}

export const recalculationInput = (): PensionRecalculationInput => ({
  id: `330203-adjustment-2026-07-01-${randomUUID().slice(0, 4)}`,
  region: '330203',
  cause: { kind: 'adjustment', rule: { effectiveFrom: '2026-07-01', fixedAmount: '50.00', share: '0.02', basis: 'test notice' } },
  nextPayroll: '2026-12',
  chunkSize: 2,
});

export async function withRecalculation<T>(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  fakes: FakeActivities,
  scenario: (handle: Awaited<ReturnType<Client['workflow']['start']>>, input: PensionRecalculationInput) => Promise<T>,
): Promise<T> {
  const taskQueue = `recalculation-test-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: fakes.activities });
  const client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  const input = recalculationInput();
  return worker.runUntil(async () => {
    const handle = await client.workflow.start(pensionRecalculation, { taskQueue, workflowId: `pension-recalculation-${input.id}`, args: [input] });
    return scenario(handle, input);
  });
}
