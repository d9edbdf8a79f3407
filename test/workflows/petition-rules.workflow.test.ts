// Issue 8 on the workflow (time-skipping test server, fake activities): a reply sent by letter waits for its delivery
// record and the review window counts from it; no extension once the 60-day handling period lapsed.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CN_CALENDAR_YEARS } from '../../domain/calendar/default-calendar.js';
import { addDays, daysBetween, shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { computeDeadline } from '../../domain/case/deadline-clock.js';
import { completeTask, getCaseView, recordPetitionDelivery, requestPetitionReview } from '../../workflows/index.js';
import { fakeActivities, type FakeActivities } from '../support/fake-activities.js';
import { until } from './enrollment-harness.js';
import { decision, OPINION_DATA, openTaskIn, type PetitionHandle, petitionInput, statusOf, withPetitionWorker } from './petition-harness.js';
import { startTimeSkipping } from './time-skipping.js';

async function refusalOf(update: Promise<unknown>): Promise<{ type: string | undefined; message: string }> {
  const error: unknown = await update.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  return cause instanceof ApplicationFailure ? { type: cause.type ?? undefined, message: cause.message } : { type: undefined, message: String(cause) };
}

const windowEnd = (from: string) => computeDeadline(CN_CALENDAR_YEARS, from, 30, 'calendar').dueDate;
const handlingEnd = (acceptedOn: string) => computeDeadline(CN_CALENDAR_YEARS, acceptedOn, 60, 'calendar').dueDate;
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** The last read model the workflow wrote while in `status`. */
const projectedIn = (
  fakes: FakeActivities,
  status: string,
  check: (input: { deadlines: { name: string; dueDate: string }[]; summary: Record<string, unknown> }) => boolean = () => true,
) =>
  until(() => {
    const last = fakes.callsTo('projectCase').at(-1)?.input;
    return last?.status === status && check(last) ? last : undefined;
  }, `the ${status} projection`);

describe('petition rules of issue 8 (time-skipping test server, fake activities)', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    ({ env, bundle } = await startTimeSkipping());
  });
  afterAll(async () => env?.teardown());

  const today = async () => shanghaiDateOf(await env.currentTimeMs());
  /** Accepted and answered with a written opinion; answers the day it was issued. */
  const replied = async (handle: PetitionHandle): Promise<string> => {
    await handle.executeUpdate(completeTask, { args: [decision((await openTaskIn(handle, 'registered')).openTaskId, 'accept')] });
    await handle.executeUpdate(completeTask, { args: [decision((await openTaskIn(handle, 'inProgress')).openTaskId, 'explain', { data: OPINION_DATA })] });
    await statusOf(handle, 'opinionIssued');
    return today();
  };

  it('keeps a letter’s reply waiting for its delivery record, then counts the review window from the day of delivery (§7 art. 35)', async () => {
    const fakes = fakeActivities();
    await withPetitionWorker(env, bundle, fakes, async (start) => {
      const input = petitionInput(await env.currentTimeMs(), { submission: { channel: 'letter' } });
      const handle = await start(input);
      const issuedOn = await replied(handle);
      const waiting = await projectedIn(fakes, 'opinionIssued');
      expect(waiting.deadlines.map((d) => d.name)).not.toContain('reviewRequest');
      expect(waiting.summary).toMatchObject({ opinion: { issuedOn, deliveredOn: null } });

      // Forty days on nothing has closed: the petitioner has not received the letter as far as the case knows.
      await env.sleep('40 days');
      await settle();
      expect((await handle.query(getCaseView)).status).toBe('opinionIssued');
      expect(fakes.callsTo('appendTimeline').map((call) => call.input.action)).not.toContain('petition.reviewWindowClosed');

      const now = await today();
      const tooEarly = await refusalOf(
        handle.executeUpdate(recordPetitionDelivery, { args: [{ document: 'opinion', receivedOn: addDays(issuedOn, -1), actorId: 'cw-002' }] }),
      );
      expect(tooEarly.type).toBe('INVALID_DATE');
      const future = await refusalOf(
        handle.executeUpdate(recordPetitionDelivery, { args: [{ document: 'opinion', receivedOn: addDays(now, 1), actorId: 'cw-002' }] }),
      );
      expect(future.type).toBe('INVALID_DATE');
      const noReview = await refusalOf(handle.executeUpdate(recordPetitionDelivery, { args: [{ document: 'review', receivedOn: now, actorId: 'cw-002' }] }));
      expect(noReview.type).toBe('NOT_ALLOWED_NOW');

      const receivedOn = addDays(now, -3);
      await handle.executeUpdate(recordPetitionDelivery, { args: [{ document: 'opinion', receivedOn, actorId: 'cw-002' }] });
      const delivered = await projectedIn(fakes, 'opinionIssued', (p) => p.deadlines.some((d) => d.name === 'reviewRequest'));
      expect(delivered.deadlines).toEqual([expect.objectContaining({ name: 'reviewRequest', dueDate: windowEnd(receivedOn) })]);
      expect(delivered.summary).toMatchObject({ opinion: { issuedOn, deliveredOn: receivedOn } });
      const twice = await refusalOf(handle.executeUpdate(recordPetitionDelivery, { args: [{ document: 'opinion', receivedOn: now, actorId: 'cw-002' }] }));
      expect(twice.type).toBe('NOT_ALLOWED_NOW');

      // More than 30 days after the issue day, inside the window from delivery: the review is heard.
      await handle.executeUpdate(requestPetitionReview, { args: [{ stage: 'review', actorId: input.petitionerId }] });
      await openTaskIn(handle, 'reviewRequested');
      expect(fakes.callsTo('openTask').at(-1)?.input).toMatchObject({ region: '330100', spec: { step: 'review' } });
      await fakes.idle(); // nothing in flight to hold the test server's clock for the next case
      await handle.terminate('test over');
    });
  });

  it('closes a letter’s review window 30 days after its delivery, not after its issue (§7 art. 35)', async () => {
    const fakes = fakeActivities();
    await withPetitionWorker(env, bundle, fakes, async (start) => {
      const handle = await start(petitionInput(await env.currentTimeMs(), { submission: { channel: 'letter' } }));
      await replied(handle);
      await env.sleep('20 days');
      const receivedOn = await today();
      await handle.executeUpdate(recordPetitionDelivery, { args: [{ document: 'opinion', receivedOn, actorId: 'cw-002' }] });

      await env.sleep('25 days'); // 45 days after the issue, 25 after delivery: still open
      await settle();
      expect((await handle.query(getCaseView)).status).toBe('opinionIssued');
      await env.sleep(`${daysBetween(await today(), windowEnd(receivedOn)) + 1} days`); // the day after the window's last day
      expect(await handle.result()).toEqual({ status: 'concluded' });
      const closed = fakes.callsTo('appendTimeline').find((call) => call.input.action === 'petition.reviewWindowClosed');
      expect(closed?.input.detail).toEqual({ dueDate: windowEnd(receivedOn) });
    });
  });

  it('needs no delivery record for a petition filed online: its reply is received the day it is issued', async () => {
    const fakes = fakeActivities();
    await withPetitionWorker(env, bundle, fakes, async (start) => {
      const handle = await start(petitionInput(await env.currentTimeMs()));
      const issuedOn = await replied(handle);
      const projected = await projectedIn(fakes, 'opinionIssued', (p) => p.deadlines.some((d) => d.name === 'reviewRequest'));
      expect(projected.summary).toMatchObject({ opinion: { issuedOn, deliveredOn: issuedOn } });
      expect(projected.deadlines).toEqual([expect.objectContaining({ name: 'reviewRequest', dueDate: windowEnd(issuedOn) })]);
      const refused = await refusalOf(
        handle.executeUpdate(recordPetitionDelivery, { args: [{ document: 'opinion', receivedOn: issuedOn, actorId: 'cw-002' }] }),
      );
      expect(refused.type).toBe('NOT_ALLOWED_NOW');
      await fakes.idle(); // nothing in flight to hold the test server's clock for the next case
      await handle.terminate('test over');
    });
  });

  it('refuses an extension asked for after the 60-day handling period lapsed, naming its last day; the reply is still possible (§7 art. 32)', async () => {
    const fakes = fakeActivities();
    await withPetitionWorker(env, bundle, fakes, async (start) => {
      const handle = await start(petitionInput(await env.currentTimeMs()));
      await handle.executeUpdate(completeTask, { args: [decision((await openTaskIn(handle, 'registered')).openTaskId, 'accept')] });
      const handlingDue = handlingEnd(await today());
      const handling = await openTaskIn(handle, 'inProgress');
      await env.sleep(`${daysBetween(await today(), handlingDue) + 1} days`); // the day after the 60 days' last day
      const late = await refusalOf(
        handle.executeUpdate(completeTask, { args: [decision(handling.openTaskId, 'extend', { comment: '需调取外省记录', data: { days: 30 } })] }),
      );
      expect(late.type).toBe('OUTCOME_NOT_ALLOWED');
      expect(late.message).toContain(`ended on ${handlingDue}`);
      expect((await handle.query(getCaseView)).status).toBe('inProgress');
      await handle.executeUpdate(completeTask, { args: [decision(handling.openTaskId, 'explain', { data: OPINION_DATA })] });
      // Terminated only once its effects ran: an activity cut off by the termination holds the test server's clock.
      await projectedIn(fakes, 'opinionIssued');
      await fakes.idle(); // nothing in flight to hold the test server's clock for the next case
      await handle.terminate('test over');
    });
  });

  it('refuses to approve an extension asked for in time once the 60-day period lapsed; the supervisor can still refuse it (§7 art. 32)', async () => {
    const fakes = fakeActivities();
    await withPetitionWorker(env, bundle, fakes, async (start) => {
      const handle = await start(petitionInput(await env.currentTimeMs()));
      await handle.executeUpdate(completeTask, { args: [decision((await openTaskIn(handle, 'registered')).openTaskId, 'accept')] });
      const handlingDue = handlingEnd(await today());
      const handling = await openTaskIn(handle, 'inProgress');
      await env.sleep('55 days'); // inside the 60 days
      await handle.executeUpdate(completeTask, { args: [decision(handling.openTaskId, 'extend', { comment: '需调取外省记录', data: { days: 30 } })] });
      const extension = await openTaskIn(handle, 'extensionRequested');
      await env.sleep(`${daysBetween(await today(), handlingDue) + 1} days`); // the day after the 60 days' last day
      const approve = await refusalOf(handle.executeUpdate(completeTask, { args: [decision(extension.openTaskId, 'approve', { actorId: 'sv-001' })] }));
      expect(approve).toMatchObject({ type: 'OUTCOME_NOT_ALLOWED', message: expect.stringMatching(/no longer be extended/) });
      await handle.executeUpdate(completeTask, { args: [decision(extension.openTaskId, 'reject', { actorId: 'sv-001', comment: '期限已过，请尽快答复' })] });
      await openTaskIn(handle, 'inProgress');
      expect(fakes.callsTo('sendNotice').map((call) => call.input.kind)).not.toContain('petition_extended');
      await fakes.idle(); // nothing in flight to hold the test server's clock for the next case
      await handle.terminate('test over');
    });
  });
});
