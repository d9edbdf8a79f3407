import { WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CN_CALENDAR_YEARS } from '../../domain/calendar/default-calendar.js';
import { addDays, dayOfWeek, shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { citizenIdCheckChar } from '../../domain/identity/citizen-id.js';
import { computeDeadline, workingDaysLeft } from '../../domain/case/deadline-clock.js';
import { calendarLoaded, completeTask, getCaseView, resubmitEnrollment } from '../../workflows/index.js';
import { fakeActivities } from '../support/fake-activities.js';
import { decideSettled, decision, openReview, settledView, until, withEnrollmentWorker } from './enrollment-harness.js';
import { enrollmentInput, LATE_HIRE_DAYS } from './enrollment-input.js';
import { startTimeSkipping } from './time-skipping.js';

/** The refusal type an Update validator threw, as the client sees it. */
async function refusalOf(update: Promise<unknown>): Promise<string | undefined> {
  const error: unknown = await update.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  return cause instanceof ApplicationFailure ? (cause.type ?? undefined) : undefined;
}

const HOUR = 3_600_000;

/** Notices the case wrote to the outbox, in order: they travel with the case projection (outbox pattern). */
const noticesOf = (fakes: ReturnType<typeof fakeActivities>) =>
  fakes.callsTo('projectCase').flatMap((call) => (call.input.notices ?? []).map((notice) => notice.kind));

/** Lets the worker finish what a time skip set off; the skipped clock does not move meanwhile. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

const dueAtIso = (from: number, days: number, unit: 'working' | 'calendar') =>
  new Date(computeDeadline(CN_CALENDAR_YEARS, shanghaiDateOf(from), days, unit).dueAtMs).toISOString();

// Time skipping is global to the environment, so the cases of this file run one after another on one server.
describe('enrollment workflow (time-skipping test server, fake activities)', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    ({ env, bundle } = await startTimeSkipping());
  });
  afterAll(async () => env?.teardown());

  it('insures a clean, timely registration without a person when nothing is sampled (§2, 社会保险法 art. 58)', async () => {
    const fakes = fakeActivities();
    const result = await withEnrollmentWorker(env, bundle, fakes, async (start) => (await start(enrollmentInput())).result());

    expect(result).toEqual({ status: 'insured' });
    expect(fakes.callsTo('openTask')).toHaveLength(0);
    const opened = fakes.callsTo('openInsuranceRecords');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.input.decidedBy).toBe('system');
    expect(noticesOf(fakes)).toEqual(['enrollment_approved']);
    expect(fakes.callsTo('projectCase').at(-1)?.input).toMatchObject({ status: 'insured', closed: true });
  });

  it('refuses the case, with the reason, when no dated parameters are in force on the hire date (modelling principle 1)', async () => {
    const fakes = fakeActivities();
    const result = await withEnrollmentWorker(env, bundle, fakes, async (start) =>
      (await start(enrollmentInput({ application: { hireDate: '2024-06-03' } }))).result(),
    );

    expect(result).toEqual({ status: 'refused' });
    expect(fakes.callsTo('gatherEnrollmentFacts')).toHaveLength(0);
    expect(fakes.callsTo('openInsuranceRecords')).toHaveLength(0);
    expect(fakes.callsTo('projectCase').at(-1)?.input.summary).toMatchObject({ refusals: [expect.objectContaining({ code: 'NO_PARAMETERS' })] });
  });

  it('opens a review with a 10-working-day SLA for a late registration and escalates it once when nobody decides (§2, 经办条例 art. 6; §9)', async () => {
    const fakes = fakeActivities();
    await withEnrollmentWorker(env, bundle, fakes, async (start) => {
      const handle = await start(enrollmentInput({ hiredDaysAgo: LATE_HIRE_DAYS }));
      const review = await openReview(handle);
      const openedAt = await env.currentTimeMs(); // the clock stands still until a test skips or awaits a result

      const [open] = fakes.callsTo('openTask');
      expect(open?.input).toMatchObject({ taskId: review.openTaskId, spec: { step: 'review', slaDays: 10, slaUnit: 'working', priority: 1 } });
      expect(open?.input.dueAt).toBe(dueAtIso(openedAt, 10, 'working'));

      const dueMs = Date.parse(open!.input.dueAt);
      await env.sleep(dueMs - openedAt - HOUR);
      await settle();
      expect(fakes.callsTo('escalateTask')).toHaveLength(0); // an hour before 24:00 of the 10th working day: not yet

      await env.sleep(2 * HOUR);
      const [escalation] = await until(() => {
        const calls = fakes.callsTo('escalateTask');
        return calls.length > 0 ? calls : undefined;
      }, 'the escalation');
      expect(escalation?.input).toEqual({ taskId: review.openTaskId });
      expect(await env.currentTimeMs()).toBeGreaterThanOrEqual(dueMs);

      await env.sleep('30 days'); // an escalated task waits on without escalating again
      await settle();
      expect(fakes.callsTo('escalateTask')).toHaveLength(1);
      const view = await handle.query(getCaseView);
      expect(view).toMatchObject({ status: 'underReview', openTaskId: review.openTaskId, closed: false });
      await fakes.idle(); // nothing in flight to hold the test server's clock
      await handle.terminate('test finished');
    });
  });

  it('withdraws the case and cancels the held task when no correction arrives within policy.correctionDays (补正材料)', async () => {
    const fakes = fakeActivities();
    const result = await withEnrollmentWorker(env, bundle, fakes, async (start) => {
      const handle = await start(enrollmentInput({ hiredDaysAgo: LATE_HIRE_DAYS, policy: { correctionDays: 15 } }));
      const review = await openReview(handle);
      const view = await decideSettled(handle, decision(review.openTaskId, 'return', { comment: '请补充劳动合同' }));
      expect(view).toMatchObject({ status: 'awaitingCorrection', openTaskId: null });

      const heldAt = await env.currentTimeMs();
      const dueMs = computeDeadline(CN_CALENDAR_YEARS, shanghaiDateOf(heldAt), 15, 'calendar').dueAtMs;
      await env.sleep(dueMs - heldAt - HOUR);
      await settle();
      expect(fakes.callsTo('cancelTask')).toHaveLength(0); // an hour before 24:00 of the last day: still waiting
      expect((await handle.query(getCaseView)).status).toBe('awaitingCorrection');

      // Withdrawn at 24:00 of the 15th calendar day after the return, rolled past rest days (§9 counting rules).
      await env.sleep(2 * HOUR);
      return handle.result();
    });

    expect(result).toEqual({ status: 'withdrawn' });
    const [hold] = fakes.callsTo('holdTask');
    const [cancel] = fakes.callsTo('cancelTask');
    expect(fakes.callsTo('holdTask')).toHaveLength(1);
    expect(fakes.callsTo('cancelTask')).toHaveLength(1);
    expect(cancel?.input).toEqual({ taskId: hold?.input.taskId, reason: 'no correction within the period allowed' });
    expect(noticesOf(fakes)).toEqual(['enrollment_under_review', 'correction_requested', 'enrollment_withdrawn']);
  });

  it('resumes the same review task with the working days that were left when the applicant resubmits, then insures on approval (§9)', async () => {
    const fakes = fakeActivities();
    let heldAt = 0;
    let resumedAt = 0;
    const result = await withEnrollmentWorker(env, bundle, fakes, async (start) => {
      const handle = await start(enrollmentInput({ hiredDaysAgo: LATE_HIRE_DAYS }));
      const review = await openReview(handle);
      await env.sleep('7 days'); // part of the SLA is used before the return
      await decideSettled(handle, decision(review.openTaskId, 'return', { comment: '工资填写有误' }));
      heldAt = await env.currentTimeMs();
      await env.sleep('5 days'); // the applicant's time does not count against the agency
      resumedAt = await env.currentTimeMs();

      const resubmitted = await handle.executeUpdate(resubmitEnrollment, {
        args: [{ correction: { monthlyWage: '9000.00', comment: '已更正工资' }, actorId: 'agent-1' }],
      });
      expect(resubmitted).toMatchObject({ status: 'underReview', openTaskId: review.openTaskId });

      // The decision answers once applied (task closed, lifecycle moved); opening the records follows.
      const approved = await decideSettled(handle, decision(review.openTaskId, 'approve'));
      expect(approved).toMatchObject({ status: 'approved', openTaskId: null });
      expect(fakes.callsTo('closeTask')).toHaveLength(1);
      return handle.result();
    });

    expect(result).toEqual({ status: 'insured' });
    const [open] = fakes.callsTo('openTask');
    const [hold] = fakes.callsTo('holdTask');
    const [resume] = fakes.callsTo('resumeTask');
    expect(fakes.callsTo('openTask')).toHaveLength(1);
    expect(hold?.input.taskId).toBe(open?.input.taskId);
    expect(resume?.input.taskId).toBe(open?.input.taskId);

    const originalDue = shanghaiDateOf(Date.parse(open!.input.dueAt) - 1);
    const left = workingDaysLeft(CN_CALENDAR_YEARS, shanghaiDateOf(heldAt), originalDue);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(10);
    expect(hold?.input.pausedWorkingDays).toBe(left);
    expect(resume?.input.dueAt).toBe(dueAtIso(resumedAt, left, 'working'));

    const [records] = fakes.callsTo('openInsuranceRecords');
    expect(records?.input.application.monthlyWage).toBe('9000.00');
    expect(records?.input.decidedBy).toBe('cw-002');
    expect(fakes.callsTo('closeTask').map((call) => call.input)).toEqual([
      { taskId: open?.input.taskId, outcome: 'approve', decidedBy: 'cw-002', comment: '' },
    ]);
  });

  it('refuses a decision by the caseworker who submitted the case (four eyes, docs/architecture.md "Tasks: the human part") and accepts another caseworker', async () => {
    const fakes = fakeActivities();
    const result = await withEnrollmentWorker(env, bundle, fakes, async (start) => {
      const handle = await start(enrollmentInput({ hiredDaysAgo: LATE_HIRE_DAYS, submittedBy: { id: 'cw-001', role: 'caseworker' } }));
      const review = await openReview(handle);

      const refusal = await refusalOf(handle.executeUpdate(completeTask, { args: [decision(review.openTaskId, 'approve', { actorId: 'cw-001' })] }));
      expect(refusal).toBe('FOUR_EYES');
      expect(await handle.query(getCaseView)).toEqual(review); // nothing changed: a validator writes no history
      expect(fakes.callsTo('closeTask')).toHaveLength(0);

      const approved = await decideSettled(handle, decision(review.openTaskId, 'approve', { actorId: 'cw-003' }));
      expect(approved.status).toBe('approved');
      return handle.result();
    });
    expect(result).toEqual({ status: 'insured' });
    expect(fakes.callsTo('closeTask').map((call) => call.input.decidedBy)).toEqual(['cw-003']);
  });

  it('answers a decision before its follow-up: the Update completes in a workflow task of its own, the records open in the next (docs/performance.md)', async () => {
    const fakes = fakeActivities();
    await withEnrollmentWorker(env, bundle, fakes, async (start) => {
      const handle = await start(enrollmentInput({ hiredDaysAgo: LATE_HIRE_DAYS }));
      const review = await openReview(handle);
      expect(review.settled).toBe(true); // nothing decided yet: nothing to follow up

      const answer = await handle.executeUpdate(completeTask, { args: [decision(review.openTaskId, 'approve')] });
      expect(answer).toMatchObject({ status: 'approved', openTaskId: null, settled: false, lastDecision: { taskId: review.openTaskId } });
      expect(await settledView(handle)).toMatchObject({ status: 'insured', closed: true, settled: true });
      await handle.result();

      // In the history: the Update completed with the workflow task that applied it; a 1 ms timer fired and a new
      // workflow task ran the follow-up (its local activities' markers come only after it).
      const events = (await handle.fetchHistory()).events ?? [];
      const answered = events.findIndex((event) => event.workflowExecutionUpdateCompletedEventAttributes);
      const nextTask = events.findIndex((event, at) => at > answered && event.workflowTaskCompletedEventAttributes);
      const localActivities = (from: number, to: number) =>
        events.slice(from, to).filter((event) => event.markerRecordedEventAttributes?.markerName === 'core_local_activity');
      expect(answered).toBeGreaterThan(0);
      expect(events.slice(answered, nextTask).some((event) => event.timerFiredEventAttributes)).toBe(true);
      expect(localActivities(answered, nextTask)).toHaveLength(0);
      expect(localActivities(nextTask, events.length).length).toBeGreaterThan(0);
    });
    expect(fakes.callsTo('openInsuranceRecords')).toHaveLength(1);
  });

  it('refuses a rejection without a reason (经办条例 art. 6) and a decision on another task, leaving the case as it was', async () => {
    const fakes = fakeActivities();
    await withEnrollmentWorker(env, bundle, fakes, async (start) => {
      const handle = await start(enrollmentInput({ hiredDaysAgo: LATE_HIRE_DAYS }));
      const review = await openReview(handle);

      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decision(review.openTaskId, 'reject', { comment: '  ' })] }))).toBe(
        'OUTCOME_NOT_ALLOWED',
      );
      expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decision('not-this-task', 'approve')] }))).toBe('TASK_ALREADY_DECIDED');
      expect(await handle.query(getCaseView)).toEqual(review);
      expect(fakes.callsTo('closeTask')).toHaveLength(0);

      // With a reason the same rejection is taken: the refusals above were about the missing reason and the task ID.
      const rejected = await decideSettled(handle, decision(review.openTaskId, 'reject', { comment: '劳动关系不成立' }));
      expect(rejected).toMatchObject({ status: 'rejected', closed: true });
      expect(await handle.result()).toEqual({ status: 'rejected' });
    });
  });

  it('applies a retried decision with the same update ID once (docs/architecture.md "Tasks: the human part": a retried decision is applied once)', async () => {
    const fakes = fakeActivities();
    await withEnrollmentWorker(env, bundle, fakes, async (start) => {
      const handle = await start(enrollmentInput({ hiredDaysAgo: LATE_HIRE_DAYS }));
      const review = await openReview(handle);
      const update = { args: [decision(review.openTaskId, 'return', { comment: '请补充身份证复印件' })] as const, updateId: `decide-${review.openTaskId}` };

      const first = await decideSettled(handle, update.args[0], update.updateId);
      const retried = await decideSettled(handle, update.args[0], update.updateId);

      expect(retried).toEqual(first);
      expect(first).toMatchObject({ status: 'awaitingCorrection' });
      expect(fakes.callsTo('holdTask')).toHaveLength(1);
      expect((await handle.query(getCaseView)).version).toBe(first.version);
      await fakes.idle(); // nothing in flight to hold the test server's clock
      await handle.terminate('test finished');
    });
  });

  it('ends an impossible enrollment (a birth date after the submission, so a hire before birth) refused within seconds, never retrying (issue "Right on any day" point 3)', async () => {
    const fakes = fakeActivities();
    const started = Date.now();
    const input = enrollmentInput();
    const unborn = `330102${shanghaiDateOf(Date.now() + 400 * 86_400_000).replaceAll('-', '')}011`;
    const result = await withEnrollmentWorker(env, bundle, fakes, async (start) =>
      (
        await start({
          ...input,
          application: { ...input.application, person: { ...input.application.person, citizenId: unborn + citizenIdCheckChar(unborn) } },
        })
      ).result(),
    );
    expect(result).toEqual({ status: 'refused' });
    expect(fakes.callsTo('projectCase').at(-1)?.input.summary).toMatchObject({ refusals: [expect.objectContaining({ code: 'INVALID_CITIZEN_ID' })] });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('fails the case at once with the rule’s code when a domain rule refuses inside workflow code (no endless workflow-task retry)', async () => {
    const fakes = fakeActivities();
    // A policy no statute allows (a negative period): the checks' own deadline arithmetic refuses it in workflow code.
    const input = enrollmentInput({ policy: { registrationDays: -1 } });
    const failure = await withEnrollmentWorker(env, bundle, fakes, async (start) =>
      (await start(input)).result().then(
        () => null,
        (error: unknown) => error,
      ),
    );
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const cause = (failure as WorkflowFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect(cause).toMatchObject({ type: 'DomainRefusal', nonRetryable: true });
  });

  it('counts the review deadline again when its year’s holiday calendar is loaded: the task row follows and the deadline is no longer provisional (§9)', async () => {
    const fakes = fakeActivities({
      loadEnrollmentContext: async ({ region, date }) => ({ ...(await fakeActivities().activities.loadEnrollmentContext({ region, date })), calendar: [] }),
    });
    await withEnrollmentWorker(env, bundle, fakes, async (start) => {
      const handle = await start(enrollmentInput({ hiredDaysAgo: LATE_HIRE_DAYS }));
      const review = await openReview(handle);
      const [opened] = fakes.callsTo('openTask');
      expect(opened!.input.provisional).toBe(true); // no year is loaded: weekends only
      await settle();
      // The year's notice arrives and makes the task's (provisional) due day a holiday: the SLA ends one working day
      // later. Dates come from the workflow's own deadline (the test server's clock may jump between cases).
      const oldDue = shanghaiDateOf(Date.parse(opened!.input.dueAt) - 1);
      const year = Number(oldDue.slice(0, 4));
      const years = [year - 1, year, year + 1].map((y) => ({ year: y, holidays: y === year ? [oldDue] : [], makeupWorkdays: [] }));
      let newDue = addDays(oldDue, 1);
      while ([0, 6].includes(dayOfWeek(newDue))) newDue = addDays(newDue, 1);
      await handle.signal(calendarLoaded, { calendar: years });
      const [retimed] = await until(() => {
        const calls = fakes.callsTo('retimeTask');
        return calls.length > 0 ? calls : undefined;
      }, 'the task retimed');
      expect(retimed!.input).toMatchObject({ taskId: review.openTaskId, provisional: false, occurrence: 1 });
      expect(shanghaiDateOf(Date.parse(retimed!.input.dueAt) - 1)).toBe(newDue);
      const projected = await until(() => {
        const last = fakes.callsTo('projectCase').at(-1)?.input;
        return last && last.version > review.version ? last : undefined;
      }, 'the deadlines projected again');
      expect(projected.deadlines.find((d) => d.name === 'agencyReview')).toMatchObject({ dueDate: newDue });
      expect(projected.deadlines.find((d) => d.name === 'agencyReview')?.provisional).toBeUndefined();
      await fakes.idle(); // nothing in flight to hold the test server's clock
      await handle.terminate('test finished');
    });
  });
});
