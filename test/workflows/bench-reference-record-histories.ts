// Records the history of the bench's bare-Update reference workflow that test/workflows/replay.test.ts replays.
//
//   node --import tsx test/workflows/bench-reference-record-histories.ts --generation 2026-12
//
// Same rule as the other recorders: new recordings beside the old ones, never over them (history-files.ts).
import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalTestServerPath } from '../../bin/tools/temporal-binaries.js';
import { installSdkLogging } from '../../bin/worker-runtime.js';
import { bareUpdate, echoUpdate, finishReference } from '../../workflows/index.js';
import { bundleWorkflows } from './enrollment-harness.js';
import { generationFromArgs, writeNewHistory } from './history-files.js';

const generation = generationFromArgs();

installSdkLogging('WARN');
const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: temporalTestServerPath() } } });
try {
  const taskQueue = `record-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await bundleWorkflows() });
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start(bareUpdate, { taskQueue, workflowId: `bare-update-${randomUUID()}`, args: [] });
    // A few Updates as the bench sends them, then the signal that ends it.
    for (let i = 0; i < 3; i += 1) await handle.executeUpdate(echoUpdate, { args: [i] });
    await handle.signal(finishReference);
    await handle.result();
    console.log(`bareUpdate → ${writeNewHistory('bareUpdate-bench-reference', generation, await handle.fetchHistory())}`);
  });
} finally {
  await env.teardown();
}
