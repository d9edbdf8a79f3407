import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { today } from './human-task.js';

const acts = wf.proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  retry: { maximumAttempts: 5, nonRetryableErrorTypes: ['DomainRefusal'] },
});

/**
 * The daily suspension sweep of 待遇资格认证 (rules §8; run by the `verification-sweep` Temporal schedule the worker
 * ensures): every beneficiary whose verification cycle and grace ran out is suspended, with a notice and an audit
 * entry. "Today" is the workflow clock's Asia/Shanghai day, so a replay asks for the same day.
 */
export async function verificationSweep(): Promise<{ today: string; suspended: number }> {
  return acts.suspendOverdueBeneficiaries({ today: today() });
}
