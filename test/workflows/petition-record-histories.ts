// Records the petition histories that test/workflows/replay.test.ts replays.
//
//   node --import tsx test/workflows/petition-record-histories.ts --generation 2026-12
//
// Same rule as record-histories.ts: a workflow change a running petition could not survive goes behind
// `wf.patched()`, and new recordings are added beside the old ones, never over them (history-files.ts).
import type { WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalTestServerPath } from '../../bin/tools/temporal-binaries.js';
import { installSdkLogging } from '../../bin/worker-runtime.js';
import { CN_CALENDAR_YEARS } from '../../domain/calendar/default-calendar.js';
import { DEFAULT_PETITION_POLICY } from '../../domain/petition/petition-policy.js';
import { completeTask, ratePetition, recordPetitionDelivery, requestPetitionReview, type PetitionInput } from '../../workflows/index.js';
import { FAKE_REGION_PARENTS, fakeActivities } from '../support/fake-activities.js';
import { bundleWorkflows } from './enrollment-harness.js';
import { generationFromArgs, writeNewHistory } from './history-files.js';
import { decision, OPINION_DATA, openTaskIn, type PetitionHandle, petitionInput, statusOf, withPetitionWorker } from './petition-harness.js';

const generation = generationFromArgs();

interface Scenario {
  name: string;
  concludedReference?: string;
  input?: Partial<PetitionInput> & { submission?: Partial<PetitionInput['petition']> };
  drive(handle: PetitionHandle, env: TestWorkflowEnvironment, petitionerId: string): Promise<unknown>;
}

const complete = async (handle: PetitionHandle, status: string, outcome: string, extra: Parameters<typeof decision>[2] = {}) => {
  const task = await openTaskIn(handle, status);
  await handle.executeUpdate(completeTask, { args: [decision(task.openTaskId, outcome, extra)] });
};

const scenarios: Scenario[] = [
  {
    name: 'extended-reviewed-rereviewed',
    drive: async (handle, env, petitionerId) => {
      await complete(handle, 'registered', 'accept');
      await complete(handle, 'inProgress', 'extend', { comment: '需调取外省记录', data: { days: 30 } });
      await complete(handle, 'extensionRequested', 'approve', { actorId: 'sv-001' });
      await env.sleep('70 days');
      await complete(handle, 'inProgress', 'explain', { data: OPINION_DATA });
      await statusOf(handle, 'opinionIssued');
      await handle.executeUpdate(ratePetition, { args: [{ score: 3, comment: '', actorId: petitionerId }] });
      await env.sleep('20 days');
      await handle.executeUpdate(requestPetitionReview, { args: [{ stage: 'review', actorId: petitionerId }] });
      await complete(handle, 'reviewRequested', 'support', { actorId: 'cw-100', data: OPINION_DATA });
      await statusOf(handle, 'reviewed');
      await handle.executeUpdate(requestPetitionReview, { args: [{ stage: 'rereview', actorId: petitionerId }] });
      await complete(handle, 'rereviewRequested', 'notSupport', { actorId: 'cw-900', data: OPINION_DATA });
      return handle.result();
    },
  },
  {
    name: 'escalated-not-accepted',
    drive: async (handle, env) => {
      await openTaskIn(handle, 'registered');
      await env.sleep('20 days');
      await complete(handle, 'registered', 'notAccept', { comment: '应申请劳动仲裁', data: { route: 'arbitration' } });
      return handle.result();
    },
  },
  {
    name: 'review-window-closed',
    drive: async (handle) => {
      await complete(handle, 'registered', 'accept');
      await complete(handle, 'inProgress', 'support', { data: OPINION_DATA });
      return handle.result();
    },
  },
  {
    name: 'forwarded-objected-forwarded-accepted',
    drive: async (handle) => {
      await complete(handle, 'registered', 'forward', { comment: '属西湖区', data: { toRegion: '330106' } });
      await complete(handle, 'forwarded', 'object', { actorId: 'cw-106', comment: '非本机关职权' });
      await complete(handle, 'registered', 'forward', { comment: '属拱墅区', data: { toRegion: '330105' } });
      await complete(handle, 'forwarded', 'accept', { actorId: 'cw-105' });
      await complete(handle, 'inProgress', 'support', { actorId: 'cw-105', data: OPINION_DATA });
      return handle.result();
    },
  },
  { name: 'rereview-concluded-duplicate', concludedReference: 'XF2026000001', drive: (handle) => handle.result() },
  {
    name: 'letter-delivered-reviewed',
    input: { submission: { channel: 'letter' } },
    drive: async (handle, env, petitionerId) => {
      await complete(handle, 'registered', 'accept');
      await complete(handle, 'inProgress', 'notSupport', { data: OPINION_DATA });
      await statusOf(handle, 'opinionIssued');
      await env.sleep('6 days'); // the letter takes its time; the window starts on its delivery (arts. 35, 36)
      const receivedOn = new Date((await env.currentTimeMs()) + 8 * 3_600_000).toISOString().slice(0, 10);
      await handle.executeUpdate(recordPetitionDelivery, { args: [{ document: 'opinion', receivedOn, actorId: 'cw-002' }] });
      await env.sleep('29 days');
      await handle.executeUpdate(requestPetitionReview, { args: [{ stage: 'review', actorId: petitionerId }] });
      await complete(handle, 'reviewRequested', 'support', { actorId: 'cw-100', data: OPINION_DATA });
      await statusOf(handle, 'reviewed');
      await handle.executeUpdate(recordPetitionDelivery, {
        args: [{ document: 'review', receivedOn: new Date((await env.currentTimeMs()) + 8 * 3_600_000).toISOString().slice(0, 10), actorId: 'cw-100' }],
      });
      return handle.result();
    },
  },
  {
    name: 'continued-as-new-window-closed',
    input: { policy: { ...DEFAULT_PETITION_POLICY, continueAsNewAfterEvents: 20 } },
    drive: async (handle) => {
      await complete(handle, 'registered', 'accept');
      await complete(handle, 'inProgress', 'explain', { data: OPINION_DATA });
      return handle.result();
    },
  },
];

/** Every run of the case, oldest first: a run that continued as new names the next one. */
async function runHistories(env: TestWorkflowEnvironment, handle: PetitionHandle) {
  const histories = [];
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
      const fakes = fakeActivities({
        loadPetitionContext: async () => ({
          calendar: CN_CALENDAR_YEARS,
          concludedReference: scenario.concludedReference ?? null,
          regions: Object.keys(FAKE_REGION_PARENTS),
          parents: FAKE_REGION_PARENTS,
        }),
      });
      const histories = await withPetitionWorker(env, bundle, fakes, async (start) => {
        const input = petitionInput(await env.currentTimeMs(), scenario.input);
        const handle = await start(input);
        const result = await scenario.drive(handle, env, input.petitionerId);
        console.log(`${scenario.name}: ${JSON.stringify(result)}`);
        return runHistories(env, handle);
      });
      histories.forEach((history, i) => console.log(`  → ${writeNewHistory(`petition-${scenario.name}`, generation, history, i + 1)}`));
    }
  } finally {
    await env.teardown();
  }
}

await record();
