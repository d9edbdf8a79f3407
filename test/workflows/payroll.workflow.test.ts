import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeTask, getCaseView, payrollBankReturn } from '../../workflows/index.js';
import { decide, refusalOf } from './benefit-claim-harness.js';
import { until } from './enrollment-harness.js';
import { approvalTaskOf, holdApproveFailRetry, payrollFakes, payrollStatusOf, withPayroll } from './payroll-harness.js';
import { startTimeSkipping } from './time-skipping.js';

describe('payroll workflow (time-skipping test server, fake activities)', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    ({ env, bundle } = await startTimeSkipping());
  });
  afterAll(async () => env?.teardown());

  it('gathers chunk by chunk, holds what the controls hit as tasks, approves with four eyes, then settles with the bank (§8)', async () => {
    const fakes = payrollFakes();
    const result = await withPayroll(env, bundle, fakes, async (handle) => {
      const approval = await approvalTaskOf(handle);
      // Two lanes of the entitlement IDs at once, each chunk by chunk by keyset: the first lane's second chunk starts
      // after the last entitlement of its first, the second lane starts after the first lane's last possible ID.
      const chunks = fakes.callsTo('gatherPayrollChunk').map((c) => c.input);
      const firstLane = chunks.filter((c) => c.before === '80000000-0000-0000-0000-000000000000');
      expect(firstLane.map((c) => c.after)).toEqual([null, 'e-3']);
      expect(chunks.filter((c) => c.before === null)).toEqual([expect.objectContaining({ after: '7fffffff-ffff-ffff-ffff-ffffffffffff' })]);
      expect(chunks).toHaveLength(3);
      expect(fakes.callsTo('openPayrollLineTasks')[0]!.input).toMatchObject({
        lineStatus: 'held',
        spec: { step: 'payrollHold', permission: 'review', preparedBy: 'sv-1' },
      });
      expect(fakes.callsTo('openTask').at(-1)!.input.spec).toMatchObject({
        step: 'payrollApproval',
        permission: 'supervise',
        preparedBy: 'sv-1',
        outcomes: ['approve'],
      });
      // Four eyes on the lines and on the batch: who ran the payroll decides neither.
      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide('hold-task-1', 'release', 'sv-1')] }))).toBe('FOUR_EYES');
      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide(approval, 'approve', 'sv-1')] }))).toBe('FOUR_EYES');
      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide('hold-task-1', 'stop', 'cw-1')] }))).toBe('OUTCOME_NOT_ALLOWED'); // no reason
      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide('hold-task-1', 'pay-twice', 'cw-1')] }))).toBe('OUTCOME_NOT_ALLOWED');
      const released = await handle.executeUpdate(completeTask, { args: [decide('hold-task-1', 'release', 'cw-1')] });
      expect(released.lastDecision).toEqual({ taskId: 'hold-task-1', taskStatus: 'completed' });
      // The same decision again is applied once.
      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide('hold-task-1', 'release', 'cw-1')] }))).toBe('TASK_ALREADY_DECIDED');
      expect(fakes.callsTo('decidePayrollLine')).toHaveLength(1);
      expect(fakes.callsTo('decidePayrollLine')[0]!.input.batchApproved).toBe(false);
      await handle.executeUpdate(completeTask, { args: [decide(approval, 'approve', 'sv-2')] });
      await payrollStatusOf(handle, 'paying');
      // The batch goes out in the gathering's lanes at once, then is stamped approved by who approved it.
      await until(() => (fakes.callsTo('finishPayrollSend').length > 0 ? true : undefined), 'the batch sent');
      expect(fakes.callsTo('sendPayrollLines').map((c) => c.input.after)).toEqual(expect.arrayContaining([null, '7fffffff-ffff-ffff-ffff-ffffffffffff']));
      expect(fakes.callsTo('finishPayrollSend')).toEqual([expect.objectContaining({ input: expect.objectContaining({ approvedBy: 'sv-2' }) })]);
      expect(fakes.callsTo('sendPayrollBatch')).toEqual([]);
      // A return with a failure: the failed line becomes a task, and the payroll waits for it.
      await handle.signal(payrollBankReturn, { fingerprint: 'f1', outstanding: 0, failed: 1 });
      await until(() => (fakes.callsTo('openPayrollLineTasks').length === 2 ? true : undefined), 'the failed-line task');
      expect(fakes.callsTo('openPayrollLineTasks')[1]!.input).toMatchObject({ lineStatus: 'failed', spec: { step: 'payrollFailed' } });
      expect((await handle.query(getCaseView)).status).toBe('paying');
      await handle.executeUpdate(completeTask, { args: [decide('failed-task-1', 'retry', 'cw-1', { bankAccount: '6222021234567890777' })] });
      return handle.result();
    });
    expect(result).toEqual({ status: 'paid', lines: 5, held: 1, sent: 4 });
    const last = fakes.callsTo('projectCase').at(-1)!.input;
    expect(last).toMatchObject({ status: 'paid', closed: true, summary: { lines: 5, held: 1, sent: 4, openLineTasks: 0, outstanding: 0, approvedBy: 'sv-2' } });
  });

  it('answers a line decision the row refuses with the row’s code, and lets it be decided again', async () => {
    let first = true;
    const fakes = payrollFakes();
    const refusing = fakes.activities.decidePayrollLine;
    fakes.activities.decidePayrollLine = async (input) => {
      if (first) {
        first = false;
        return { refused: { code: 'TASK_NOT_FOUND', reason: 'not a line task of this payroll' } };
      }
      return refusing(input);
    };
    const result = await withPayroll(env, bundle, fakes, async (handle) => {
      await approvalTaskOf(handle);
      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide('hold-task-1', 'release', 'cw-1')] }))).toBe('TASK_NOT_FOUND');
      return holdApproveFailRetry(handle, fakes);
    });
    expect(result).toMatchObject({ status: 'paid' });
  });
});
