import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeTask } from '../../workflows/index.js';
import { fakeActivities } from '../support/fake-activities.js';
import { withBackPayment } from './back-payment-harness.js';
import { decide, refusalOf } from './benefit-claim-harness.js';
import { decideSettled } from './enrollment-harness.js';
import { decideDeclaration, declarationTaskIn } from './medical-expense-harness.js';
import { startTimeSkipping } from './time-skipping.js';

describe('back-payment workflow (time-skipping test server, fake activities)', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    ({ env, bundle } = await startTimeSkipping());
  });
  afterAll(async () => env?.teardown());

  it('under 36 months: reviewed by a caseworker, approved by another person, billed once — no supervisor (rules §6.1; 经办条例 arts. 36–38)', async () => {
    const fakes = fakeActivities();
    const result = await withBackPayment(env, bundle, fakes, 6, async (handle, input) => {
      await decideDeclaration(handle, 'reviewing', 'approve', 'cw-1');
      const approval = await declarationTaskIn(handle, 'approving');
      // Four eyes: the reviewer does not approve what they reviewed; the validator refuses before history.
      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide(approval, 'approve', 'cw-1')] }))).toBe('FOUR_EYES');
      await decideSettled(handle, decide(approval, 'approve', 'rv-1'));
      return { done: await handle.result(), input };
    });
    expect(result.done).toEqual({ status: 'approved' });
    expect(fakes.callsTo('openTask').map((c) => c.input.spec.step)).toEqual(['review', 'approval']);
    expect(fakes.callsTo('billBackPayment').map((c) => c.input)).toEqual([{ caseId: result.input.caseId, decidedBy: 'rv-1' }]);
    expect(fakes.callsTo('releaseBackPaymentMonths')).toHaveLength(0);
    expect(fakes.callsTo('projectCase').at(-1)!.input).toMatchObject({
      status: 'approved',
      closed: true,
      summary: { monthCount: 6, totals: { total: '24000.40' }, supervision: { needsSupervisor: false }, decision: { outcome: 'approved', by: 'rv-1' } },
    });
  });

  it('36 months without a legal document: after the approval a supervisor approves too, never the approver (graded approval; rules §6.1, §8)', async () => {
    const fakes = fakeActivities();
    const result = await withBackPayment(env, bundle, fakes, 36, async (handle) => {
      await decideDeclaration(handle, 'reviewing', 'approve', 'cw-1');
      await decideDeclaration(handle, 'approving', 'approve', 'rv-1');
      const supervision = await declarationTaskIn(handle, 'supervising');
      expect(fakes.callsTo('billBackPayment')).toHaveLength(0);
      expect(fakes.callsTo('openTask').at(-1)?.input.spec).toMatchObject({ step: 'supervision', permission: 'supervise', earlierDeciders: ['rv-1'] });
      // Graded approval: the approver is not the supervisor too (经办条例 arts. 36–38).
      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide(supervision, 'approve', 'rv-1')] }))).toBe('SAME_PERSON_AT_TWO_TIERS');
      await decideSettled(handle, decide(supervision, 'approve', 'sv-1'));
      return handle.result();
    });
    expect(result).toEqual({ status: 'approved' });
    expect(fakes.callsTo('billBackPayment').map((c) => c.input.decidedBy)).toEqual(['sv-1']);
    expect(fakes.callsTo('projectCase').at(-1)!.input.summary).toMatchObject({
      supervision: { needsSupervisor: true },
      review: { reviewedBy: 'cw-1', approvedBy: 'rv-1', supervisedBy: 'sv-1' },
    });
  });

  it('a supervisor who returns it sends it back to review; a rejection gives the months back and bills nothing (rules §6.1)', async () => {
    const fakes = fakeActivities();
    const result = await withBackPayment(env, bundle, fakes, 36, async (handle) => {
      await decideDeclaration(handle, 'reviewing', 'approve', 'cw-1');
      await decideDeclaration(handle, 'approving', 'approve', 'rv-1');
      await decideDeclaration(handle, 'supervising', 'return', 'sv-1', '请补充仲裁裁决书');
      await decideDeclaration(handle, 'reviewing', 'reject', 'cw-1', '无劳动关系证明');
      return handle.result();
    });
    expect(result).toEqual({ status: 'rejected' });
    expect(fakes.callsTo('billBackPayment')).toHaveLength(0);
    expect(fakes.callsTo('releaseBackPaymentMonths')).toHaveLength(1);
    expect(fakes.callsTo('projectCase').at(-1)!.input).toMatchObject({
      status: 'rejected',
      summary: { decision: { outcome: 'rejected', reason: '无劳动关系证明' }, review: { returns: 1 } },
    });
  });
});
