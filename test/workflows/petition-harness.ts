// Drives the petition workflow on a time-skipping test environment: inputs, a worker per scenario with recording
// fakes, and the waits between messages. Shared by the petition workflow tests and the history recorder.
import { randomInt, randomUUID } from 'node:crypto';
import type { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { DEFAULT_PETITION_POLICY } from '../../domain/petition/petition-policy.js';
import type { PetitionSubmission } from '../../domain/petition/petition-submission.js';
import type { TaskCompletion } from '../../domain/task.js';
import { type CaseView, getCaseView, petition, type PetitionInput } from '../../workflows/index.js';
import type { FakeActivities } from '../support/fake-activities.js';
import { citizenId } from '../support/factories.js';
import { until } from './enrollment-harness.js';

export type PetitionHandle = WorkflowHandleWithFirstExecutionRunId<typeof petition>;

/** A petition to the 330102 (上城区) office, received today by the workflow clock `now`. */
export function petitionInput(now: number, overrides: Partial<PetitionInput> & { submission?: Partial<PetitionSubmission> } = {}): PetitionInput {
  const receivedOn = shanghaiDateOf(now);
  const { submission, ...rest } = overrides;
  return {
    caseId: `petition-${randomUUID()}`,
    reference: `XF${receivedOn.slice(0, 4)}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`,
    petition: {
      channel: 'online',
      region: '330102',
      request: '补发2025年度失业保险金',
      facts: '2025年3月离职后申领失业保险金，仅发放两个月',
      reasons: '缴费满三年，应领取十二个月',
      concerns: { caseReference: null },
      anonymous: false,
      representatives: [],
      attachmentIds: [],
      accusedStaff: [],
      ...submission,
    },
    petitionerId: citizenId(),
    matterKey: randomUUID().replaceAll('-', ''),
    sensitive: false,
    receivedOn,
    policy: DEFAULT_PETITION_POLICY,
    ...rest,
  };
}

export async function withPetitionWorker<T>(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  fakes: FakeActivities,
  scenario: (start: (input: PetitionInput) => Promise<PetitionHandle>) => Promise<T>,
): Promise<T> {
  const taskQueue = `petition-test-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: fakes.activities });
  const start = (input: PetitionInput) => env.client.workflow.start(petition, { taskQueue, workflowId: input.caseId, args: [input] });
  return worker.runUntil(() => scenario(start));
}

/** The case view once the workflow is in `status` with a task open for a decision. */
export function openTaskIn(handle: PetitionHandle, status: string): Promise<CaseView & { openTaskId: string }> {
  return until(async () => {
    const view = await handle.query(getCaseView);
    return view.status === status && view.openTaskId ? { ...view, openTaskId: view.openTaskId } : undefined;
  }, `an open task while ${status}`);
}

/** The case view once the workflow reached `status` (and settled there). */
export function statusOf(handle: PetitionHandle, status: string): Promise<CaseView> {
  return until(async () => {
    const view = await handle.query(getCaseView);
    return view.status === status ? view : undefined;
  }, `status ${status}`);
}

/** A staff decision as the API forwards it. */
export function decision(taskId: string, outcome: string, { actorId = 'cw-002', comment = '', data = {} } = {}): TaskCompletion {
  return { taskId, outcome, comment, data, actorId, actorRole: 'caseworker' };
}

/** The grounds every written opinion must state (art. 32). */
export const OPINION_DATA = { facts: '已核实缴费记录', reasons: '依据缴费年限计算领取期限', legalBasis: '《失业保险条例》第十七条' };
