// Records the investigation (稽核调查) and supervision-sweep histories that test/workflows/replay.test.ts replays.
//
//   node --import tsx test/workflows/investigation-record-histories.ts --generation 2026-12
//
// Same rule as record-histories.ts: a workflow change a running case could not survive goes behind `wf.patched()`,
// and new recordings are added beside the old ones, never over them (writeNewHistory refuses to overwrite).
// The scenarios are those of investigation.workflow.test.ts.
import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { supervisionSweep } from '../../workflows/index.js';
import { fakeActivities } from '../support/fake-activities.js';
import { generationFromArgs, writeNewHistory } from './history-files.js';
import { type InvestigationHandle, decideInvestigation, withInvestigation } from './investigation-harness.js';
import { startTimeSkipping } from './time-skipping.js';

const scenarios: { name: string; drive(handle: InvestigationHandle): Promise<unknown> }[] = [
  {
    name: 'assigned-fraud-found-closed',
    drive: async (handle) => {
      await decideInvestigation(handle, 'assigning', 'assign', 'sv-1', { investigatorId: 'sv-2' });
      await decideInvestigation(handle, 'investigating', 'fraudFound', 'sv-2', { amount: '3600.00', multiple: '3' }, '亲属冒领两个月养老金');
      await decideInvestigation(handle, 'closing', 'approve', 'sv-1');
      return handle.result();
    },
  },
  {
    name: 'returned-no-fraud-closed',
    drive: async (handle) => {
      await decideInvestigation(handle, 'assigning', 'assign', 'sv-1', { investigatorId: 'sv-2' });
      await decideInvestigation(handle, 'investigating', 'noFraud', 'sv-2', {}, '死亡当月已停发');
      await decideInvestigation(handle, 'closing', 'return', 'sv-1', {}, '请核对银行流水');
      await decideInvestigation(handle, 'investigating', 'noFraud', 'sv-2', {}, '银行流水无死亡后入账');
      await decideInvestigation(handle, 'closing', 'approve', 'sv-3');
      return handle.result();
    },
  },
];

const generation = generationFromArgs();
const { env, bundle } = await startTimeSkipping();
try {
  for (const scenario of scenarios) {
    await withInvestigation(env, bundle, fakeActivities(), async (handle) => {
      console.log(`${scenario.name}: ${JSON.stringify(await scenario.drive(handle))}`);
      console.log(writeNewHistory(`investigation-${scenario.name}`, generation, await handle.fetchHistory()));
    });
  }
  const taskQueue = `record-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: fakeActivities().activities });
  await worker.runUntil(async () => {
    const sweep = await env.client.workflow.start(supervisionSweep, { taskQueue, workflowId: `supervision-sweep-run-${randomUUID()}`, args: [] });
    console.log(`sweep: ${JSON.stringify(await sweep.result())} → ${writeNewHistory('supervisionSweep-daily-run', generation, await sweep.fetchHistory())}`);
  });
} finally {
  await env.teardown();
}
