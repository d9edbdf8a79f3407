// Drives the daily verification sweep workflow (待遇资格认证, rules §8) on a time-skipping test environment. The fake
// sweep activity keeps one beneficiary in memory and applies the pure rules (domain/payroll/verification.ts) as of the
// day the workflow hands it, so what the workflow decides — which day is "today" — is what suspends or not.
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { MonthlyEntitlement, Entitlement } from '../../domain/payroll/entitlement.js';
import { suspendIfOverdue } from '../../domain/payroll/verification.js';
import { verificationSweep } from '../../workflows/index.js';
import { fakeActivities, type FakeActivities } from '../support/fake-activities.js';

export interface Beneficiary {
  entitlement: Entitlement;
  lastVerifiedOn: string;
}

export function monthlyPension(approvedOn: string): Beneficiary {
  const entitlement: MonthlyEntitlement = {
    entitlementId: 'e-1',
    citizenId: '330102196003013491',
    benefit: 'pension',
    status: 'active',
    kind: 'monthly',
    monthlyAmount: '3000.00',
    startMonth: approvedOn.slice(0, 7),
    endMonth: null,
  };
  return { entitlement, lastVerifiedOn: approvedOn };
}

/** The sweep activity over one beneficiary, by the pure rule. */
export function sweepFakes(person: Beneficiary): FakeActivities {
  return fakeActivities({
    suspendOverdueBeneficiaries: async ({ today }) => {
      const before = person.entitlement.status;
      person.entitlement = suspendIfOverdue(person.entitlement, person.lastVerifiedOn, today).entitlement;
      return { today, suspended: before === 'active' && person.entitlement.status === 'suspended' ? 1 : 0 };
    },
  });
}

/** One scheduled run of the sweep, as the verification-sweep schedule starts it; returns its result and history. */
export async function runSweep(env: TestWorkflowEnvironment, bundle: WorkflowBundleWithSourceMap, fakes: FakeActivities) {
  const taskQueue = `verification-test-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: fakes.activities });
  // A plain client: waiting for the result does not unlock time skipping, so the run happens on the day the test set.
  const client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  return worker.runUntil(async () => {
    const handle = await client.workflow.start(verificationSweep, { taskQueue, workflowId: `verification-sweep-run-${randomUUID()}`, args: [] });
    return { result: await handle.result(), history: await handle.fetchHistory() };
  });
}
