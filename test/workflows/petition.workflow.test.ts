import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { CN_CALENDAR_YEARS } from '../../domain/calendar/default-calendar.js';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { computeDeadline } from '../../domain/case/deadline-clock.js';
import { petitionMachine } from '../../domain/petition/petition.machine.js';
import { completeTask, getCaseView, ratePetition, requestPetitionReview } from '../../workflows/index.js';
import { FAKE_REGION_PARENTS, fakeActivities } from '../support/fake-activities.js';
import { until } from './enrollment-harness.js';
import { decision, OPINION_DATA, openTaskIn, petitionInput, statusOf, withPetitionWorker } from './petition-harness.js';
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

const due = (fromMs: number, days: number, unit: 'working' | 'calendar') => computeDeadline(CN_CALENDAR_YEARS, shanghaiDateOf(fromMs), days, unit);
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('petition workflow (time-skipping test server, fake activities)', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    ({ env, bundle } = await startTimeSkipping());
  });
  afterAll(async () => env?.teardown());

  it('runs the whole cycle: 15-day acceptance, 60 + 30 days handling with a supervisor-approved extension, reply, rating, review by the parent body and re-review above it (§7, E12)', async () => {
    const fakes = fakeActivities();
    await withPetitionWorker(env, bundle, fakes, async (start) => {
      const input = petitionInput(await env.currentTimeMs());
      const handle = await start(input);

      const acceptance = await openTaskIn(handle, 'registered');
      const [acceptanceTask] = fakes.callsTo('openTask');
      expect(acceptanceTask?.input).toMatchObject({
        region: '330102',
        caseType: 'petition',
        spec: { step: 'acceptance', permission: 'review', slaUnit: 'calendar' },
      });
      expect(acceptanceTask?.input.dueAt).toBe(new Date(due(acceptanceTask!.atMs, 15, 'calendar').dueAtMs).toISOString());
      await handle.executeUpdate(completeTask, { args: [decision(acceptance.openTaskId, 'accept')] });

      const handling = await openTaskIn(handle, 'inProgress');
      const acceptedAt = fakes.callsTo('openTask')[1]!.atMs;
      const handlingDue = due(acceptedAt, 60, 'calendar');
      expect(fakes.callsTo('openTask')[1]?.input.dueAt).toBe(new Date(handlingDue.dueAtMs).toISOString());

      // Art. 32: at most 30 days, and the reason goes to the petitioner.
      const tooLong = await refusalOf(
        handle.executeUpdate(completeTask, { args: [decision(handling.openTaskId, 'extend', { comment: '需调取外省记录', data: { days: 31 } })] }),
      );
      expect(tooLong.message).toMatch(/1 to 30 days/);
      await handle.executeUpdate(completeTask, { args: [decision(handling.openTaskId, 'extend', { comment: '需调取外省记录', data: { days: 30 } })] });

      const extension = await openTaskIn(handle, 'extensionRequested');
      expect(fakes.callsTo('openTask')[2]?.input.spec).toMatchObject({ step: 'extension', permission: 'supervise', preparedBy: 'cw-002' });
      const fourEyes = await refusalOf(handle.executeUpdate(completeTask, { args: [decision(extension.openTaskId, 'approve', { actorId: 'cw-002' })] }));
      expect(fourEyes.type).toBe('FOUR_EYES');
      await handle.executeUpdate(completeTask, { args: [decision(extension.openTaskId, 'approve', { actorId: 'sv-001' })] });

      const extended = await openTaskIn(handle, 'inProgress');
      const extendedDue = due(acceptedAt, 90, 'calendar');
      expect(fakes.callsTo('openTask')[3]?.input.dueAt).toBe(new Date(extendedDue.dueAtMs).toISOString());
      const extensionNotice = fakes.callsTo('sendNotice').find((call) => call.input.kind === 'petition_extended');
      expect(extensionNotice?.input.payload).toMatchObject({ extension: { days: 30, reason: '需调取外省记录', approved: true } });

      // Past day 60 but inside the extension: no escalation.
      await env.sleep('75 days');
      await settle();
      expect(fakes.callsTo('escalateTask')).toHaveLength(0);
      const incomplete = await refusalOf(handle.executeUpdate(completeTask, { args: [decision(extended.openTaskId, 'explain', { data: { facts: 'x' } })] }));
      expect(incomplete.message).toMatch(/legal basis/);
      await handle.executeUpdate(completeTask, { args: [decision(extended.openTaskId, 'explain', { data: OPINION_DATA })] });
      await statusOf(handle, 'opinionIssued');

      const rated = await handle.executeUpdate(ratePetition, { args: [{ score: 4, comment: '答复清楚', actorId: input.petitionerId }] });
      expect(rated.allowedEvents).not.toContain('RATE');
      expect(fakes.callsTo('recordPetitionRating')[0]?.input).toMatchObject({ score: 4 });

      await env.sleep('29 days'); // day 29 of the 30-day window (art. 35)
      await handle.executeUpdate(requestPetitionReview, { args: [{ stage: 'review', actorId: input.petitionerId }] });
      const review = await openTaskIn(handle, 'reviewRequested');
      const reviewTask = fakes.callsTo('openTask')[4]!;
      expect(reviewTask.input).toMatchObject({ region: '330100', spec: { step: 'review', slaUnit: 'calendar', preparedBy: 'cw-002' } });
      expect(reviewTask.input.dueAt).toBe(new Date(due(reviewTask.atMs, 30, 'calendar').dueAtMs).toISOString());
      await handle.executeUpdate(completeTask, { args: [decision(review.openTaskId, 'support', { actorId: 'cw-100', data: OPINION_DATA })] });

      await statusOf(handle, 'reviewed');
      await handle.executeUpdate(requestPetitionReview, { args: [{ stage: 'rereview', actorId: input.petitionerId }] });
      const rereview = await openTaskIn(handle, 'rereviewRequested');
      expect(fakes.callsTo('openTask')[5]?.input).toMatchObject({ region: '330000', spec: { step: 'rereview', preparedBy: 'cw-100' } });
      await handle.executeUpdate(completeTask, { args: [decision(rereview.openTaskId, 'support', { actorId: 'cw-900', data: OPINION_DATA })] });

      expect(await handle.result()).toEqual({ status: 'rereviewed' });
      expect(fakes.callsTo('sendNotice').map((call) => call.input.kind)).toEqual([
        'petition_registered',
        'petition_accepted',
        'petition_extended',
        'petition_reply',
        'petition_review_opinion',
        'petition_rereview_opinion',
      ]);
      expect(new Set(fakes.callsTo('sendNotice').map((call) => call.input.recipientId))).toEqual(new Set([input.petitionerId]));
      const last = fakes.callsTo('projectCase').at(-1)!.input;
      expect(last).toMatchObject({ status: 'rereviewed', closed: true });
      expect(last.summary).toMatchObject({ opinion: { kind: 'explain' }, review: { kind: 'support' }, rereview: { kind: 'support' }, rating: { score: 4 } });
    });
  });

  it('escalates the 15-day acceptance decision to the supervisor when nobody decides in time, and shows the deadline (§7 art. 23, §9)', async () => {
    const fakes = fakeActivities();
    await withPetitionWorker(env, bundle, fakes, async (start) => {
      const handle = await start(petitionInput(await env.currentTimeMs()));
      const task = await openTaskIn(handle, 'registered');
      const [open] = fakes.callsTo('openTask');
      const projected = fakes.callsTo('projectCase').at(-1)!.input;
      expect(projected.deadlines).toEqual([
        expect.objectContaining({ name: 'acceptanceDecision', unit: 'calendar', dueDate: due(open!.atMs, 15, 'calendar').dueDate }),
      ]);

      await env.sleep('10 days');
      await settle();
      expect(fakes.callsTo('escalateTask')).toHaveLength(0);
      await env.sleep('10 days');
      const [escalation] = await until(() => {
        const calls = fakes.callsTo('escalateTask');
        return calls.length > 0 ? calls : undefined;
      }, 'the escalation');
      expect(escalation?.input).toEqual({ taskId: task.openTaskId });
      expect(escalation!.atMs).toBeGreaterThanOrEqual(Date.parse(open!.input.dueAt));
      await fakes.idle(); // nothing in flight to hold the test server's clock
      await handle.terminate('test over');
    });
  });

  it('refuses a review requested one day after the 30-day window: the case concluded and no review task opens (§7 art. 35, E12)', async () => {
    const fakes = fakeActivities();
    await withPetitionWorker(env, bundle, fakes, async (start) => {
      const input = petitionInput(await env.currentTimeMs());
      const handle = await start(input);
      await handle.executeUpdate(completeTask, { args: [decision((await openTaskIn(handle, 'registered')).openTaskId, 'accept')] });
      await handle.executeUpdate(completeTask, { args: [decision((await openTaskIn(handle, 'inProgress')).openTaskId, 'notSupport', { data: OPINION_DATA })] });
      await statusOf(handle, 'opinionIssued');
      const opinionOn = shanghaiDateOf(await env.currentTimeMs());
      // The decision answers once applied; the read model follows (an online reply is received the day it is issued).
      const projected = await until(() => {
        const last = fakes.callsTo('projectCase').at(-1)?.input;
        return last?.status === 'opinionIssued' ? last : undefined;
      }, 'the opinionIssued projection');
      const window = projected.deadlines.find((d) => d.name === 'reviewRequest');
      expect(window?.dueDate).toBe(computeDeadline(CN_CALENDAR_YEARS, opinionOn, 30, 'calendar').dueDate);

      await env.sleep('31 days');
      expect(await handle.result()).toEqual({ status: 'concluded' });
      await expect(handle.executeUpdate(requestPetitionReview, { args: [{ stage: 'review', actorId: input.petitionerId }] })).rejects.toThrow();
      expect(fakes.callsTo('openTask').map((call) => call.input.spec.step)).toEqual(['acceptance', 'handling']);
      expect(fakes.callsTo('appendTimeline').map((call) => call.input.action)).toContain('petition.reviewWindowClosed');
    });
  });

  it('answers a petition on the same facts and reasons after a concluded re-review "not accepted: re-review concluded" without a task (§7 art. 36)', async () => {
    const fakes = fakeActivities({
      loadPetitionContext: async () => ({ calendar: CN_CALENDAR_YEARS, concludedReference: 'XF2026000007', regions: ['330102'], parents: FAKE_REGION_PARENTS }),
    });
    await withPetitionWorker(env, bundle, fakes, async (start) => {
      const handle = await start(petitionInput(await env.currentTimeMs()));
      expect(await handle.result()).toEqual({ status: 'notAccepted' });
      expect(fakes.callsTo('openTask')).toHaveLength(0);
      const notice = fakes.callsTo('sendNotice').at(-1)!.input;
      expect(notice.kind).toBe('petition_not_accepted');
      expect(notice.payload).toMatchObject({ notAccepted: { route: 'rereviewConcluded', concludedReference: 'XF2026000007' } });
    });
  });

  it('forwards to the competent body, which objects within 5 working days; the sender decides again and not-accepting names the route (§7 art. 23, §9)', async () => {
    const fakes = fakeActivities();
    await withPetitionWorker(env, bundle, fakes, async (start) => {
      const handle = await start(petitionInput(await env.currentTimeMs()));
      const first = await openTaskIn(handle, 'registered');
      await handle.executeUpdate(completeTask, { args: [decision(first.openTaskId, 'forward', { comment: '属西湖区管辖', data: { toRegion: '330106' } })] });
      const receipt = await openTaskIn(handle, 'forwarded');
      const receiptTask = fakes.callsTo('openTask')[1]!;
      expect(receiptTask.input).toMatchObject({ region: '330106', spec: { step: 'transferReceipt', slaDays: 5, slaUnit: 'working' } });
      expect(receiptTask.input.dueAt).toBe(new Date(due(receiptTask.atMs, 5, 'working').dueAtMs).toISOString());
      await handle.executeUpdate(completeTask, { args: [decision(receipt.openTaskId, 'object', { actorId: 'cw-106', comment: '非本机关职权范围' })] });

      const again = await openTaskIn(handle, 'registered');
      expect(fakes.callsTo('openTask')[2]?.input.region).toBe('330102');
      const noRoute = await refusalOf(handle.executeUpdate(completeTask, { args: [decision(again.openTaskId, 'notAccept', { comment: '应通过仲裁解决' })] }));
      expect(noRoute.message).toMatch(/data.route/);
      await handle.executeUpdate(completeTask, {
        args: [decision(again.openTaskId, 'notAccept', { comment: '应通过仲裁解决', data: { route: 'arbitration' } })],
      });
      expect(await handle.result()).toEqual({ status: 'notAccepted' });
      expect(fakes.callsTo('sendNotice').map((call) => call.input.kind)).toEqual(['petition_registered', 'petition_forwarded', 'petition_not_accepted']);
      expect(fakes.callsTo('sendNotice').at(-1)?.input.payload).toMatchObject({ notAccepted: { route: 'arbitration' } });
      const view = await handle.query(getCaseView);
      expect(view.closed).toBe(true);
    });
  });

  it('never lets the accused staff member decide a whistle-blowing petition, and forwards only to a served region (§7 arts. 23, 36)', async () => {
    const fakes = fakeActivities();
    await withPetitionWorker(env, bundle, fakes, async (start) => {
      const handle = await start(petitionInput(await env.currentTimeMs(), { sensitive: true, submission: { accusedStaff: ['rv-013'] } }));
      const task = await openTaskIn(handle, 'registered');
      expect(fakes.callsTo('openTask')[0]?.input.spec.permission).toBe('approve'); // sensitive: reviewers and supervisors
      const accused = await refusalOf(handle.executeUpdate(completeTask, { args: [decision(task.openTaskId, 'accept', { actorId: 'rv-013' })] }));
      expect(accused).toMatchObject({ type: 'ACCUSED_STAFF', message: expect.stringMatching(/accuses/) });
      const unserved = await refusalOf(
        handle.executeUpdate(completeTask, {
          args: [decision(task.openTaskId, 'forward', { actorId: 'rv-014', comment: '外省', data: { toRegion: '110105' } })],
        }),
      );
      expect(unserved.message).toMatch(/not served/);
      expect(fakes.callsTo('closeTask')).toHaveLength(0);
      await handle.executeUpdate(completeTask, { args: [decision(task.openTaskId, 'accept', { actorId: 'rv-014' })] });
      await openTaskIn(handle, 'inProgress');
      await fakes.idle(); // nothing in flight to hold the test server's clock
      await handle.terminate('test over');
    });
  });

  it('resumes a continued-as-new petition from its carried state: the window clock, the version and the review still work (§7 art. 35)', async () => {
    const fakes = fakeActivities();
    await withPetitionWorker(env, bundle, fakes, async (start) => {
      const now = await env.currentTimeMs();
      const base = petitionInput(now);
      const today = shanghaiDateOf(now);
      let [snapshot] = initialTransition(petitionMachine, { petition: base.petition, receivedOn: today });
      [snapshot] = transition(petitionMachine, snapshot, { type: 'ACCEPT', officerId: 'cw-002', on: today });
      [snapshot] = transition(petitionMachine, snapshot, {
        type: 'ISSUE_OPINION',
        opinion: { kind: 'explain', ...OPINION_DATA, issuedOn: today, issuedBy: 'cw-002' },
      });
      const handle = await start({
        ...base,
        carried: { value: 'opinionIssued', context: snapshot.context, version: 40, calendar: CN_CALENDAR_YEARS, regions: null },
      });
      const view = await statusOf(handle, 'opinionIssued');
      expect(view.allowedEvents).toEqual(['REQUEST_REVIEW', 'RATE']);
      expect(fakes.callsTo('loadPetitionContext')).toHaveLength(0); // carried, not reloaded
      expect(fakes.callsTo('sendNotice')).toHaveLength(0); // nothing is announced twice
      expect(fakes.callsTo('projectCase')[0]?.input.version).toBeGreaterThanOrEqual(40);

      await env.sleep('10 days');
      await handle.executeUpdate(requestPetitionReview, { args: [{ stage: 'review', actorId: base.petitionerId }] });
      await openTaskIn(handle, 'reviewRequested');
      expect(fakes.callsTo('openTask')[0]?.input).toMatchObject({ region: '330100', spec: { step: 'review' } });
      expect(fakes.callsTo('sharePetitionWithRegion')[0]?.input).toEqual({ caseId: base.caseId, region: '330100' });
      await fakes.idle(); // nothing in flight to hold the test server's clock
      await handle.terminate('test over');
    });
  });
});
