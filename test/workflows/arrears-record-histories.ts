// Records the arrears histories that test/workflows/replay.test.ts replays.
//
//   node --import tsx test/workflows/arrears-record-histories.ts --generation 2026-12
//
// Same rule as record-histories.ts: a workflow change a running case could not survive goes behind `wf.patched()`,
// and new recordings are added beside the old ones, never over them (history-files.ts). The daily sweep workflow and
// the no-op workflow of the bench are recorded here too.
//
// The scenarios are those of arrears.workflow.test.ts (90 days; two years with a hardship deferral). An arrears case
// may continue as new in its waiting stages; each run's history is written (`arrears-<name>.json` for the first run,
// `arrears-<name>.run-<n>.json` for the later ones), and the recorder says how many runs it saw.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import type { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalTestServerPath } from '../../bin/tools/temporal-binaries.js';
import { installSdkLogging } from '../../bin/worker-runtime.js';
import { addDays, shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { DEFAULT_CONTRIBUTION_POLICY } from '../../domain/arrears/arrears-policy.js';
import {
  arrearsPaymentReceived,
  arrearsPeriodsJoined,
  arrearsSweep,
  completeTask,
  noop,
  requestArrearsDeferral,
  type ArrearsInput,
} from '../../workflows/index.js';
import { fakeActivities } from '../support/fake-activities.js';
import { type ArrearsHandle, arrearsLedger, arrearsStatusOf, arrearsTaskIn, DAY, decide, withArrearsCase } from './arrears-harness.js';
import { bundleWorkflows, until } from './enrollment-harness.js';
import { generationFromArgs, writeNewHistory } from './history-files.js';

const generation = generationFromArgs();

interface Scenario {
  name: string;
  principal: string;
  input?: Partial<ArrearsInput>;
  drive(handle: ArrearsHandle, env: TestWorkflowEnvironment, ledger: ReturnType<typeof arrearsLedger>): Promise<unknown>;
}

const scenarios: Scenario[] = [
  {
    name: '90-days-fine-guarantee-court-settled',
    principal: '8000.00',
    drive: async (handle, env, { state, fakes }) => {
      await until(() => (fakes.callsTo('sendNotice').some((c) => c.input.kind === 'order_to_pay') ? true : undefined), 'the order to pay');
      state.principal = '5000.00';
      await handle.signal(arrearsPaymentReceived, { paymentId: 'p1' });
      await env.sleep(10 * DAY);
      await handle.executeUpdate(completeTask, { args: [decide(await arrearsTaskIn(handle, 'fineProposal'), 'propose', 'cw-1', { multiple: '1.5' })] });
      await handle.executeUpdate(completeTask, { args: [decide(await arrearsTaskIn(handle, 'fineApproval'), 'approve', 'rv-1')] });
      await handle.executeUpdate(completeTask, { args: [decide(await arrearsTaskIn(handle, 'accountInquiry'), 'noFunds', 'cw-1')] });
      const today = shanghaiDateOf(await env.currentTimeMs());
      await handle.executeUpdate(completeTask, {
        args: [decide(await arrearsTaskIn(handle, 'enforcementDecision'), 'guarantee', 'rv-1', { until: addDays(today, 60), instalments: 3 })],
      });
      await arrearsStatusOf(handle, 'guaranteeAgreement');
      await env.sleep(62 * DAY);
      await arrearsStatusOf(handle, 'courtEnforcement');
      state.principal = '0.00';
      await handle.signal(arrearsPaymentReceived, { paymentId: 'p2' });
      return handle.result();
    },
  },
  {
    name: 'two-years-hardship-deferral-court-settled',
    principal: '12000.00',
    drive: async (handle, env, { state, fakes }) => {
      await until(() => (fakes.callsTo('projectCase').length > 0 ? true : undefined), 'the first projection');
      const today = shanghaiDateOf(await env.currentTimeMs());
      await handle.executeUpdate(requestArrearsDeferral, { args: [{ until: addDays(today, 365), reason: 'flood damaged the plant', actorId: 'agent-1' }] });
      await handle.executeUpdate(completeTask, { args: [decide(await arrearsTaskIn(handle, 'deferralReview'), 'approve', 'sv-1')] });
      await arrearsStatusOf(handle, 'hardshipDeferral');
      await env.sleep(367 * DAY);
      await until(
        () => (fakes.callsTo('appendTimeline').filter((c) => c.input.action === 'arrears.order').length === 2 ? true : undefined),
        'the second order',
      );
      await env.sleep(10 * DAY);
      await handle.executeUpdate(completeTask, { args: [decide(await arrearsTaskIn(handle, 'fineProposal'), 'propose', 'cw-1', { multiple: '1' })] });
      await handle.executeUpdate(completeTask, { args: [decide(await arrearsTaskIn(handle, 'fineApproval'), 'approve', 'rv-1')] });
      await handle.executeUpdate(completeTask, { args: [decide(await arrearsTaskIn(handle, 'accountInquiry'), 'fundsFound', 'cw-1')] });
      await handle.executeUpdate(completeTask, { args: [decide(await arrearsTaskIn(handle, 'enforcementDecision'), 'court', 'rv-1')] });
      await arrearsStatusOf(handle, 'courtEnforcement');
      await env.sleep(330 * DAY);
      state.principal = '0.00';
      await handle.signal(arrearsPaymentReceived, { paymentId: 'court-proceeds' });
      return handle.result();
    },
  },
  {
    name: 'periods-joined-settled',
    principal: '2400.00',
    drive: async (handle, env, { state, fakes }) => {
      await until(() => (fakes.callsTo('sendNotice').some((c) => c.input.kind === 'order_to_pay') ? true : undefined), 'the order to pay');
      await env.sleep(2 * DAY);
      // The next month's bill falls due unpaid: the daily sweep lands it on the open case.
      state.principal = '4800.00';
      await handle.signal(arrearsPeriodsJoined, { periods: ['2026-10'] });
      await env.sleep(1 * DAY);
      state.principal = '0.00';
      await handle.signal(arrearsPaymentReceived, { paymentId: 'both-months' });
      return handle.result();
    },
  },
  {
    name: 'continued-as-new-settled',
    principal: '3000.00',
    input: { policy: { ...DEFAULT_CONTRIBUTION_POLICY, continueAsNewAfterEvents: 30 } },
    drive: async (handle, env, { state }) => {
      // Waits in the order-to-pay stage long enough for its history to pass 30 events, then continues as new.
      for (let i = 0; i < 4; i += 1) {
        await handle.signal(arrearsPaymentReceived, { paymentId: `partial-${i}` });
        await env.sleep(1 * DAY);
      }
      state.principal = '0.00';
      await handle.signal(arrearsPaymentReceived, { paymentId: 'rest' });
      return env.client.workflow.getHandle(handle.workflowId).result();
    },
  },
];

/** Every run of the case, oldest first: a run that continued as new names the next one. */
async function runHistories(env: TestWorkflowEnvironment, handle: ArrearsHandle): Promise<temporal.api.history.v1.IHistory[]> {
  const histories: temporal.api.history.v1.IHistory[] = [];
  let runId: string | undefined = handle.firstExecutionRunId;
  while (runId) {
    const run: WorkflowHandle = env.client.workflow.getHandle(handle.workflowId, runId);
    const history = await run.fetchHistory();
    histories.push(history);
    runId = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  return histories;
}

async function record(): Promise<void> {
  installSdkLogging('WARN');
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: temporalTestServerPath() } } });
  try {
    const bundle = await bundleWorkflows();
    for (const scenario of scenarios) {
      const ledger = arrearsLedger(scenario.principal);
      const histories = await withArrearsCase(
        env,
        bundle,
        ledger.fakes,
        async (handle) => {
          const result = await scenario.drive(handle, env, ledger);
          console.log(`${scenario.name}: ${JSON.stringify(result)}`);
          return runHistories(env, handle);
        },
        scenario.input,
      );
      histories.forEach((history, i) => {
        console.log(`  run ${i + 1}: ${history.events?.length ?? 0} events → ${writeNewHistory(`arrears-${scenario.name}`, generation, history, i + 1)}`);
      });
    }
    // The daily sweep (started by the arrears-sweep schedule) and the bench's no-op workflow.
    const fakes = fakeActivities({ sweepOverdueBills: async () => ({ cases: 2, periods: 3 }) });
    const taskQueue = `record-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: fakes.activities });
    await worker.runUntil(async () => {
      const sweep = await env.client.workflow.start(arrearsSweep, { taskQueue, workflowId: `arrears-sweep-run-${randomUUID()}`, args: [] });
      console.log(`sweep: ${JSON.stringify(await sweep.result())} → ${writeNewHistory('arrearsSweep-daily-run', generation, await sweep.fetchHistory())}`);
      const reference = await env.client.workflow.start(noop, { taskQueue, workflowId: `noop-${randomUUID()}`, args: [{ caseId: 'bench' }] });
      await reference.result();
      console.log(`noop → ${writeNewHistory('noop-bench-reference', generation, await reference.fetchHistory())}`);
    });
  } finally {
    await env.teardown();
  }
}

await record();
