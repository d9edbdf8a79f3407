import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeTask } from '../../workflows/index.js';
import { fakeActivities } from '../support/fake-activities.js';
import { withSubsidy } from './account-subsidy-harness.js';
import { decide, refusalOf } from './benefit-claim-harness.js';
import { decideSettled } from './enrollment-harness.js';
import { decideDeclaration, declarationTaskIn } from './medical-expense-harness.js';
import { startTimeSkipping } from './time-skipping.js';

describe('account subsidy declaration workflow (time-skipping test server, fake activities)', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    ({ env, bundle } = await startTimeSkipping());
  });
  afterAll(async () => env?.teardown());

  it('is reviewed by a caseworker, approved by another person, then credited once (rules §5.6; 经办条例 arts. 36–38)', async () => {
    const fakes = fakeActivities({ bookAccountSubsidy: async () => ({ booked: 3 }) });
    const result = await withSubsidy(env, bundle, fakes, async (handle, input) => {
      const review = await decideDeclaration(handle, 'reviewing', 'approve', 'cw-1');
      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide(review, 'approve', 'cw-1')] }))).toBe('TASK_ALREADY_DECIDED');
      expect(fakes.callsTo('openTask').at(-1)?.input.spec).toMatchObject({ step: 'approval', permission: 'approve', preparedBy: 'cw-1' });
      const approval = await declarationTaskIn(handle, 'approving');
      // Four eyes: whoever reviewed it does not approve it; the validator refuses before history.
      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide(approval, 'approve', 'cw-1')] }))).toBe('FOUR_EYES');
      await decideSettled(handle, decide(approval, 'approve', 'rv-1'));
      return { done: await handle.result(), input };
    });
    expect(result.done).toEqual({ status: 'approved' });
    const booked = fakes.callsTo('bookAccountSubsidy');
    expect(booked).toHaveLength(1);
    expect(booked[0]!.input).toEqual({ caseId: result.input.caseId, reference: 'BZ2026000001', region: '330102', decidedBy: 'rv-1' });
    expect(fakes.callsTo('releaseAccountSubsidy')).toHaveLength(0);
    expect(fakes.callsTo('openTask').map((c) => c.input.caseType)).toEqual(['accountSubsidy', 'accountSubsidy']);
    expect(fakes.callsTo('projectCase').at(-1)!.input).toMatchObject({
      status: 'approved',
      closed: true,
      summary: { ruleId: 'retiree-account-credit', persons: 3, total: '210.00', decision: { outcome: 'approved', by: 'rv-1' } },
      timeline: expect.arrayContaining([expect.objectContaining({ action: 'accountSubsidy.booked', detail: { persons: 3, booked: 3, total: '210.00' } })]),
    });
  });

  it('goes back to review when the approver returns it, and a rejection releases its credits and books nothing (rules §5.6)', async () => {
    const fakes = fakeActivities();
    const result = await withSubsidy(env, bundle, fakes, async (handle) => {
      await decideDeclaration(handle, 'reviewing', 'approve', 'cw-1');
      await decideDeclaration(handle, 'approving', 'return', 'rv-1', '请核对人员类别');
      await decideDeclaration(handle, 'reviewing', 'reject', 'cw-1', '名单中有在职人员');
      return handle.result();
    });
    expect(result).toEqual({ status: 'rejected' });
    expect(fakes.callsTo('bookAccountSubsidy')).toHaveLength(0);
    expect(fakes.callsTo('releaseAccountSubsidy')).toHaveLength(1);
    expect(fakes.callsTo('projectCase').at(-1)!.input).toMatchObject({
      status: 'rejected',
      closed: true,
      summary: { decision: { outcome: 'rejected', reason: '名单中有在职人员' }, review: { returns: 1 } },
    });
  });
});
