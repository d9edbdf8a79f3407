import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { DEFAULT_CONTRIBUTION_POLICY } from '../../domain/arrears/arrears-policy.js';
import { arrearsPaymentReceived, completeTask, getCaseView, requestArrearsDeferral } from '../../workflows/index.js';
import type { FakeActivities } from '../support/fake-activities.js';
import {
  type ArrearsHandle,
  arrearsLedger as ledger,
  arrearsStatusOf as stateOf,
  arrearsTaskIn as taskIn,
  DAY,
  decide,
  withArrearsCase,
} from './arrears-harness.js';
import { until } from './enrollment-harness.js';
import { startTimeSkipping } from './time-skipping.js';

async function refusalOf(update: Promise<unknown>): Promise<string | undefined> {
  const error: unknown = await update.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  return cause instanceof ApplicationFailure ? (cause.type ?? undefined) : undefined;
}

// Time skipping is global to the environment: the cases run one after another on one server.
describe('arrears workflow (time-skipping test server, fake activities)', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    ({ env, bundle } = await startTimeSkipping());
  });
  afterAll(async () => env?.teardown());

  const withCase = <T>(fakes: FakeActivities, scenario: (handle: ArrearsHandle) => Promise<T>): Promise<T> => withArrearsCase(env, bundle, fakes, scenario);

  it('runs 90 days: order, partial payment, fine with four eyes, guarantee agreement, court, settled (§4, art. 63, 86)', async () => {
    const { state, fakes } = ledger('8000.00');
    const result = await withCase(fakes, async (handle) => {
      // `ordered` is the first state: wait for its effects (the order's notice), not just the status.
      await until(() => (fakes.callsTo('sendNotice').some((c) => c.input.kind === 'order_to_pay') ? true : undefined), 'the order to pay');
      // A partial payment during the order period recomputes but does not settle.
      state.principal = '5000.00';
      await handle.signal(arrearsPaymentReceived, { paymentId: 'p1' });
      await env.sleep(10 * DAY); // past the 5-working-day order deadline
      const proposeTask = await taskIn(handle, 'fineProposal');
      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide(proposeTask, 'propose', 'cw-1', { multiple: '4' })] }))).toBe(
        'OUTCOME_NOT_ALLOWED',
      );
      await handle.executeUpdate(completeTask, { args: [decide(proposeTask, 'propose', 'cw-1', { multiple: '1.5' })] });
      const approveTask = await taskIn(handle, 'fineApproval');
      expect(fakes.callsTo('openTask').at(-1)?.input.spec).toMatchObject({ step: 'approveFine', permission: 'approve', preparedBy: 'cw-1' });
      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide(approveTask, 'approve', 'cw-1')] }))).toBe('FOUR_EYES');
      await handle.executeUpdate(completeTask, { args: [decide(approveTask, 'approve', 'rv-1')] });
      const inquiry = await taskIn(handle, 'accountInquiry');
      expect(fakes.callsTo('recordFine').map((c) => [c.input.amount, c.input.multiple, c.input.approvedBy])).toEqual([['7500.00', '1.5', 'rv-1']]);
      await handle.executeUpdate(completeTask, { args: [decide(inquiry, 'noFunds', 'cw-1')] });
      const enforcement = await taskIn(handle, 'enforcementDecision');
      const today = shanghaiDateOf(await env.currentTimeMs());
      await handle.executeUpdate(completeTask, { args: [decide(enforcement, 'guarantee', 'rv-1', { until: addDays(today, 60), instalments: 3 })] });
      await stateOf(handle, 'guaranteeAgreement');
      expect(fakes.callsTo('recordFeeWaiver')[0]?.input).toMatchObject({ from: addDays(today, 1), until: addDays(today, 60) });
      await env.sleep(62 * DAY); // the agreement lapses unpaid
      await stateOf(handle, 'courtEnforcement');
      state.principal = '0.00';
      await handle.signal(arrearsPaymentReceived, { paymentId: 'p2' });
      return handle.result();
    });
    expect(result).toEqual({ status: 'settled' });
    expect(fakes.callsTo('sendNotice').map((c) => c.input.kind)).toEqual(
      expect.arrayContaining(['order_to_pay', 'fine_decision', 'guarantee_agreement', 'court_application', 'arrears_settled']),
    );
    expect(fakes.callsTo('cancelTask')).toHaveLength(0);
  });

  it('runs two years: hardship deferral of at most a year approved by a supervisor, a new order, court, settled (§4 (b))', async () => {
    const { state, fakes } = ledger('12000.00');
    const started = await env.currentTimeMs();
    const result = await withCase(fakes, async (handle) => {
      await until(() => (fakes.callsTo('projectCase').length > 0 ? true : undefined), 'the first projection');
      const today = shanghaiDateOf(await env.currentTimeMs());
      expect(
        await refusalOf(handle.executeUpdate(requestArrearsDeferral, { args: [{ until: addDays(today, 400), reason: 'flood', actorId: 'agent-1' }] })),
      ).toBe('OUTCOME_NOT_ALLOWED');
      await handle.executeUpdate(requestArrearsDeferral, { args: [{ until: addDays(today, 365), reason: 'flood damaged the plant', actorId: 'agent-1' }] });
      const review = await taskIn(handle, 'deferralReview');
      expect(fakes.callsTo('openTask').at(-1)?.input.spec).toMatchObject({ step: 'deferralReview', permission: 'supervise' });
      await handle.executeUpdate(completeTask, { args: [decide(review, 'approve', 'sv-1')] });
      await stateOf(handle, 'hardshipDeferral');
      expect(fakes.callsTo('recordFeeWaiver')[0]?.input).toMatchObject({ until: addDays(today, 365), approvedBy: 'sv-1' });
      await env.sleep(367 * DAY);
      await until(
        () => (fakes.callsTo('appendTimeline').filter((c) => c.input.action === 'arrears.order').length === 2 ? true : undefined),
        'the second order',
      );
      expect(fakes.callsTo('appendTimeline').filter((c) => c.input.action === 'arrears.order')).toHaveLength(2);
      await env.sleep(10 * DAY);
      const propose = await taskIn(handle, 'fineProposal');
      await handle.executeUpdate(completeTask, { args: [decide(propose, 'propose', 'cw-1', { multiple: '1' })] });
      await handle.executeUpdate(completeTask, { args: [decide(await taskIn(handle, 'fineApproval'), 'approve', 'rv-1')] });
      await handle.executeUpdate(completeTask, { args: [decide(await taskIn(handle, 'accountInquiry'), 'fundsFound', 'cw-1')] });
      await handle.executeUpdate(completeTask, { args: [decide(await taskIn(handle, 'enforcementDecision'), 'court', 'rv-1')] });
      await stateOf(handle, 'courtEnforcement');
      await env.sleep(330 * DAY); // the court takes its time; the case wakes monthly to refresh the late fee
      state.principal = '0.00';
      await handle.signal(arrearsPaymentReceived, { paymentId: 'court-proceeds' });
      return handle.result();
    });
    expect(result).toEqual({ status: 'settled' });
    expect((await env.currentTimeMs()) - started).toBeGreaterThan(700 * DAY);
    expect(fakes.callsTo('recordFine')[0]?.input.amount).toBe('12000.00');
  });

  it('continues as new while it waits and keeps its stage, order deadline and periods across runs (long cases stay replayable)', async () => {
    const { state, fakes } = ledger('3000.00');
    const policy = { ...DEFAULT_CONTRIBUTION_POLICY, continueAsNewAfterEvents: 30 };
    const result = await withArrearsCase(
      env,
      bundle,
      fakes,
      async (handle) => {
        await until(() => (fakes.callsTo('sendNotice').some((c) => c.input.kind === 'order_to_pay') ? true : undefined), 'the order to pay');
        for (let i = 0; i < 4; i += 1) {
          await handle.signal(arrearsPaymentReceived, { paymentId: `partial-${i}` });
          await env.sleep(1 * DAY);
        }
        const latest = env.client.workflow.getHandle(handle.workflowId);
        const description = await latest.describe();
        // The history was cut: the run answering now is not the first one, and it is still in the order stage.
        expect(description.runId).not.toBe(handle.firstExecutionRunId);
        expect((await latest.query(getCaseView)).status).toBe('ordered');
        state.principal = '0.00';
        await latest.signal(arrearsPaymentReceived, { paymentId: 'rest' });
        return latest.result();
      },
      { policy },
    );
    expect(result).toEqual({ status: 'settled' });
    // One order for the case, however many runs it took: the resumed run does not issue it again.
    expect(fakes.callsTo('sendNotice').filter((c) => c.input.kind === 'order_to_pay')).toHaveLength(1);
    expect(fakes.callsTo('recordFine')).toHaveLength(0);
  });
});
