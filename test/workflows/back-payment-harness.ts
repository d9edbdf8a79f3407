// Drives the back-payment workflow on a time-skipping test environment with recording fakes. Shared by the workflow
// test and the recorder (back-payment-record-histories.ts), which drive the same scenarios.
import { randomUUID } from 'node:crypto';
import { Client, type WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { CN_CALENDAR_YEARS } from '../../domain/calendar/default-calendar.js';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { backPayment, type BackPaymentInput } from '../../workflows/index.js';
import { citizenId } from '../support/factories.js';
import type { FakeActivities } from '../support/fake-activities.js';

export type BackPaymentHandle = WorkflowHandleWithFirstExecutionRunId<typeof backPayment>;

/**
 * An application as the door checks left it: `months` months back-paid, which at 36 or more without a legal document
 * needs a supervisor (rules §6.1, §8). The figures are the workflow's to carry, not to compute.
 */
export function backPaymentInput(appliedOn: string, months: number): BackPaymentInput {
  const needsSupervisor = months >= 36;
  return {
    caseId: `backPayment-${randomUUID()}`,
    reference: 'BJ2026000001',
    region: '330102',
    employerCreditCode: '91330102MA2H00014Y',
    citizenId: citizenId({ birthDate: '1988-05-20' }),
    appliedOn,
    from: '2022-01',
    to: needsSupervisor ? '2024-12' : '2022-06',
    insuranceTypes: ['pension', 'medical', 'unemployment'],
    assessment: {
      months,
      totals: { employer: '10560.00', employee: '4320.00', contribution: '14880.00', lateFee: '9120.40', total: '24000.40' },
      workings: [`${months} months: contributions 14880.00 + late fees 9120.40 = 24000.40`],
      supervision: {
        needsSupervisor,
        reason: needsSupervisor
          ? `${months} months ≥ 36 without a prior legal document (人社厅发〔2019〕94号)`
          : `${months} months < 36 (supervisionThresholdMonths)`,
      },
    },
    evidence: [{ attachmentId: randomUUID(), kind: 'contract' }],
    appliedBy: { id: 'agent-1', role: 'employer' },
    calendar: CN_CALENDAR_YEARS,
  };
}

/** Runs one back-payment on a task queue of its own; the worker stops when `scenario` returns. */
export async function withBackPayment<T>(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  fakes: FakeActivities,
  months: number,
  scenario: (handle: BackPaymentHandle, input: BackPaymentInput) => Promise<T>,
): Promise<T> {
  const taskQueue = `back-payment-test-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: fakes.activities });
  const client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  const input = backPaymentInput(shanghaiDateOf(await env.currentTimeMs()), months);
  return worker.runUntil(async () => {
    const handle = await client.workflow.start(backPayment, { taskQueue, workflowId: input.caseId, args: [input] });
    return scenario(handle, input);
  });
}
