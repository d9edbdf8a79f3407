// Records the enrollment histories that test/workflows/replay.test.ts replays.
//
//   node --import tsx test/workflows/record-histories.ts
//
// Re-record (and commit the new files next to the old ones only if old histories no longer matter) when the workflow
// changes on purpose in a way a running case could not survive: another order or number of activities, timers or
// child workflows, or a different branch for the same history. Such a change must normally go behind `wf.patched()`
// so that cases already running keep replaying; then keep the old fixtures (they prove the old path still replays)
// and record new ones alongside. Re-recording without a patch is right only while no case of the old shape runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalTestServerPath } from '../../bin/tools/temporal-binaries.js';
import { installSdkLogging } from '../../bin/worker-runtime.js';
import { completeTask, resubmitEnrollment } from '../../workflows/index.js';
import { fakeActivities } from '../support/fake-activities.js';
import { bundleWorkflows, decision, type EnrollmentHandle, openReview, withEnrollmentWorker } from './enrollment-harness.js';
import { enrollmentInput, type EnrollmentInputOverrides, LATE_HIRE_DAYS } from './enrollment-input.js';

const outDir = fileURLToPath(new URL('../fixtures/histories/', import.meta.url));

interface Scenario {
  name: string;
  input: EnrollmentInputOverrides;
  facts?: Parameters<typeof fakeActivities>[1];
  /** Drives the case to its end; the recorder then fetches the history. */
  drive(handle: EnrollmentHandle, env: TestWorkflowEnvironment): Promise<unknown>;
}

const scenarios: Scenario[] = [
  { name: 'auto-approved', input: {}, drive: (handle) => handle.result() },
  {
    name: 'reviewed-approved',
    input: { hiredDaysAgo: LATE_HIRE_DAYS },
    drive: async (handle) => {
      const review = await openReview(handle);
      await handle.executeUpdate(completeTask, { args: [decision(review.openTaskId, 'approve')] });
      return handle.result();
    },
  },
  {
    name: 'escalated-rejected',
    input: { hiredDaysAgo: LATE_HIRE_DAYS },
    drive: async (handle, env) => {
      const review = await openReview(handle);
      await env.sleep('20 days');
      await handle.executeUpdate(completeTask, { args: [decision(review.openTaskId, 'reject', { comment: '劳动关系不成立' })] });
      return handle.result();
    },
  },
  {
    name: 'returned-resubmitted-approved',
    input: { hiredDaysAgo: LATE_HIRE_DAYS },
    drive: async (handle, env) => {
      const review = await openReview(handle);
      await env.sleep('3 days');
      await handle.executeUpdate(completeTask, { args: [decision(review.openTaskId, 'return', { comment: '工资填写有误' })] });
      await env.sleep('2 days');
      await handle.executeUpdate(resubmitEnrollment, { args: [{ correction: { monthlyWage: '9000.00', comment: '已更正' }, actorId: 'agent-1' }] });
      await handle.executeUpdate(completeTask, { args: [decision(review.openTaskId, 'approve')] });
      return handle.result();
    },
  },
  {
    name: 'correction-expired',
    input: { hiredDaysAgo: LATE_HIRE_DAYS },
    drive: async (handle) => {
      const review = await openReview(handle);
      await handle.executeUpdate(completeTask, { args: [decision(review.openTaskId, 'return', { comment: '请补充劳动合同' })] });
      return handle.result();
    },
  },
  {
    name: 'refused-by-checks',
    input: {},
    facts: { facts: { employer: null } },
    drive: (handle) => handle.result(),
  },
  {
    name: 'refused-no-parameters',
    input: { application: { hireDate: '2024-06-03' } },
    drive: (handle) => handle.result(),
  },
];

async function record(): Promise<void> {
  installSdkLogging('WARN');
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
  try {
    const bundle = await bundleWorkflows();
    mkdirSync(outDir, { recursive: true });
    for (const scenario of scenarios) {
      const fakes = fakeActivities({}, scenario.facts);
      const history = await withEnrollmentWorker(env, bundle, fakes, async (start) => {
        const handle = await start(enrollmentInput(scenario.input));
        const result = await scenario.drive(handle, env);
        console.log(`${scenario.name}: ${JSON.stringify(result)}`);
        return handle.fetchHistory();
      });
      writeFileSync(`${outDir}enrollment-${scenario.name}.json`, `${historyToJSON(history)}\n`);
    }
  } finally {
    await env.teardown();
  }
}

await record();
