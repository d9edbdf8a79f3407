import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeActivities } from '../support/fake-activities.js';
import { recalculationFakes, withRecalculation } from './pension-recalculation-harness.js';
import { startTimeSkipping } from './time-skipping.js';

describe('pension recalculation workflow (待遇重算; time-skipping test server, fake activities)', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    ({ env, bundle } = await startTimeSkipping());
  });
  afterAll(async () => env?.teardown());

  it('recalculates chunk by chunk by keyset over the pension cases, with the run’s cause and next payroll, then finishes once', async () => {
    const fakes = recalculationFakes();
    const { result, input } = await withRecalculation(env, bundle, fakes, async (handle, input) => ({ result: await handle.result(), input }));
    expect(result).toEqual({ pensions: 5, changed: 3 });
    const chunks = fakes.callsTo('recalculatePensionChunk').map((c) => c.input);
    expect(chunks.map((c) => c.after)).toEqual([null, 'case-2', 'case-4']);
    expect(chunks[0]).toEqual({ id: input.id, region: '330203', cause: input.cause, nextPayroll: '2026-12', after: null, limit: 2 });
    expect(fakes.callsTo('finishPensionRecalculation').map((c) => c.input)).toEqual([{ id: input.id }]);
  });

  it('fails at once, without retrying, when a chunk is refused by a domain rule', async () => {
    let calls = 0;
    const fakes = fakeActivities({
      recalculatePensionChunk: async () => {
        calls += 1;
        throw ApplicationFailure.nonRetryable('adjustment share "x" is not a rate', 'DomainRefusal', { code: 'INVALID_AMOUNT' });
      },
    });
    const failure = await withRecalculation(env, bundle, fakes, (handle) =>
      handle.result().then(
        () => null,
        (e: unknown) => e,
      ),
    );
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect(calls).toBe(1);
    expect(fakes.callsTo('finishPensionRecalculation')).toEqual([]);
  });
});
