// Which failed Updates the API answers with 503 CASE_UNAVAILABLE and Retry-After (docs/api.md "Errors"; the crash drill,
// docs/operations.md "Crash drill"): an Update that reached a workflow replayed from its start on a new worker, before
// its handler was registered again, is refused by the SDK and left out of history — sending it again applies it once.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { caseIsRecovering } from '../../../services/temporal/temporal-case-workflows.js';

describe('failed Updates that mean "send it again"', () => {
  it('an Update refused for want of a registered handler (a replay from the start after a worker was killed) is a recovering case', () => {
    const refused = new WorkflowUpdateFailedError(
      'Workflow Update failed',
      ApplicationFailure.create({ message: 'No registered handler for update: completeTask', type: 'Error' }),
    );
    expect(caseIsRecovering(refused)).toBe(true);
  });

  it('a domain refusal or any other handler failure is not', () => {
    const domain = new WorkflowUpdateFailedError(
      'Workflow Update failed',
      ApplicationFailure.create({ message: 'task is not open', type: 'TASK_ALREADY_DECIDED', nonRetryable: true }),
    );
    const other = new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ message: 'something else broke', type: 'Error' }));
    expect(caseIsRecovering(domain)).toBe(false);
    expect(caseIsRecovering(other)).toBe(false);
    expect(caseIsRecovering(new Error('No registered handler for update: completeTask'))).toBe(false);
  });
});
