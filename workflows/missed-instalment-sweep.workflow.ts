import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { today } from './human-task.js';

const acts = wf.proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  retry: { maximumAttempts: 5, nonRetryableErrorTypes: ['DomainRefusal'] },
});

/**
 * The daily missed-instalment sweep (催收, 社会保险经办条例 art. 46; run by the `missed-instalment-sweep` Temporal schedule
 * the worker ensures): every instalment of an agreement still missed after its grace gets a chase — a caseworker's task
 * and a notice. "Today" is the workflow clock's Asia/Shanghai day, so a replay asks for the same day.
 */
export async function missedInstalmentSweep(): Promise<{ today: string; chased: number }> {
  return acts.chaseMissedInstalments({ today: today() });
}
