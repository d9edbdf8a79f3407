// Records the missed-instalment sweep history that test/workflows/replay.test.ts replays.
//
//   node --import tsx test/workflows/missed-instalment-record-histories.ts --generation 2026-12
//
// Same rule as record-histories.ts: a workflow change a running case could not survive goes behind `wf.patched()`,
// and new recordings are added beside the old ones, never over them (history-files.ts).
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { monthOf, shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { instalmentFollowUp } from '../../domain/payroll/missed-instalments.js';
import { addPeriods } from '../../domain/payroll/payroll-month.js';
import { missedInstalmentSweep } from '../../workflows/index.js';
import { fakeActivities } from '../support/fake-activities.js';
import { generationFromArgs, writeNewHistory } from './history-files.js';
import { startTimeSkipping } from './time-skipping.js';

const generation = generationFromArgs();
const { env, bundle } = await startTimeSkipping();
try {
  // An agreement whose first month was three months ago and that collected nothing: the daily run chases its first month.
  const firstMonth = addPeriods(monthOf(shanghaiDateOf(await env.currentTimeMs())), -3);
  const fakes = fakeActivities({
    chaseMissedInstalments: async ({ today }) => {
      const followUp = instalmentFollowUp({ total: '3000.00', monthlyAmount: '1000.00', firstMonth, collected: '0.00', today, graceMonths: 1 });
      return { today, chased: followUp.chase === null ? 0 : 1 };
    },
  });
  const taskQueue = `missed-instalment-test-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: fakes.activities });
  const client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  const run = await worker.runUntil(async () => {
    const handle = await client.workflow.start(missedInstalmentSweep, { taskQueue, workflowId: `missed-instalment-sweep-run-${randomUUID()}`, args: [] });
    return { result: await handle.result(), history: await handle.fetchHistory() };
  });
  console.log(`daily run: ${JSON.stringify(run.result)} → ${writeNewHistory('missedInstalmentSweep-daily-run', generation, run.history)}`);
} finally {
  await env.teardown();
}
