import * as wf from '@temporalio/workflow';
import { DomainError } from '../domain/errors.js';

/**
 * Runs a workflow's body so that a domain rule refusing inside workflow code fails the case at once, with its code,
 * instead of failing the workflow task — which Temporal would retry forever, leaving the case stuck. Any other error
 * keeps its usual meaning (a bug: the task is retried after a fix is deployed).
 */
export async function failingOnDomainErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError) throw wf.ApplicationFailure.nonRetryable(error.message, 'DomainRefusal', { code: error.code, path: error.path ?? null });
    throw error;
  }
}
