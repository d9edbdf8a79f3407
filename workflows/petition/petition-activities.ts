import * as wf from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';

/** The activities of a petition case (ordinary activities). */
export const acts = wf.proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['DomainRefusal'] },
});

/** What the case reads when it starts: the calendar, the regions served, their parents. */
export type Loaded = Awaited<ReturnType<Activities['loadPetitionContext']>>;
