// Records the medical-expense-declaration histories that test/workflows/replay.test.ts replays.
//
//   node --import tsx test/workflows/medical-expense-record-histories.ts --generation 2026-12
//
// Same rule as record-histories.ts: a workflow change a running case could not survive goes behind `wf.patched()`,
// and new recordings are added beside the old ones, never over them (writeNewHistory refuses to overwrite).
// The scenarios are those of medical-expense.workflow.test.ts.
import { fakeActivities } from '../support/fake-activities.js';
import { generationFromArgs, writeNewHistory } from './history-files.js';
import { type DeclarationHandle, decideDeclaration, withDeclaration } from './medical-expense-harness.js';
import { startTimeSkipping } from './time-skipping.js';

const scenarios: { name: string; drive(handle: DeclarationHandle): Promise<unknown> }[] = [
  {
    name: 'reviewed-approved-booked',
    drive: async (handle) => {
      await decideDeclaration(handle, 'reviewing', 'approve', 'cw-1');
      await decideDeclaration(handle, 'approving', 'approve', 'rv-1');
      return handle.result();
    },
  },
  {
    name: 'returned-rejected',
    drive: async (handle) => {
      await decideDeclaration(handle, 'reviewing', 'approve', 'cw-1');
      await decideDeclaration(handle, 'approving', 'return', 'rv-1', '请补充出院小结');
      await decideDeclaration(handle, 'reviewing', 'reject', 'cw-1', '发票与病历不符');
      return handle.result();
    },
  },
];

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
