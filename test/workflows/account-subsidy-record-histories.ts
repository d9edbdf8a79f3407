// Records the account-subsidy-declaration histories that test/workflows/replay.test.ts replays.
//
//   node --import tsx test/workflows/account-subsidy-record-histories.ts --generation 2026-12
//
// Same rule as record-histories.ts: a workflow change a running case could not survive goes behind `wf.patched()`,
// and new recordings are added beside the old ones, never over them (writeNewHistory refuses to overwrite).
// The scenarios are those of account-subsidy.workflow.test.ts.
import { fakeActivities } from '../support/fake-activities.js';
import { withSubsidy } from './account-subsidy-harness.js';
import { generationFromArgs, writeNewHistory } from './history-files.js';
import { reviewScenarios } from './medical-expense-harness.js';
import { startTimeSkipping } from './time-skipping.js';

const scenarios = reviewScenarios({ returned: '请核对人员类别', rejected: '名单中有在职人员' });

const generation = generationFromArgs();
const { env, bundle } = await startTimeSkipping();
try {
  for (const scenario of scenarios) {
    await withSubsidy(env, bundle, fakeActivities({ bookAccountSubsidy: async () => ({ booked: 3 }) }), async (handle) => {
      console.log(`${scenario.name}: ${JSON.stringify(await scenario.drive(handle))}`);
      console.log(writeNewHistory(`accountSubsidyDeclaration-${scenario.name}`, generation, await handle.fetchHistory()));
    });
  }
} finally {
  await env.teardown();
}
