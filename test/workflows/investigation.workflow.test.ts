import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { completeTask } from '../../workflows/index.js';
import { fakeActivities } from '../support/fake-activities.js';
import { decide, refusalOf } from './benefit-claim-harness.js';
import { decideInvestigation, investigationTaskIn, withInvestigation } from './investigation-harness.js';
import { startTimeSkipping } from './time-skipping.js';

describe('investigation workflow (time-skipping test server, fake activities)', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    ({ env, bundle } = await startTimeSkipping());
  });
  afterAll(async () => env?.teardown());

  it('is assigned, the investigator finds fraud with a fine of 2–5 ×, and a second supervisor closes it (rules §8; 社会保险法 art. 88; four eyes)', async () => {
    const fakes = fakeActivities();
    const result = await withInvestigation(env, bundle, fakes, async (handle) => {
      // Assigning needs the investigator named.
      const assign = await investigationTaskIn(handle, 'assigning');
      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide(assign, 'assign', 'sv-1')] }))).toBe('OUTCOME_NOT_ALLOWED');
      await decideInvestigation(handle, 'assigning', 'assign', 'sv-1', { investigatorId: 'sv-2' });
      const findings = await investigationTaskIn(handle, 'investigating');
      // Only the assigned investigator writes the findings; the multiple stays within 2–5.
      const fraud = { amount: '3600.00', multiple: '3' };
      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide(findings, 'fraudFound', 'sv-3', fraud, '亲属冒领')] }))).toBe(
        'OUTCOME_NOT_ALLOWED',
      );
      expect(
        await refusalOf(
          handle.executeUpdate(completeTask, { args: [decide(findings, 'fraudFound', 'sv-2', { amount: '3600.00', multiple: '6' }, '亲属冒领')] }),
        ),
      ).toBe('OUTCOME_NOT_ALLOWED');
      await decideInvestigation(handle, 'investigating', 'fraudFound', 'sv-2', fraud, '亲属冒领两个月养老金');
      expect(fakes.callsTo('openTask').at(-1)?.input.spec).toMatchObject({ step: 'close', permission: 'supervise', preparedBy: 'sv-2' });
      // Four eyes: the investigator does not close their own findings.
      const close = await investigationTaskIn(handle, 'closing');
      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide(close, 'approve', 'sv-2')] }))).toBe('FOUR_EYES');
      await decideInvestigation(handle, 'closing', 'approve', 'sv-1');
      return { done: await handle.result(), today: shanghaiDateOf(await env.currentTimeMs()) };
    });
    expect(result.done).toEqual({ status: 'closed' });
    const last = fakes.callsTo('projectCase').at(-1)!.input;
    expect(last).toMatchObject({
      status: 'closed',
      closed: true,
      summary: {
        control: 'DECEASED_ACTIVE_BENEFIT',
        assignedBy: 'sv-1',
        investigatorId: 'sv-2',
        closedBy: 'sv-1',
        closedOn: result.today,
        findings: { fraud: true, by: 'sv-2', penalty: { returned: '3600.00', multiple: '3', fine: '10800.00', total: '14400.00' } },
      },
    });
  });

  it('goes back to the investigator when the closing supervisor returns it, and closes on no fraud (rules §8)', async () => {
    const fakes = fakeActivities();
    const done = await withInvestigation(env, bundle, fakes, async (handle) => {
      await decideInvestigation(handle, 'assigning', 'assign', 'sv-1', { investigatorId: 'sv-2' });
      await decideInvestigation(handle, 'investigating', 'noFraud', 'sv-2', {}, '死亡当月已停发');
      await decideInvestigation(handle, 'closing', 'return', 'sv-1', {}, '请核对银行流水');
      await decideInvestigation(handle, 'investigating', 'noFraud', 'sv-2', {}, '银行流水无死亡后入账');
      await decideInvestigation(handle, 'closing', 'approve', 'sv-3');
      return handle.result();
    });
    expect(done).toEqual({ status: 'closed' });
    expect(fakes.callsTo('projectCase').at(-1)!.input.summary).toMatchObject({ returns: 1, closedBy: 'sv-3', findings: { fraud: false, penalty: null } });
  });
});
