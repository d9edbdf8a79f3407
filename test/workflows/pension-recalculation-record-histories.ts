// Records the pension recalculation histories that test/workflows/replay.test.ts replays:
//
//   node --import tsx test/workflows/pension-recalculation-record-histories.ts --generation 2026-12
//
// Same rule as every recorder: a change a running recalculation could not survive goes behind `wf.patched()`, and new
// recordings are added beside the old ones, never over them (writeNewHistory refuses to overwrite).
import { generationFromArgs, writeNewHistory } from './history-files.js';
import { recalculationFakes, withRecalculation } from './pension-recalculation-harness.js';
import { startTimeSkipping } from './time-skipping.js';

const generation = generationFromArgs();
const { env, bundle } = await startTimeSkipping();
try {
  await withRecalculation(env, bundle, recalculationFakes(), async (handle) => {
    console.log(JSON.stringify(await handle.result()));
    console.log(writeNewHistory('pensionRecalculation-three-chunks-done', generation, await handle.fetchHistory()));
  });
} finally {
  await env.teardown();
}
