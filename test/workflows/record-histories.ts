// Records the enrollment histories that test/workflows/replay.test.ts replays.
//
//   node --import tsx test/workflows/record-histories.ts --generation 2026-12
//
// Recordings are only ever added (test/workflows/history-files.ts refuses to overwrite one): a change to the workflow's
// commands goes behind `wf.patched()` so that cases already running keep replaying, the old fixtures stay (they prove
// the old path still replays), and new ones of today's code are recorded beside them under a new generation.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalTestServerPath } from '../../bin/tools/temporal-binaries.js';
import { installSdkLogging } from '../../bin/worker-runtime.js';
import { calendarLoaded, resubmitEnrollment, withdrawEnrollment } from '../../workflows/index.js';
import { fakeActivities } from '../support/fake-activities.js';
import { bundleWorkflows, decideSettled, decision, type EnrollmentHandle, openReview, withEnrollmentWorker } from './enrollment-harness.js';
import { generationFromArgs, writeNewHistory } from './history-files.js';
import { enrollmentInput, type EnrollmentInputOverrides, LATE_HIRE_DAYS } from './enrollment-input.js';

const generation = generationFromArgs();

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
      await decideSettled(handle, decision(review.openTaskId, 'approve'));
      return handle.result();
    },
  },
  {
    name: 'escalated-rejected',
    input: { hiredDaysAgo: LATE_HIRE_DAYS },
    drive: async (handle, env) => {
      const review = await openReview(handle);
      await env.sleep('20 days');
      await decideSettled(handle, decision(review.openTaskId, 'reject', { comment: '劳动关系不成立' }));
      return handle.result();
    },
  },
  {
    name: 'returned-resubmitted-approved',
    input: { hiredDaysAgo: LATE_HIRE_DAYS },
    drive: async (handle, env) => {
      const review = await openReview(handle);
      await env.sleep('3 days');
      await decideSettled(handle, decision(review.openTaskId, 'return', { comment: '工资填写有误' }));
      await env.sleep('2 days');
      await handle.executeUpdate(resubmitEnrollment, { args: [{ correction: { monthlyWage: '9000.00', comment: '已更正' }, actorId: 'agent-1' }] });
      await decideSettled(handle, decision(review.openTaskId, 'approve'));
      return handle.result();
    },
  },
  {
    name: 'correction-expired',
    input: { hiredDaysAgo: LATE_HIRE_DAYS },
    drive: async (handle) => {
      const review = await openReview(handle);
      await decideSettled(handle, decision(review.openTaskId, 'return', { comment: '请补充劳动合同' }));
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
  {
    name: 'withdrawn-under-review',
    input: { hiredDaysAgo: LATE_HIRE_DAYS },
    drive: async (handle) => {
      await openReview(handle);
      await handle.executeUpdate(withdrawEnrollment, { args: [{ reason: '已另行参保', actorId: 'agent-1' }] });
      return handle.result();
    },
  },
  {
    name: 'calendar-loaded-recounted-approved',
    input: { hiredDaysAgo: LATE_HIRE_DAYS },
    drive: async (handle, env) => {
      const review = await openReview(handle);
      await env.sleep('1 day');
      const year = Number(new Date(await env.currentTimeMs()).toISOString().slice(0, 4));
      // A year's notice arrives (here: one extra holiday a week ahead) and the case counts its review deadline again.
      const day = new Date((await env.currentTimeMs()) + 7 * 86_400_000).toISOString().slice(0, 10);
      const years = [year - 1, year, year + 1].map((y) => ({
        year: y,
        holidays: day.startsWith(String(y)) && ![0, 6].includes(new Date(day).getUTCDay()) ? [day] : [],
        makeupWorkdays: [],
      }));
      await handle.signal(calendarLoaded, { calendar: years });
      await env.sleep('1 day');
      await decideSettled(handle, decision(review.openTaskId, 'approve'));
      return handle.result();
    },
  },
];

async function record(): Promise<void> {
  installSdkLogging('WARN');
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
  try {
    const bundle = await bundleWorkflows();
    for (const scenario of scenarios) {
      const fakes = fakeActivities({}, scenario.facts);
      const history = await withEnrollmentWorker(env, bundle, fakes, async (start) => {
        const handle = await start(enrollmentInput(scenario.input));
        const result = await scenario.drive(handle, env);
        console.log(`${scenario.name}: ${JSON.stringify(result)}`);
        return handle.fetchHistory();
      });
      console.log(`  → ${writeNewHistory(`enrollment-${scenario.name}`, generation, history)}`);
    }
  } finally {
    await env.teardown();
  }
}

await record();
