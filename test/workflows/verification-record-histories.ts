// Records the verification sweep history that test/workflows/replay.test.ts replays.
//
//   node --import tsx test/workflows/verification-record-histories.ts --generation 2026-12
//
// Same rule as record-histories.ts: a workflow change a running case could not survive goes behind `wf.patched()`,
// and new recordings are added beside the old ones, never over them (history-files.ts).
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { generationFromArgs, writeNewHistory } from './history-files.js';
import { startTimeSkipping } from './time-skipping.js';
import { monthlyPension, runSweep, sweepFakes } from './verification-harness.js';

const generation = generationFromArgs();
const { env, bundle } = await startTimeSkipping();
try {
  // A beneficiary approved 13 months ago is overdue: the daily run suspends them.
  const approvedOn = shanghaiDateOf((await env.currentTimeMs()) - 400 * 24 * 3600 * 1000);
  const run = await runSweep(env, bundle, sweepFakes(monthlyPension(approvedOn)));
  console.log(`daily run: ${JSON.stringify(run.result)} → ${writeNewHistory('verificationSweep-daily-run', generation, run.history)}`);
} finally {
  await env.teardown();
}
