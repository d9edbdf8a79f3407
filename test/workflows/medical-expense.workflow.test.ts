import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf, shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { completeTask } from '../../workflows/index.js';
import { fakeActivities } from '../support/fake-activities.js';
import { decide, refusalOf } from './benefit-claim-harness.js';
import { decideSettled } from './enrollment-harness.js';
import { decideDeclaration, declarationTaskIn, withDeclaration } from './medical-expense-harness.js';
import { startTimeSkipping } from './time-skipping.js';

describe('medical expense declaration workflow (time-skipping test server, fake activities)', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    ({ env, bundle } = await startTimeSkipping());
  });
  afterAll(async () => env?.teardown());

  it('is reviewed by a caseworker, approved by another person, then booked once to its own ledger (rules §5.6; 经办条例 arts. 36–38)', async () => {
    const fakes = fakeActivities();
    const result = await withDeclaration(env, bundle, fakes, async (handle, input) => {
      const review = await decideDeclaration(handle, 'reviewing', 'approve', 'cw-1');
      // The same decision sent again finds its task decided: it is applied once.
      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide(review, 'approve', 'cw-1')] }))).toBe('TASK_ALREADY_DECIDED');
      expect(fakes.callsTo('openTask').at(-1)?.input.spec).toMatchObject({ step: 'approval', permission: 'approve', preparedBy: 'cw-1' });
      const approval = await declarationTaskIn(handle, 'approving');
      // Four eyes: whoever reviewed it does not approve it, and the validator refuses before history.
      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide(approval, 'approve', 'cw-1')] }))).toBe('FOUR_EYES');
      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide(approval, 'reject', 'rv-1')] }))).toBe('OUTCOME_NOT_ALLOWED'); // no reason
      const answer = await decideSettled(handle, decide(approval, 'approve', 'rv-1'));
      expect(answer.lastDecision).toMatchObject({ taskId: approval, taskStatus: 'completed' });
      const done = await handle.result();
      const today = shanghaiDateOf(await env.currentTimeMs());
      return { done, input, today };
    });
    expect(result.done).toEqual({ status: 'approved' });
    const booked = fakes.callsTo('bookMedicalExpense');
    expect(booked).toHaveLength(1);
    expect(booked[0]!.input).toMatchObject({
      caseId: result.input.caseId,
      category: 'lixiu',
      amount: '1592.90',
      decidedBy: 'rv-1',
      decidedMonth: monthOf(result.today),
    });
    expect(fakes.callsTo('releaseMedicalInvoices')).toHaveLength(0);
    const last = fakes.callsTo('projectCase').at(-1)!.input;
    expect(last).toMatchObject({
      status: 'approved',
      closed: true,
      summary: { total: '1592.90', reimbursable: '1592.90', decision: { outcome: 'approved', by: 'rv-1' } },
    });
  });

  it('goes back to review when the reviewer returns it, and a rejection releases its invoices and books nothing (rules §5.6)', async () => {
    const fakes = fakeActivities();
    const result = await withDeclaration(env, bundle, fakes, async (handle) => {
      await decideDeclaration(handle, 'reviewing', 'approve', 'cw-1');
      await decideDeclaration(handle, 'approving', 'return', 'rv-1', '请补充出院小结');
      const review = await declarationTaskIn(handle, 'reviewing');
      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide(review, 'return', 'cw-1', {}, 'x')] }))).toBe('OUTCOME_NOT_ALLOWED');
      await decideDeclaration(handle, 'reviewing', 'reject', 'cw-1', '发票与病历不符');
      return handle.result();
    });
    expect(result).toEqual({ status: 'rejected' });
    expect(fakes.callsTo('bookMedicalExpense')).toHaveLength(0);
    expect(fakes.callsTo('releaseMedicalInvoices')).toHaveLength(1);
    expect(fakes.callsTo('projectCase').at(-1)!.input).toMatchObject({
      status: 'rejected',
      closed: true,
      summary: { decision: { outcome: 'rejected', reason: '发票与病历不符' }, review: { returns: 1 } },
    });
  });
});
