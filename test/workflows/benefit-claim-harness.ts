// Drives the benefit-claim workflow on a time-skipping test environment: a worker per case with recording fakes, the
// claims of each type and the waits a test needs between messages. Shared by the workflow test and the recorder
// (benefit-claim-record-histories.ts), which drives the same scenarios.
import { randomUUID } from 'node:crypto';
import { Client, WorkflowUpdateFailedError, type WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { BenefitClaimApplication } from '../../domain/benefit/benefit-claim.js';
import { DEFAULT_BENEFIT_POLICY, type BenefitPolicy } from '../../domain/benefit/benefit-policy.js';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import type { TaskCompletion } from '../../domain/task.js';
import { benefitClaim, type BenefitClaimInput, getCaseView } from '../../workflows/index.js';
import { citizenId, SEEDED_EMPLOYER_330102 } from '../support/factories.js';
import type { FakeActivities } from '../support/fake-activities.js';
import { decideSettled, until } from './enrollment-harness.js';

export const DAY = 86_400_000;

export type ClaimHandle = WorkflowHandleWithFirstExecutionRunId<typeof benefitClaim>;

/** A man born 15 Jul 1966 reaches 60 y 5 m on 15 Dec 2026 (2025 reform: 5 months' delay); the rules need no clock. */
export const pensionClaim = (): BenefitClaimApplication => ({
  type: 'pension',
  citizenId: citizenId({ birthDate: '1966-07-15', sex: 'male' }),
  region: '330102',
  retirementDate: '2026-12-15',
  retirementCategory: null,
  lateRetirementAgreed: false,
  contributionsExtended: false,
  deemedMonths: 0,
});

export const unemploymentClaim = (registeredOn: string): BenefitClaimApplication => ({
  type: 'unemployment',
  citizenId: citizenId({ birthDate: '1990-03-07' }),
  region: '330102',
  leaveDate: registeredOn,
  employerCreditCode: SEEDED_EMPLOYER_330102,
  registeredOn,
});

export const workInjuryClaim = (accidentDate: string): BenefitClaimApplication => ({
  type: 'workInjury',
  citizenId: citizenId({ birthDate: '1988-05-20' }),
  region: '330102',
  accidentDate,
  employerCreditCode: SEEDED_EMPLOYER_330102,
  description: '操作冲床时右手受伤',
  applicant: 'employer',
  clearCut: false,
  approvedExtensionDays: 0,
});

/** A staff decision as the API forwards it. */
export const decide = (taskId: string, outcome: string, actorId: string, data: Record<string, unknown> = {}, comment = ''): TaskCompletion => ({
  taskId,
  outcome,
  comment,
  data,
  actorId,
  actorRole: 'caseworker',
});

/** The refusal code of a refused Update. */
export async function refusalOf(update: Promise<unknown>): Promise<string | undefined> {
  const error: unknown = await update.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof WorkflowUpdateFailedError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error.cause instanceof ApplicationFailure ? (error.cause.type ?? undefined) : undefined;
}

/**
 * Runs one claim with `fakes` on a task queue of its own; the worker stops when `scenario` returns. A plain client (not
 * `env.client`) so the clock moves only through `env.sleep` (see enrollment-harness.ts). `application` gets the
 * filing day (the workflow clock's today).
 */
export async function withClaim<T>(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  fakes: FakeActivities,
  application: (filedOn: string) => BenefitClaimApplication,
  scenario: (handle: ClaimHandle, input: BenefitClaimInput) => Promise<T>,
  policy: Partial<BenefitPolicy> = {},
): Promise<T> {
  const taskQueue = `benefit-test-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: fakes.activities });
  const client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  const filedOn = shanghaiDateOf(await env.currentTimeMs());
  const app = application(filedOn);
  const input: BenefitClaimInput = {
    caseId: `benefit-${randomUUID()}`,
    reference: 'BC2026000001',
    application: app,
    claimantId: app.citizenId,
    submittedBy: { id: 'cw-0', role: 'caseworker' },
    filedOn,
    policy: { ...DEFAULT_BENEFIT_POLICY, ...policy },
  };
  return worker.runUntil(async () => {
    const handle = await client.workflow.start(benefitClaim, { taskQueue, workflowId: input.caseId, args: [input] });
    return scenario(handle, input);
  });
}

/** The case view once the claim is in `status`. */
export const claimStatusOf = (handle: ClaimHandle, status: string) =>
  until(async () => {
    const view = await handle.query(getCaseView);
    return view.status === status ? view : undefined;
  }, `status ${status}`);

/** The id of the task open while the claim is in `status`. */
export const claimTaskIn = (handle: ClaimHandle, status: string) =>
  until(async () => {
    const view = await handle.query(getCaseView);
    return view.status === status && view.openTaskId ? view.openTaskId : undefined;
  }, `a task in ${status}`);

/** Completes the task open in `status` and waits until the case has settled (enrollment-harness.ts `decideSettled`). */
export async function decideIn(
  handle: ClaimHandle,
  status: string,
  outcome: string,
  actorId: string,
  data: Record<string, unknown> = {},
  comment = '',
): Promise<string> {
  const taskId = await claimTaskIn(handle, status);
  await decideSettled(handle, decide(taskId, outcome, actorId, data, comment));
  return taskId;
}
