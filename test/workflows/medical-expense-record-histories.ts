// Records the medical-expense-declaration histories that test/workflows/replay.test.ts replays.
//
//   node --import tsx test/workflows/medical-expense-record-histories.ts --generation 2026-12
//
// Same rule as record-histories.ts: a workflow change a running case could not survive goes behind `wf.patched()`,
// and new recordings are added beside the old ones, never over them (writeNewHistory refuses to overwrite).
// The scenarios are those of medical-expense.workflow.test.ts.
import { fakeActivities } from '../support/fake-activities.js';
import { generationFromArgs, writeNewHistory } from './history-files.js';
import { reviewScenarios, withDeclaration } from './medical-expense-harness.js';
import { startTimeSkipping } from './time-skipping.js';

const scenarios = reviewScenarios({ returned: '请补充出院小结', rejected: '发票与病历不符' });

const generation = generationFromArgs();
const { env, bundle } = await startTimeSkipping();
try {
  for (const scenario of scenarios) {
    await withDeclaration(env, bundle, fakeActivities(), async (handle) => {
      console.log(`${scenario.name}: ${JSON.stringify(await scenario.drive(handle))}`);
      console.log(writeNewHistory(`medicalExpenseDeclaration-${scenario.name}`, generation, await handle.fetchHistory()));
    });
  }
} finally {
  await env.teardown();
}
