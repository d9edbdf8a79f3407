// Drives the transfer workflow on a time-skipping test environment: inputs for the two served pooling areas
// (Hangzhou 330100, Ningbo 330200) and an outside one (Nanjing 320100), a worker per case with recording fakes, the
// waits between messages and a fake counterpart agency answering through the platform messages. Shared by the
// workflow tests and the history recorder (transfer-record-histories.ts).
import { randomInt, randomUUID } from 'node:crypto';
import { Client, type WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import type { TaskCompletion } from '../../domain/task.js';
import type { ExchangeMessage } from '../../domain/transfer/exchange-message.js';
import type { AccountPeriod } from '../../domain/transfer/transfer-amounts.js';
import type { TransferRole } from '../../domain/transfer/transfer.machine.js';
import { DEFAULT_TRANSFER_POLICY, type TransferInsurance } from '../../domain/transfer/transfer-policy.js';
import { getCaseView, transfer, type TransferInput, transferMessageArrived } from '../../workflows/index.js';
import type { FakeCounterpartAgency } from '../support/fake-counterpart.js';
import { fakeActivities, type FakeActivities } from '../support/fake-activities.js';
import { CN_CALENDAR_YEARS } from '../../domain/calendar/default-calendar.js';
import { citizenId } from '../support/factories.js';
import { until } from './enrollment-harness.js';

export const DAY = 86_400_000;
export const HANGZHOU = { region: '330102', poolingArea: '330100', served: true };
export const NINGBO = { region: '330203', poolingArea: '330200', served: true };
export const NANJING = { region: '320102', poolingArea: '320100', served: false };

/** E3 as the Hangzhou office's records hold it (one record per wage level, 2010-01 to 2019-06). */
export const E3_RECORDS: AccountPeriod[] = [
  ...(
    [
      [2010, '3000.00'],
      [2011, '3300.00'],
      [2012, '3600.00'],
      [2013, '4000.00'],
      [2014, '4400.00'],
      [2015, '4800.00'],
      [2016, '5200.00'],
      [2017, '5600.00'],
      [2018, '6000.00'],
    ] as const
  ).map(([year, monthlyWage]) => ({ startMonth: `${year}-01`, endMonth: `${year}-12`, monthlyWage, employeeRate: '0.08' })),
  { startMonth: '2019-01', endMonth: '2019-06', monthlyWage: '6500.00', employeeRate: '0.08' },
];

export type TransferHandle = WorkflowHandleWithFirstExecutionRunId<typeof transfer>;

/** Fakes whose old office holds the E3 records (and, for medical, a year of medical records). */
export function transferFakes(overrides: Parameters<typeof fakeActivities>[0] = {}): FakeActivities {
  return fakeActivities({
    loadTransferContext: async ({ insurance }) => ({
      calendar: CN_CALENDAR_YEARS,
      person: null,
      oldPeriods:
        insurance === 'pension'
          ? E3_RECORDS
          : [{ startMonth: '2019-01', endMonth: '2019-12', monthlyWage: '6500.00', employeeRate: insurance === 'medical' ? '0.02' : '0.005' }],
      pensionSpans: E3_RECORDS.map((r) => ({ poolingArea: '330100', startMonth: r.startMonth, endMonth: r.endMonth })),
      newAreaRecords: [{ insurance: 'workInjury', startMonth: '2026-01' }],
    }),
    ...overrides,
  });
}

export interface TransferCaseOptions {
  insurance?: TransferInsurance;
  role?: TransferRole;
  citizen?: string;
  submittedBy?: TransferInput['submittedBy'];
  policy?: Partial<TransferInput['policy']>;
  approvedTransfer?: boolean;
}

/** The input of a transfer filed today (by the workflow clock) at the receiving office. */
export function transferInput(today: string, o: TransferCaseOptions = {}): TransferInput {
  const role = o.role ?? 'both';
  const old = role === 'new' ? NANJING : HANGZHOU;
  const neu = role === 'old' ? NANJING : NINGBO;
  const reference = `TR${today.slice(0, 4)}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
  return {
    caseId: `transfer-${randomUUID()}`,
    reference,
    application: {
      citizenId: o.citizen ?? citizenId(),
      personName: '陈转移',
      insurance: o.insurance ?? 'pension',
      fromRegion: old.region,
      toRegion: neu.region,
      fromPoolingArea: old.poolingArea,
      toPoolingArea: neu.poolingArea,
      approvedTransfer: o.approvedTransfer ?? false,
      appliedOn: today,
    },
    role,
    offices: { old, new: neu },
    platform: { transferId: role === 'old' ? `NJ${randomUUID().slice(0, 8).toUpperCase()}` : reference, counterpartReference: null },
    submittedBy: o.submittedBy ?? { id: '330102199001011234', role: 'citizen' },
    policy: { ...DEFAULT_TRANSFER_POLICY, ...o.policy },
  };
}

/**
 * Runs one transfer with `fakes` on a task queue of its own; the worker stops when `scenario` returns. A plain client,
 * so the clock moves only through `env.sleep` (see enrollment-harness.ts).
 */
export async function withTransferCase<T>(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  fakes: FakeActivities,
  options: TransferCaseOptions,
  scenario: (handle: TransferHandle, input: TransferInput) => Promise<T>,
): Promise<T> {
  const taskQueue = `transfer-test-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: fakes.activities });
  const client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  const input = transferInput(shanghaiDateOf(await env.currentTimeMs()), options);
  return worker.runUntil(async () => {
    const handle = await client.workflow.start(transfer, { taskQueue, workflowId: input.caseId, args: [input] });
    return scenario(handle, input);
  });
}

/** The open task's id once the case is in `status` with the task of `step` open. */
export const taskIn = (handle: TransferHandle, fakes: FakeActivities, status: string, step: string) =>
  until(async () => {
    const view = await handle.query(getCaseView);
    const opened = fakes.callsTo('openTask').find((c) => c.input.taskId === view.openTaskId);
    return view.status === status && view.openTaskId && opened?.input.spec.step === step ? view.openTaskId : undefined;
  }, `the ${step} task in ${status}`);

export const statusOf = (handle: TransferHandle, status: string) =>
  until(async () => {
    const view = await handle.query(getCaseView);
    return view.status === status ? view : undefined;
  }, `status ${status}`);

/** A staff decision as the API forwards it. */
export const staffDecision = (taskId: string, outcome: string, actorId: string, comment = ''): TaskCompletion => ({
  taskId,
  outcome,
  comment,
  data: {},
  actorId,
  actorRole: 'caseworker',
});

/** The messages the case sent to the platform, in order. */
export const sentMessages = (fakes: FakeActivities): ExchangeMessage[] => fakes.callsTo('sendTransferMessage').map((c) => c.input.message);

/** Lets the fake counterpart answer every message the case sent since the last call, as platform signals. */
export async function relay(
  handle: TransferHandle,
  fakes: FakeActivities,
  agency: FakeCounterpartAgency,
  env: TestWorkflowEnvironment,
  from = agency.received.length,
): Promise<number> {
  const messages = sentMessages(fakes).slice(from);
  for (const message of messages) {
    for (const answer of agency.answer(message, await env.currentTimeMs())) await handle.signal(transferMessageArrived, { message: answer });
  }
  return from + messages.length;
}

/** Notices the case wrote to the outbox, in order (they travel with the case projection). */
export const noticesOf = (fakes: FakeActivities) => fakes.callsTo('projectCase').flatMap((call) => (call.input.notices ?? []).map((n) => n.kind));

export const lastSummary = (fakes: FakeActivities) => fakes.callsTo('projectCase').at(-1)?.input.summary as Record<string, unknown>;
