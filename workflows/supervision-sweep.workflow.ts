import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { today } from './human-task.js';

const sweepActs = wf.proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  retry: { maximumAttempts: 5, nonRetryableErrorTypes: ['DomainRefusal'] },
});

/**
 * The daily fund-supervision sweep (基金监督, rules §8), run by the supervision-sweep schedule: the controls that look
 * at the whole register rather than one event (two active pensions for one person; an employer with many enrollees
 * and no wage record). Each new hit opens one investigation; a hit already found opens nothing. "Today" is the
 * workflow clock's.
 */
export async function supervisionSweep(): Promise<{ hits: number; opened: number }> {
  return sweepActs.sweepSupervisionControls({ asOf: today() });
}
