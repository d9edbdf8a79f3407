import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CN_CALENDAR_YEARS } from '../../domain/calendar/default-calendar.js';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { computeDeadline } from '../../domain/case/deadline-clock.js';
import { citizenIdCheckChar } from '../../domain/identity/citizen-id.js';
import type { TransferLegView } from '../../domain/transfer/transfer-progress.js';
import { completeTask, getCaseView } from '../../workflows/index.js';
import { E3_AMOUNTS, FakeCounterpartAgency } from '../support/fake-counterpart.js';
import { decideSettled, until } from './enrollment-harness.js';
import { startTimeSkipping } from './time-skipping.js';
import {
  DAY,
  lastSummary,
  NANJING,
  noticesOf,
  relay,
  sentMessages,
  staffDecision,
  statusOf,
  taskIn,
  transferFakes,
  withTransferCase,
} from './transfer-harness.js';

const HOUR = 3_600_000;
/** Lets the worker finish what a time skip set off; the skipped clock does not move meanwhile. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));
const legsOf = (summary: Record<string, unknown>) => (summary.legs as TransferLegView[]).map((l) => [l.name, l.office, l.region, l.status]);

// Time skipping is global to the environment, so the cases of this file run one after another on one server.
describe('transfer workflow (time-skipping test server, fake activities)', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    ({ env, bundle } = await startTimeSkipping());
  });
  afterAll(async () => env?.teardown());

  it('runs a full pension transfer Hangzhou → Ningbo: letter, transfer-out, completion, each a task of its office with its 15-working-day clock (§6.1, 国办发〔2009〕66号 art. 8)', async () => {
    const fakes = transferFakes();
    const result = await withTransferCase(env, bundle, fakes, {}, async (handle) => {
      const letter = await taskIn(handle, fakes, 'acceptanceLetter', 'acceptanceLetter');
      const openedAt = await env.currentTimeMs();
      const [open] = fakes.callsTo('openTask');
      expect(open?.input).toMatchObject({
        region: '330203',
        caseType: 'transfer',
        spec: { step: 'acceptanceLetter', slaDays: 15, slaUnit: 'working', preparedBy: null, outcomes: ['approve', 'reject'] },
      });
      expect(open?.input.dueAt).toBe(new Date(computeDeadline(CN_CALENDAR_YEARS, shanghaiDateOf(openedAt), 15, 'working').dueAtMs).toISOString());
      await decideSettled(handle, staffDecision(letter, 'approve', 'nb-cw-1'));

      const out = await taskIn(handle, fakes, 'transferOut', 'transferOut');
      expect(fakes.callsTo('openTask').at(-1)?.input).toMatchObject({ region: '330102', spec: { step: 'transferOut', slaDays: 15 } });
      await decideSettled(handle, staffDecision(out, 'approve', 'hz-cw-1'));

      const completion = await taskIn(handle, fakes, 'completion', 'completion');
      expect(fakes.callsTo('openTask').at(-1)?.input).toMatchObject({ region: '330203', spec: { step: 'completion', slaDays: 15 } });
      await decideSettled(handle, staffDecision(completion, 'approve', 'nb-cw-2'));
      return handle.result();
    });

    expect(result).toEqual({ status: 'completed' });
    // What leaves the old fund is what the E3 records give (§6.1, E3), booked once.
    expect(fakes.callsTo('bookTransferOut').map((c) => [c.input.poolingArea, c.input.amounts])).toEqual([['330100', E3_AMOUNTS]]);
    expect(fakes.callsTo('collectTransferFunds')).toHaveLength(1);
    const [handOver] = fakes.callsTo('completeTransferRelationship');
    expect(handOver?.input).toMatchObject({ endIn: '330100', takeOverIn: { poolingArea: '330200', region: '330203' }, decidedBy: 'nb-cw-2' });
    expect(noticesOf(fakes)).toEqual(['transfer_received', 'acceptance_letter_sent', 'transfer_out_sent', 'funds_received', 'transfer_completed']);
    const summary = lastSummary(fakes);
    expect(legsOf(summary)).toEqual([
      ['acceptanceLetter', 'new', '330203', 'done'],
      ['transferOut', 'old', '330102', 'done'],
      ['completion', 'new', '330203', 'done'],
    ]);
    expect(summary).toMatchObject({ amounts: E3_AMOUNTS, pensionPaymentPlace: { rule: 'RELATIONSHIP_IN_HUKOU_PROVINCE', paymentPlace: '330200' } });
    // Every leg is on the timeline of the one case both offices read.
    const actions = fakes.callsTo('projectCase').flatMap((c) => (c.input.timeline ?? []).map((l) => l.action));
    expect(actions.filter((a) => a === 'transfer.leg.opened')).toHaveLength(3);
    expect(actions).toContain('transfer.paidOut');
    expect(actions).toContain('transfer.handedOver');
  });

  it('moves nothing when the new office refuses: no pay-out, no hand-over, the person stays insured where they were (issue 11 point 4)', async () => {
    const fakes = transferFakes();
    const result = await withTransferCase(env, bundle, fakes, {}, async (handle) => {
      const letter = await taskIn(handle, fakes, 'acceptanceLetter', 'acceptanceLetter');
      await expect(handle.executeUpdate(completeTask, { args: [staffDecision(letter, 'reject', 'nb-cw-1')] })).rejects.toBeInstanceOf(
        WorkflowUpdateFailedError,
      );
      await decideSettled(handle, staffDecision(letter, 'reject', 'nb-cw-1', '未在本地参保缴费'));
      return handle.result();
    });
    expect(result).toEqual({ status: 'refused' });
    expect(fakes.callsTo('bookTransferOut')).toHaveLength(0);
    expect(fakes.callsTo('collectTransferFunds')).toHaveLength(0);
    expect(fakes.callsTo('completeTransferRelationship')).toHaveLength(0);
    expect(fakes.callsTo('sendTransferMessage')).toHaveLength(0);
    expect(noticesOf(fakes)).toEqual(['transfer_received', 'transfer_refused']);
    expect(lastSummary(fakes)).toMatchObject({ refusal: { office: 'new', by: 'nb-cw-1', reason: '未在本地参保缴费' } });
    expect(legsOf(lastSummary(fakes)).map((l) => l[3])).toEqual(['refused', 'cancelled', 'cancelled']);
  });

  it('escalates a late transfer-out once at its due date, and keeps waiting for the old office (§6.1, docs/architecture.md "Tasks: the human part")', async () => {
    const fakes = transferFakes();
    await withTransferCase(env, bundle, fakes, {}, async (handle) => {
      const letter = await taskIn(handle, fakes, 'acceptanceLetter', 'acceptanceLetter');
      await decideSettled(handle, staffDecision(letter, 'approve', 'nb-cw-1'));
      const out = await taskIn(handle, fakes, 'transferOut', 'transferOut');
      const dueMs = Date.parse(fakes.callsTo('openTask').at(-1)!.input.dueAt);
      const now = await env.currentTimeMs();
      await env.sleep(dueMs - now - HOUR);
      await settle();
      expect(fakes.callsTo('escalateTask')).toHaveLength(0);
      await env.sleep(2 * HOUR);
      await until(() => (fakes.callsTo('escalateTask').length > 0 ? true : undefined), 'the escalation');
      expect(fakes.callsTo('escalateTask')[0]?.input).toEqual({ taskId: out });
      await env.sleep(10 * DAY);
      await settle();
      expect(fakes.callsTo('escalateTask')).toHaveLength(1);
      expect((await handle.query(getCaseView)).status).toBe('transferOut');
      await fakes.idle(); // nothing in flight to hold the test server's clock
      await handle.terminate('test finished');
    });
  });

  it('escalates the leg when the money does not arrive, looks again every retry interval, and books it once when it comes (issue 11 point 4)', async () => {
    let attempts = 0;
    const fakes = transferFakes({
      collectTransferFunds: async () => {
        attempts += 1;
        return attempts < 30 ? { arrived: false, reconciliation: null } : { arrived: true, reconciliation: null };
      },
    });
    const result = await withTransferCase(env, bundle, fakes, {}, async (handle) => {
      await decideSettled(handle, staffDecision(await taskIn(handle, fakes, 'acceptanceLetter', 'acceptanceLetter'), 'approve', 'nb-cw-1'));
      await decideSettled(handle, staffDecision(await taskIn(handle, fakes, 'transferOut', 'transferOut'), 'approve', 'hz-cw-1'));
      await statusOf(handle, 'inTransit');
      // 29 misses a day apart run past the 15 working days (three weeks and more) of the leg: it escalates once, then
      // the money arrives.
      for (let day = 0; day < 40 && attempts < 30; day += 1) {
        const before = attempts;
        await env.sleep(DAY);
        await until(() => (attempts > before ? true : undefined), 'the next look for the money');
      }
      await decideSettled(handle, staffDecision(await taskIn(handle, fakes, 'completion', 'completion'), 'approve', 'nb-cw-2'));
      return handle.result();
    });
    expect(result).toEqual({ status: 'completed' });
    expect(attempts).toBe(30);
    expect(fakes.callsTo('bookTransferOut')).toHaveLength(1);
    expect(fakes.callsTo('escalateTransferLeg').map((c) => c.input.leg)).toEqual(['transferOut']);
    expect(noticesOf(fakes)).toContain('transfer_delayed');
  });

  it('gives the medical old office 10 working days and the new office 5, and moves the account balance (§6.2, 医保办发〔2021〕43号)', async () => {
    const fakes = transferFakes();
    const result = await withTransferCase(env, bundle, fakes, { insurance: 'medical' }, async (handle) => {
      const out = await taskIn(handle, fakes, 'transferOut', 'transferOut');
      expect(fakes.callsTo('openTask').at(-1)?.input).toMatchObject({ region: '330102', spec: { step: 'transferOut', slaDays: 10 } });
      await decideSettled(handle, staffDecision(out, 'approve', 'hz-cw-1'));
      const load = await taskIn(handle, fakes, 'completion', 'load');
      expect(fakes.callsTo('openTask').at(-1)?.input).toMatchObject({ region: '330203', spec: { step: 'load', slaDays: 5 } });
      await decideSettled(handle, staffDecision(load, 'approve', 'nb-cw-2'));
      return handle.result();
    });
    expect(result).toEqual({ status: 'completed' });
    expect(fakes.callsTo('bookTransferOut')[0]?.input.amounts).toEqual({ pooledFund: '0.00', personalAccount: '1560.00' });
    expect(lastSummary(fakes).medicalContinuity).toMatchObject({ outcome: expect.any(String) });
  });

  it('carries the unemployment contribution months over: no money moves, the years add up (§6.3, 社会保险法 art. 52)', async () => {
    const fakes = transferFakes();
    const result = await withTransferCase(env, bundle, fakes, { insurance: 'unemployment' }, async (handle) => {
      await decideSettled(handle, staffDecision(await taskIn(handle, fakes, 'transferOut', 'transferOut'), 'approve', 'hz-cw-1'));
      await decideSettled(handle, staffDecision(await taskIn(handle, fakes, 'completion', 'load'), 'approve', 'nb-cw-2'));
      return handle.result();
    });
    expect(result).toEqual({ status: 'completed' });
    expect(fakes.callsTo('bookTransferOut')[0]?.input.amounts).toEqual({ pooledFund: '0.00', personalAccount: '0.00' });
    expect(lastSummary(fakes).unemploymentCarryOver).toMatchObject({ contributionMonths: expect.any(Number) });
    expect((lastSummary(fakes).unemploymentCarryOver as { contributionMonths: number }).contributionMonths).toBeGreaterThanOrEqual(12);
  });

  it('opens a temporary contribution account instead for a man of 50 moving out of his hukou province (国办发〔2009〕66号 art. 5)', async () => {
    const body = `340102${'1970'}0101${'001'}`;
    const fakes = transferFakes();
    const result = await withTransferCase(env, bundle, fakes, { citizen: body + citizenIdCheckChar(body) }, async (handle) => {
      await decideSettled(handle, staffDecision(await taskIn(handle, fakes, 'acceptanceLetter', 'acceptanceLetter'), 'approve', 'nb-cw-1'));
      return handle.result();
    });
    expect(result).toEqual({ status: 'temporaryAccount' });
    expect(fakes.callsTo('openTemporaryAccount')[0]?.input).toMatchObject({ poolingArea: '330200', keptInPoolingArea: '330100' });
    expect(fakes.callsTo('bookTransferOut')).toHaveLength(0);
    expect(fakes.callsTo('completeTransferRelationship')).toHaveLength(0);
    expect(lastSummary(fakes).temporaryAccount).toMatchObject({ temporaryAccount: true, rule: 'TEMPORARY_ACCOUNT' });
  });

  it('reaches an outside old office through the platform: the letter goes out, a late answer escalates and is asked again, the money is booked once however often it arrives', async () => {
    const fakes = transferFakes();
    const agency = new FakeCounterpartAgency(NANJING, 'lateTransferOut', undefined, true);
    const result = await withTransferCase(env, bundle, fakes, { role: 'new' }, async (handle) => {
      await decideSettled(handle, staffDecision(await taskIn(handle, fakes, 'acceptanceLetter', 'acceptanceLetter'), 'approve', 'nb-cw-1'));
      await statusOf(handle, 'transferOut');
      await until(() => (sentMessages(fakes).length > 0 ? true : undefined), 'the letter of acceptance');
      const relayed = await relay(handle, fakes, agency, env); // first request: no answer
      expect(agency.sent).toHaveLength(0);
      await env.sleep(22 * DAY); // past the 15 working days of the leg
      await until(() => (sentMessages(fakes).length > 1 ? true : undefined), 'the request sent again');
      await relay(handle, fakes, agency, env, relayed); // the second request is answered, twice
      await decideSettled(handle, staffDecision(await taskIn(handle, fakes, 'completion', 'completion'), 'approve', 'nb-cw-2'));
      await until(() => (sentMessages(fakes).some((m) => m.type === 'TRANSFER_COMPLETED') ? true : undefined), 'the confirmation');
      return handle.result();
    });
    expect(result).toEqual({ status: 'completed' });
    const sent = sentMessages(fakes);
    expect(sent.map((m) => [m.type, m.to.poolingArea])).toEqual([
      ['TRANSFER_REQUEST', '320100'],
      ['TRANSFER_REQUEST', '320100'],
      ['TRANSFER_COMPLETED', '320100'],
    ]);
    expect(sent[1]).toMatchObject({ attempt: 2 });
    expect(fakes.callsTo('escalateTransferLeg').map((c) => c.input.leg)).toEqual(['transferOut']);
    expect(agency.sent.filter((m) => m.type === 'TRANSFER_OUT')).toHaveLength(2); // delivered twice by the platform
    expect(fakes.callsTo('bookTransferReceipt')).toHaveLength(1);
    expect(fakes.callsTo('bookTransferReceipt')[0]?.input.amounts).toEqual(E3_AMOUNTS);
    expect(fakes.callsTo('completeTransferRelationship')[0]?.input).toMatchObject({ endIn: null, takeOverIn: { poolingArea: '330200' } });
    expect(lastSummary(fakes)).toMatchObject({ amounts: E3_AMOUNTS, counterpartReference: agency.reference });
  });

  it('ends the case refused, nothing moved, when the outside old office refuses through the platform', async () => {
    const fakes = transferFakes();
    const agency = new FakeCounterpartAgency(NANJING, 'refuse');
    const result = await withTransferCase(env, bundle, fakes, { role: 'new' }, async (handle) => {
      await decideSettled(handle, staffDecision(await taskIn(handle, fakes, 'acceptanceLetter', 'acceptanceLetter'), 'approve', 'nb-cw-1'));
      await until(() => (sentMessages(fakes).length > 0 ? true : undefined), 'the letter of acceptance');
      await relay(handle, fakes, agency, env);
      return handle.result();
    });
    expect(result).toEqual({ status: 'refused' });
    expect(fakes.callsTo('bookTransferReceipt')).toHaveLength(0);
    expect(fakes.callsTo('completeTransferRelationship')).toHaveLength(0);
    expect(lastSummary(fakes)).toMatchObject({ refusal: { office: 'old', by: 'counterpart' } });
  });

  it('as the old office for an outside new office: its staff send, the counterpart confirms, and only then the old relationship ends (role old)', async () => {
    const fakes = transferFakes();
    const agency = new FakeCounterpartAgency(NANJING, 'transferOut');
    const result = await withTransferCase(env, bundle, fakes, { role: 'old' }, async (handle) => {
      const out = await taskIn(handle, fakes, 'transferOut', 'transferOut');
      expect(fakes.callsTo('openTask').at(-1)?.input).toMatchObject({ region: '330102', spec: { step: 'transferOut' } });
      await decideSettled(handle, staffDecision(out, 'approve', 'hz-cw-1'));
      await until(() => (sentMessages(fakes).length > 0 ? true : undefined), 'the transfer-out');
      expect(fakes.callsTo('completeTransferRelationship')).toHaveLength(0);
      await relay(handle, fakes, agency, env);
      return handle.result();
    });
    expect(result).toEqual({ status: 'completed' });
    const [transferOut] = sentMessages(fakes);
    expect(transferOut).toMatchObject({ type: 'TRANSFER_OUT', amounts: E3_AMOUNTS, months: 114 });
    expect(fakes.callsTo('completeTransferRelationship')[0]?.input).toMatchObject({ endIn: '330100', takeOverIn: null, decidedBy: 'counterpart' });
  });
});
