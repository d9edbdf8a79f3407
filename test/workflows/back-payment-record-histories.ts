// Records the back-payment histories that test/workflows/replay.test.ts replays.
//
//   node --import tsx test/workflows/back-payment-record-histories.ts --generation 2026-12
//
// Same rule as record-histories.ts: a workflow change a running case could not survive goes behind `wf.patched()`,
// and new recordings are added beside the old ones, never over them (writeNewHistory refuses to overwrite).
// The scenarios are those of back-payment.workflow.test.ts.
import { fakeActivities } from '../support/fake-activities.js';
import { type BackPaymentHandle, withBackPayment } from './back-payment-harness.js';
import { generationFromArgs, writeNewHistory } from './history-files.js';
import { decideDeclaration } from './medical-expense-harness.js';
import { startTimeSkipping } from './time-skipping.js';

const scenarios: { name: string; months: number; drive(handle: BackPaymentHandle): Promise<unknown> }[] = [
  {
    name: 'reviewed-approved-billed',
    months: 6,
    drive: async (handle) => {
      await decideDeclaration(handle, 'reviewing', 'approve', 'cw-1');
      await decideDeclaration(handle, 'approving', 'approve', 'rv-1');
      return handle.result();
    },
  },
  {
    name: 'supervised-approved-billed',
    months: 36,
    drive: async (handle) => {
      await decideDeclaration(handle, 'reviewing', 'approve', 'cw-1');
      await decideDeclaration(handle, 'approving', 'approve', 'rv-1');
      await decideDeclaration(handle, 'supervising', 'approve', 'sv-1');
      return handle.result();
    },
  },
  {
    name: 'supervisor-returned-rejected',
    months: 36,
    drive: async (handle) => {
      await decideDeclaration(handle, 'reviewing', 'approve', 'cw-1');
      await decideDeclaration(handle, 'approving', 'approve', 'rv-1');
      await decideDeclaration(handle, 'supervising', 'return', 'sv-1', '请补充仲裁裁决书');
      await decideDeclaration(handle, 'reviewing', 'reject', 'cw-1', '无劳动关系证明');
      return handle.result();
    },
  },
];

const generation = generationFromArgs();
const { env, bundle } = await startTimeSkipping();
try {
  for (const scenario of scenarios) {
    await withBackPayment(env, bundle, fakeActivities(), scenario.months, async (handle) => {
      console.log(`${scenario.name}: ${JSON.stringify(await scenario.drive(handle))}`);
      console.log(writeNewHistory(`backPayment-${scenario.name}`, generation, await handle.fetchHistory()));
    });
  }
} finally {
  await env.teardown();
}
