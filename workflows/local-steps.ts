import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';

/**
 * The activities of a case's steps that are short database writes in the worker's own process (benefit claims,
 * medical expense declarations, transfers). Local activities skip the round trip through the Temporal server for
 * each and are still recorded in history as markers, so a replay decides the same. A refusal by the domain is final.
 */
export const localSteps = wf.proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  localRetryThreshold: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['DomainRefusal'] },
});
