import * as wf from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';

/** The activities of an arrears case (ordinary activities: the balance and the records are read and written remotely). */
export const acts = wf.proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['DomainRefusal'] },
});
