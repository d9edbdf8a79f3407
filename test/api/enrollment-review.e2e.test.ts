import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_EMPLOYER_330102 } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { auditActions, itemsOf, lateHireInReview, taskIdsOf, writtenRows } from './review-fixture.js';

type TimelineLine = { at: string; actor: string; action: string; detail: Record<string, unknown> };

describe('enrollment review over HTTP (real PostgreSQL, Temporal, worker)', () => {
  let system: TestSystem;
  let employer: string;
  let cw1: string;
  let cw2: string;

  beforeAll(async () => {
    system = await startSystem();
    employer = await system.token({ role: 'employer', employer: SEEDED_EMPLOYER_330102, sub: 'agent-review' });
    cw1 = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-101' });
    cw2 = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-102' });
  });
  afterAll(async () => system?.close());

  const caseView = async (idOrReference: string, token: string) => system.call('GET', `/v1/cases/${idOrReference}`, { token });
  const caseStatus = async (caseId: string) => (await caseView(caseId, cw1)).body.status as string;
  const taskStatus = async (taskId: string) => (await system.call('GET', `/v1/tasks/${taskId}`, { token: cw1 })).body.status as string;

  it('a late registration (§2, 30 days from the hire) goes to review: available → claim → return → correction → approve → insured', async () => {
    const { caseId, reference, taskId, citizenId } = await lateHireInReview(system, employer);

    const available = await system.call('GET', '/v1/tasks?view=available', { token: cw1 });
    expect(available.status).toBe(200);
    const listed = itemsOf<{ taskId: string }>(available.body).find((t) => t.taskId === taskId);
    expect(listed).toMatchObject({ caseId, caseType: 'enrollment', step: 'review', status: 'open', assignee: null, priority: 1 });

    const claimed = await system.call('POST', `/v1/tasks/${taskId}/claim`, { token: cw1 });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ taskId, status: 'claimed', assignee: 'cw-101' });
    // Claimed tasks leave the pool and show in the holder's own list.
    const afterClaim = await system.call('GET', '/v1/tasks?view=available', { token: cw2 });
    expect(taskIdsOf(afterClaim.body)).not.toContain(taskId);
    const mine = await system.call('GET', '/v1/tasks?view=mine', { token: cw1 });
    expect(taskIdsOf(mine.body)).toContain(taskId);

    const returned = await system.call('POST', `/v1/tasks/${taskId}/complete`, {
      token: cw1,
      body: { outcome: 'return', comment: '请补充劳动合同' },
    });
    expect(returned.status).toBe(200);
    expect(returned.body.case).toMatchObject({ caseId, reference, status: 'awaitingCorrection' });
    await system.eventually(async () => ((await taskStatus(taskId)) === 'waiting' ? true : undefined));
    expect(await caseStatus(caseId)).toBe('awaitingCorrection');

    // While the agency waits on the applicant the case offers the applicant a resubmission (docs/architecture.md "Tasks: the human part").
    const waitingView = await caseView(caseId, employer);
    expect(waitingView.body.allowedActions).toEqual(expect.arrayContaining(['resubmit', 'withdraw']));
    expect((waitingView.body.deadlines as { name: string }[]).map((d) => d.name)).toContain('correction');

    const corrected = await system.call('POST', `/v1/enrollments/${caseId}/corrections`, {
      token: employer,
      body: { comment: '已补充劳动合同', monthlyWage: '8200.00' },
    });
    expect(corrected.status).toBe(200);
    // The task comes back to the same caseworker, already claimed, with the case under review again.
    const back = await system.eventually(async () => {
      const task = await system.call('GET', `/v1/tasks/${taskId}`, { token: cw1 });
      return task.body.status === 'claimed' ? (task.body as { assignee: string }) : undefined;
    });
    expect(back.assignee).toBe('cw-101');
    expect(await caseStatus(caseId)).toBe('underReview');

    const approved = await system.call('POST', `/v1/tasks/${taskId}/complete`, { token: cw1, body: { outcome: 'approve', comment: '' } });
    expect(approved.status).toBe(200);
    expect(approved.body.task.status).toBe('completed');
    const insured = await system.eventually(async () => ((await caseStatus(caseId)) === 'insured' ? true : undefined));
    expect(insured).toBe(true);
    const records = await system.orm.em.fork().execute<{ count: string }[]>('select count(*) from insurance_record where citizen_id = ?', [citizenId]);
    expect(Number(records[0]?.count)).toBe(4);

    // Every state change made here is in the audit log, by whom (经办条例 arts. 36–38).
    const taskAudit = await auditActions(system, taskId);
    expect(taskAudit).toEqual(
      expect.arrayContaining([
        { action: 'task.created', actor_id: expect.any(String) },
        { action: 'task.claimed', actor_id: 'cw-101' },
        { action: 'task.held.1', actor_id: 'cw-101' },
        { action: 'task.resumed.1', actor_id: expect.any(String) },
        { action: 'task.approve', actor_id: 'cw-101' },
      ]),
    );
    expect((await auditActions(system, caseId)).map((a) => a.action)).toContain('enrollment.submitted');
  });

  it('a decision answers before its follow-up (case.settled false); GET /v1/cases/{id}?wait=settled answers once it has run (docs/api.md)', async () => {
    const { caseId, reference, taskId, citizenId } = await lateHireInReview(system, employer);
    expect((await system.call('POST', `/v1/tasks/${taskId}/claim`, { token: cw1 })).status).toBe(200);
    const approved = await system.call('POST', `/v1/tasks/${taskId}/complete`, { token: cw1, body: { outcome: 'approve', comment: '' } });
    expect(approved.status).toBe(200);
    expect(approved.body.case).toEqual({ caseId, reference, status: 'approved', version: expect.any(Number), settled: false });

    const settled = await system.call('GET', `/v1/cases/${reference}?wait=settled`, { token: cw1 });
    expect(settled.status).toBe(200);
    expect(settled.body).toMatchObject({ caseId, status: 'insured', settled: true });
    const records = await system.orm.em.fork().execute<{ count: string }[]>('select count(*) from insurance_record where citizen_id = ?', [citizenId]);
    expect(Number(records[0]?.count)).toBe(4);
    // Without the parameter the case reads as before, without `settled`.
    expect((await caseView(caseId, cw1)).body).not.toHaveProperty('settled');
    // The parameter takes one value.
    expect((await system.call('GET', `/v1/cases/${caseId}?wait=later`, { token: cw1 })).status).toBe(400);
  });

  it("GET /v1/cases/{id} answers by ID and by reference with status, the registration (§2) and agencyReview deadlines, the whole timeline and the caller's actions", async () => {
    const { caseId, reference, taskId } = await lateHireInReview(system, employer);

    const byId = await caseView(caseId, cw1);
    const byReference = await caseView(reference, cw1);
    expect(byId.status).toBe(200);
    expect(byReference.status).toBe(200);
    expect(byReference.body.caseId).toBe(caseId);
    expect(byId.body).toMatchObject({ caseId, reference, type: 'enrollment', status: 'underReview', region: '330102', closedAt: null });

    const deadlines = byId.body.deadlines as { name: string; dueDate: string; unit: string; remainingDays: number }[];
    const registration = deadlines.find((d) => d.name === 'registration');
    const review = deadlines.find((d) => d.name === 'agencyReview');
    // 30 calendar days from a hire 60 days ago have passed: the deadline lies in the past; the review's lies ahead.
    const today = system.clock.today();
    expect(registration).toMatchObject({ unit: 'calendar' });
    expect(registration!.dueDate < today).toBe(true);
    expect(registration!.remainingDays).toBeLessThan(0);
    expect(review).toMatchObject({ unit: 'working' });
    expect(review!.dueDate > today).toBe(true);

    const actions = (byId.body.timeline as TimelineLine[]).map((line) => line.action);
    expect(actions).toEqual(expect.arrayContaining(['case.submitted', 'checks.passed', 'task.created']));
    expect(actions.indexOf('case.submitted')).toBeLessThan(actions.indexOf('checks.passed'));

    // allowedActions follow the caller: a caseworker may claim, the employer may only withdraw, nobody approves yet.
    expect(byId.body.allowedActions).toContain('claim');
    expect(byId.body.allowedActions).not.toContain('approve');
    const asEmployer = await caseView(caseId, employer);
    expect(asEmployer.body.allowedActions).not.toContain('claim');
    expect(asEmployer.body.allowedActions).toContain('withdraw');

    await system.call('POST', `/v1/tasks/${taskId}/claim`, { token: cw1 });
    const held = await caseView(caseId, cw1);
    expect(held.body.allowedActions).toEqual(expect.arrayContaining(['release', 'approve', 'reject', 'return']));
    expect((held.body.timeline as TimelineLine[]).some((l) => l.action === 'task.claimed' && l.actor === 'cw-101')).toBe(true);
    const other = await caseView(caseId, cw2);
    expect(other.body.allowedActions).toEqual([]);
  });

  it('a rejection without a reason in comment is refused with 422 and changes nothing (§2 review outcomes need reasons)', async () => {
    const { caseId, taskId } = await lateHireInReview(system, employer);
    expect((await system.call('POST', `/v1/tasks/${taskId}/claim`, { token: cw1 })).status).toBe(200);
    const before = await writtenRows(system);

    const refused = await system.call('POST', `/v1/tasks/${taskId}/complete`, { token: cw1, body: { outcome: 'reject', comment: '   ' } });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.code).toBe('OUTCOME_NOT_ALLOWED');
    expect(refused.body.detail).toMatch(/reason/);

    expect(await writtenRows(system)).toEqual(before);
    expect(await caseStatus(caseId)).toBe('underReview');
    expect(await taskStatus(taskId)).toBe('claimed');

    // The same task still takes a proper rejection afterwards.
    const rejected = await system.call('POST', `/v1/tasks/${taskId}/complete`, { token: cw1, body: { outcome: 'reject', comment: '非本单位职工' } });
    expect(rejected.status).toBe(200);
    expect(await system.eventually(async () => ((await caseStatus(caseId)) === 'rejected' ? true : undefined))).toBe(true);
  });

  it('two caseworkers claiming at once: exactly one 200, the other 409 TASK_ALREADY_CLAIMED, and the loser cannot complete', async () => {
    const { taskId } = await lateHireInReview(system, employer);
    const answers = await Promise.all([
      system.call('POST', `/v1/tasks/${taskId}/claim`, { token: cw1 }),
      system.call('POST', `/v1/tasks/${taskId}/claim`, { token: cw2 }),
    ]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200)!;
    const loser = answers.find((a) => a.status === 409)!;
    expect(loser.body.code).toBe('TASK_ALREADY_CLAIMED');
    const loserToken = winner.body.assignee === 'cw-101' ? cw2 : cw1;

    const attempt = await system.call('POST', `/v1/tasks/${taskId}/complete`, { token: loserToken, body: { outcome: 'approve', comment: '' } });
    expect([403, 409]).toContain(attempt.status);
    expect(attempt.body.code).toBe('NOT_TASK_HOLDER');
    const claims = (await auditActions(system, taskId)).filter((a) => a.action === 'task.claimed');
    expect(claims).toHaveLength(1);
  });

  it('four eyes: the caseworker who registered a late hire at the counter may not review it (403 FOUR_EYES); a colleague decides', async () => {
    const { caseId, taskId } = await lateHireInReview(system, cw1, { employerCreditCode: SEEDED_EMPLOYER_330102 });

    const own = await system.call('GET', '/v1/tasks?view=available', { token: cw1 });
    expect(taskIdsOf(own.body)).not.toContain(taskId);
    const claim = await system.call('POST', `/v1/tasks/${taskId}/claim`, { token: cw1 });
    expect(claim.status).toBe(403);
    expect(claim.body.code).toBe('FOUR_EYES');
    expect(claim.body.detail).toMatch(/four-eyes: you prepared this decision/);
    expect(await taskStatus(taskId)).toBe('open');

    // Even holding it (a supervisor moved it there) the preparer cannot decide it.
    const supervisor = await system.token({ role: 'supervisor', region: '330102', sub: 'sv-101' });
    expect((await system.call('POST', `/v1/tasks/${taskId}/reassign`, { token: supervisor, body: { assignee: 'cw-101', reason: 'test' } })).status).toBe(200);
    const decide = await system.call('POST', `/v1/tasks/${taskId}/complete`, { token: cw1, body: { outcome: 'approve', comment: '' } });
    expect(decide.status).toBe(403);
    expect(decide.body.code).toBe('FOUR_EYES');
    expect(await caseStatus(caseId)).toBe('underReview');

    expect((await system.call('POST', `/v1/tasks/${taskId}/reassign`, { token: supervisor, body: { assignee: 'cw-102', reason: 'four eyes' } })).status).toBe(
      200,
    );
    const approved = await system.call('POST', `/v1/tasks/${taskId}/complete`, { token: cw2, body: { outcome: 'approve', comment: '' } });
    expect(approved.status).toBe(200);
    expect(await system.eventually(async () => ((await caseStatus(caseId)) === 'insured' ? true : undefined))).toBe(true);
  });
});
