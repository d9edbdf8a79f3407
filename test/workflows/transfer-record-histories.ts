// Records the transfer histories that test/workflows/replay.test.ts replays.
//
//   node --import tsx test/workflows/transfer-record-histories.ts --generation 2026-12-04
//
// Same rule as record-histories.ts: a workflow change a running case could not survive goes behind `wf.patched()`,
// and new recordings are added beside the old ones rather than over them, under the generation given
// (test/workflows/history-files.ts refuses to overwrite a file). The scenarios are those of transfer.workflow.test.ts.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { citizenIdCheckChar } from '../../domain/identity/citizen-id.js';
import { FakeCounterpartAgency } from '../support/fake-counterpart.js';
import type { FakeActivities } from '../support/fake-activities.js';
import { decideSettled, until } from './enrollment-harness.js';
import { generationFromArgs, writeNewHistory } from './history-files.js';
import { startTimeSkipping } from './time-skipping.js';
import {
  DAY,
  NANJING,
  relay,
  sentMessages,
  staffDecision,
  statusOf,
  taskIn,
  type TransferCaseOptions,
  transferFakes,
  type TransferHandle,
  withTransferCase,
} from './transfer-harness.js';

interface Scenario {
  name: string;
  options: TransferCaseOptions;
  fakes?: () => FakeActivities;
  drive(handle: TransferHandle, env: TestWorkflowEnvironment, fakes: FakeActivities): Promise<unknown>;
}

const approve = (handle: TransferHandle, taskId: string, actor: string) => decideSettled(handle, staffDecision(taskId, 'approve', actor));

const scenarios: Scenario[] = [
  {
    name: 'pension-both-served-completed',
    options: {},
    drive: async (handle, _env, fakes) => {
      await approve(handle, await taskIn(handle, fakes, 'acceptanceLetter', 'acceptanceLetter'), 'nb-cw-1');
      await approve(handle, await taskIn(handle, fakes, 'transferOut', 'transferOut'), 'hz-cw-1');
      await approve(handle, await taskIn(handle, fakes, 'completion', 'completion'), 'nb-cw-2');
      return handle.result();
    },
  },
  {
    name: 'pension-refused-by-new-office',
    options: {},
    drive: async (handle, _env, fakes) => {
      const letter = await taskIn(handle, fakes, 'acceptanceLetter', 'acceptanceLetter');
      await decideSettled(handle, staffDecision(letter, 'reject', 'nb-cw-1', '未在本地参保缴费'));
      return handle.result();
    },
  },
  {
    name: 'pension-late-transfer-out-escalated-funds-late',
    options: {},
    fakes: () => {
      let attempts = 0;
      return transferFakes({
        collectTransferFunds: async () => {
          attempts += 1;
          return { arrived: attempts > 3, reconciliation: null };
        },
      });
    },
    drive: async (handle, env, fakes) => {
      await approve(handle, await taskIn(handle, fakes, 'acceptanceLetter', 'acceptanceLetter'), 'nb-cw-1');
      const out = await taskIn(handle, fakes, 'transferOut', 'transferOut');
      await env.sleep(25 * DAY); // the old office misses its 15 working days: the task escalates
      await until(() => (fakes.callsTo('escalateTask').length > 0 ? true : undefined), 'the escalation');
      await approve(handle, out, 'hz-cw-1');
      await statusOf(handle, 'inTransit');
      for (let i = 0; i < 4 && fakes.callsTo('collectTransferFunds').length < 4; i += 1) {
        await env.sleep(DAY);
        await until(() => (fakes.callsTo('collectTransferFunds').length > i + 1 ? true : undefined), 'another look for the money');
      }
      await approve(handle, await taskIn(handle, fakes, 'completion', 'completion'), 'nb-cw-2');
      return handle.result();
    },
  },
  {
    name: 'pension-counterpart-old-office-late-answer',
    options: { role: 'new' },
    drive: async (handle, env, fakes) => {
      const agency = new FakeCounterpartAgency(NANJING, 'lateTransferOut', undefined, true);
      await approve(handle, await taskIn(handle, fakes, 'acceptanceLetter', 'acceptanceLetter'), 'nb-cw-1');
      await until(() => (sentMessages(fakes).length > 0 ? true : undefined), 'the letter of acceptance');
      const relayed = await relay(handle, fakes, agency, env);
      await env.sleep(22 * DAY);
      await until(() => (sentMessages(fakes).length > 1 ? true : undefined), 'the request sent again');
      await relay(handle, fakes, agency, env, relayed);
      await approve(handle, await taskIn(handle, fakes, 'completion', 'completion'), 'nb-cw-2');
      return handle.result();
    },
  },
  {
    name: 'pension-old-office-for-counterpart',
    options: { role: 'old' },
    drive: async (handle, env, fakes) => {
      const agency = new FakeCounterpartAgency(NANJING, 'transferOut');
      await approve(handle, await taskIn(handle, fakes, 'transferOut', 'transferOut'), 'hz-cw-1');
      await until(() => (sentMessages(fakes).length > 0 ? true : undefined), 'the transfer-out');
      await relay(handle, fakes, agency, env);
      return handle.result();
    },
  },
  {
    name: 'pension-temporary-account',
    // A man born 1970 with his hukou in Anhui (340102), moving to Ningbo: 50 or more, out of his hukou province.
    options: { citizen: `34010219700101001${citizenIdCheckChar('34010219700101001')}` },
    drive: async (handle, _env, fakes) => {
      await approve(handle, await taskIn(handle, fakes, 'acceptanceLetter', 'acceptanceLetter'), 'nb-cw-1');
      return handle.result();
    },
  },
  {
    name: 'medical-both-served-completed',
    options: { insurance: 'medical' },
    drive: async (handle, _env, fakes) => {
      await approve(handle, await taskIn(handle, fakes, 'transferOut', 'transferOut'), 'hz-cw-1');
      await approve(handle, await taskIn(handle, fakes, 'completion', 'load'), 'nb-cw-2');
      return handle.result();
    },
  },
];

async function record(): Promise<void> {
  const generation = generationFromArgs();
  const { env, bundle } = await startTimeSkipping();
  try {
    for (const scenario of scenarios) {
      const fakes = scenario.fakes?.() ?? transferFakes();
      const history = await withTransferCase(env, bundle, fakes, scenario.options, async (handle) => {
        const result = await scenario.drive(handle, env, fakes);
        console.log(`${scenario.name}: ${JSON.stringify(result)}`);
        return handle.fetchHistory();
      });
      console.log(`  → ${writeNewHistory(`transfer-${scenario.name}`, generation, history)}`);
    }
  } finally {
    await env.teardown();
  }
}

await record();
