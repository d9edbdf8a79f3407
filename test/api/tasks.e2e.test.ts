import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenRequest } from '../../api/auth/tokens.js';
import { SEEDED_EMPLOYER_330102, SEEDED_EMPLOYER_330106 } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { auditActions, itemsOf, lateHireInReview, taskIdsOf, writtenRows, type CaseInReview } from './review-fixture.js';

const ids = taskIdsOf;

describe('task worklists, region scoping and supervision over HTTP', () => {
  let system: TestSystem;
  let ownCase: CaseInReview; // 330102
  let otherCase: CaseInReview; // 330106
  let employer102: string;
  let cw102: string;
  let cw106: string;
  let supervisor: string;

  beforeAll(async () => {
    system = await startSystem();
    employer102 = await system.token({ role: 'employer', employer: SEEDED_EMPLOYER_330102, sub: 'agent-102' });
    const employer106 = await system.token({ role: 'employer', employer: SEEDED_EMPLOYER_330106, sub: 'agent-106' });
    cw102 = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-201' });
    cw106 = await system.token({ role: 'caseworker', region: '330106', sub: 'cw-601' });
    supervisor = await system.token({ role: 'supervisor', region: '330102', sub: 'sv-201' });
    ownCase = await lateHireInReview(system, employer102);
    otherCase = await lateHireInReview(system, employer106, { region: '330106', employerCreditCode: SEEDED_EMPLOYER_330106 });
  });
  afterAll(async () => system?.close());

  it('a caseworker of another region (330106) never sees a 330102 task: not in available or team, 404 on task, case and claim (docs/architecture.md "Permissions")', async () => {
    const { taskId, caseId, reference } = ownCase;
    // Positive control: the region's own caseworker does see it, so the negative answers below mean something.
    expect(ids((await system.call('GET', '/v1/tasks?view=available&limit=100', { token: cw102 })).body)).toContain(taskId);

    for (const view of ['available', 'team', 'overdue', 'mine']) {
      const list = await system.call('GET', `/v1/tasks?view=${view}&limit=100`, { token: cw106 });
      expect(list.status).toBe(200);
      expect(ids(list.body)).not.toContain(taskId);
    }
    expect(ids((await system.call('GET', '/v1/tasks?view=available&limit=100', { token: cw106 })).body)).toContain(otherCase.taskId);

    const before = await writtenRows(system);
    const task = await system.call('GET', `/v1/tasks/${taskId}`, { token: cw106 });
    expect(task.status).toBe(404);
    expect(task.body.code).toBe('TASK_NOT_FOUND');
    for (const key of [caseId, reference]) {
      const view = await system.call('GET', `/v1/cases/${key}`, { token: cw106 });
      expect(view.status).toBe(404);
      expect(view.body.code).toBe('CASE_NOT_FOUND');
    }
    const claim = await system.call('POST', `/v1/tasks/${taskId}/claim`, { token: cw106 });
    expect(claim.status).toBe(404);
    expect(claim.body.code).toBe('TASK_NOT_FOUND');
    // The same answer as for a task that does not exist, so IDs cannot be probed.
    const unknown = await system.call('POST', `/v1/tasks/${randomUUID()}/claim`, { token: cw106 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe(claim.body.code);
    expect(await writtenRows(system)).toEqual(before);
    expect(itemsOf<{ caseId: string }>((await system.call('GET', `/v1/cases?limit=100`, { token: cw106 })).body).map((c) => c.caseId)).not.toContain(caseId);
  });

  it('a supervisor reassigns one task; its due date stays and the audit log names the supervisor (docs/architecture.md "Tasks: the human part")', async () => {
    const fresh = await lateHireInReview(system, employer102);
    const before = (await system.call('GET', `/v1/tasks/${fresh.taskId}`, { token: supervisor })).body;

    const moved = await system.call('POST', `/v1/tasks/${fresh.taskId}/reassign`, { token: supervisor, body: { assignee: 'cw-202', reason: '休假' } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ taskId: fresh.taskId, assignee: 'cw-202', status: 'claimed', dueAt: before.dueAt });
    expect(await auditActions(system, fresh.taskId)).toContainEqual({ action: 'task.reassigned', actor_id: 'sv-201' });
    const cw202 = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-202' });
    expect(ids((await system.call('GET', '/v1/tasks?view=mine', { token: cw202 })).body)).toContain(fresh.taskId);
  });

  it('a caseworker may not reassign (403) and nothing is written', async () => {
    const fresh = await lateHireInReview(system, employer102);
    const before = await writtenRows(system);
    const refused = await system.call('POST', `/v1/tasks/${fresh.taskId}/reassign`, { token: cw102, body: { assignee: 'cw-201', reason: 'mine now' } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect(await writtenRows(system)).toEqual(before);
    const bulk = await system.call('POST', '/v1/tasks/reassign', { token: cw102, body: { taskIds: [fresh.taskId], assignee: 'cw-201', reason: 'mine now' } });
    expect(bulk.status).toBe(200);
    expect(bulk.body.results).toEqual([{ taskId: fresh.taskId, ok: false, error: { code: 'FORBIDDEN', detail: expect.any(String) } }]);
    expect(await writtenRows(system)).toEqual(before);
  });

  it('bulk reassign answers per item in the given order: an unknown or other-region task is ok:false, the rest move', async () => {
    const a = await lateHireInReview(system, employer102);
    const b = await lateHireInReview(system, employer102);
    const unknown = randomUUID();
    const answer = await system.call('POST', '/v1/tasks/reassign', {
      token: supervisor,
      body: { taskIds: [a.taskId, unknown, otherCase.taskId, b.taskId], assignee: 'cw-203', reason: '均衡工作量' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual([
      { taskId: a.taskId, ok: true },
      { taskId: unknown, ok: false, error: { code: 'TASK_NOT_FOUND', detail: expect.any(String) } },
      { taskId: otherCase.taskId, ok: false, error: { code: 'TASK_NOT_FOUND', detail: expect.any(String) } },
      { taskId: b.taskId, ok: true },
    ]);
    for (const taskId of [a.taskId, b.taskId]) {
      expect((await system.call('GET', `/v1/tasks/${taskId}`, { token: supervisor })).body.assignee).toBe('cw-203');
      expect(await auditActions(system, taskId)).toContainEqual({ action: 'task.reassigned', actor_id: 'sv-201' });
    }
    const untouched = await system.call('GET', `/v1/tasks/${otherCase.taskId}`, { token: cw106 });
    expect(untouched.body).toMatchObject({ status: 'open', assignee: null });
  });

  it('a city supervisor (330100) sees and reassigns the tasks of its districts; a province auditor reads their cases; Ningbo sees none (rules §1.3)', async () => {
    const citySupervisor = await system.token({ role: 'supervisor', region: '330100', sub: 'sv-100' });
    const provinceAuditor = await system.token({ role: 'auditor', region: '330000', sub: 'au-000' });
    const ningboSupervisor = await system.token({ role: 'supervisor', region: '330200', sub: 'sv-200' });
    const fresh = await lateHireInReview(system, employer102);

    // Both districts' tasks are in the city's team list; none is in Ningbo's.
    const cityTeam = ids((await system.call('GET', '/v1/tasks?view=team&limit=100', { token: citySupervisor })).body);
    expect(cityTeam).toEqual(expect.arrayContaining([fresh.taskId, otherCase.taskId]));
    const ningboTeam = ids((await system.call('GET', '/v1/tasks?view=team&limit=100', { token: ningboSupervisor })).body);
    expect(ningboTeam).not.toContain(fresh.taskId);
    expect((await system.call('GET', `/v1/tasks/${fresh.taskId}`, { token: ningboSupervisor })).status).toBe(404);

    const moved = await system.call('POST', `/v1/tasks/${fresh.taskId}/reassign`, {
      token: citySupervisor,
      body: { assignee: 'cw-204', reason: '市级统筹调配' },
    });
    expect(moved.status).toBe(200);
    expect((await system.call('GET', `/v1/tasks/${fresh.taskId}`, { token: cw102 })).body.assignee).toBe('cw-204');
    expect(await auditActions(system, fresh.taskId)).toContainEqual({ action: 'task.reassigned', actor_id: 'sv-100' });

    // The province's auditor reads both districts' cases, in the list as one by one, and may not reassign.
    const cases = itemsOf<{ caseId: string }>((await system.call('GET', '/v1/cases?limit=100', { token: provinceAuditor })).body).map((c) => c.caseId);
    expect(cases).toEqual(expect.arrayContaining([fresh.caseId, otherCase.caseId]));
    expect((await system.call('GET', `/v1/cases/${otherCase.caseId}`, { token: provinceAuditor })).status).toBe(200);
    const refused = await system.call('POST', `/v1/tasks/${fresh.taskId}/reassign`, { token: provinceAuditor, body: { assignee: 'cw-205', reason: 'no' } });
    expect(refused.status).toBe(403);
  });

  it('view=overdue lists a task once its due date has passed, for the supervisor, and not before (docs/architecture.md "Tasks: the human part")', async () => {
    const late = await lateHireInReview(system, employer102);
    const overdueIds = async () => ids((await system.call('GET', '/v1/tasks?view=overdue&limit=100', { token: supervisor })).body);
    expect(await overdueIds()).not.toContain(late.taskId);

    // Test-only shortcut: move the due date into the past instead of waiting ten working days.
    await system.orm.em.fork().execute(`update task set due_at = now() - interval '1 day' where id = ?`, [late.taskId]);
    const overdue = await overdueIds();
    expect(overdue).toContain(late.taskId);
    expect(overdue).not.toContain(ownCase.taskId);
    // Most urgent first: the overdue task sorts before any task still in time.
    const team = ids((await system.call('GET', '/v1/tasks?view=team&limit=100', { token: supervisor })).body);
    expect(team.indexOf(late.taskId)).toBeLessThan(team.indexOf(ownCase.taskId));
  });

  describe('role × route × own/other region matrix for the read routes (fails on any cross access)', () => {
    type Who = { label: string; claims: TokenRequest; ownCase: 200 | 404; ownTask: 200 | 404 };
    const staff = (role: TokenRequest['role']): Who => ({ label: role, claims: { role, region: '330102', sub: `${role}-m` }, ownCase: 200, ownTask: 200 });
    const matrix: Who[] = [
      { label: 'citizen (the subject of the case)', claims: { role: 'citizen', sub: 'set-in-test' }, ownCase: 200, ownTask: 404 },
      { label: 'employer agent', claims: { role: 'employer', employer: SEEDED_EMPLOYER_330102, sub: 'agent-m' }, ownCase: 200, ownTask: 404 },
      staff('caseworker'),
      staff('reviewer'),
      staff('supervisor'),
      staff('auditor'),
      staff('admin'),
    ];

    for (const who of matrix) {
      it(`${who.label}: own case ${who.ownCase}, own task ${who.ownTask}; the other region's (or person's) case and task 404`, async () => {
        const claims = who.claims.role === 'citizen' ? { ...who.claims, sub: ownCase.citizenId } : who.claims;
        const token = await system.token(claims);
        const own = [await system.call('GET', `/v1/cases/${ownCase.caseId}`, { token }), await system.call('GET', `/v1/cases/${ownCase.reference}`, { token })];
        for (const answer of own) expect(answer.status).toBe(who.ownCase);
        expect((await system.call('GET', `/v1/tasks/${ownCase.taskId}`, { token })).status).toBe(who.ownTask);

        const cross = [
          await system.call('GET', `/v1/cases/${otherCase.caseId}`, { token }),
          await system.call('GET', `/v1/cases/${otherCase.reference}`, { token }),
          await system.call('GET', `/v1/tasks/${otherCase.taskId}`, { token }),
        ];
        expect(cross.map((answer): number => answer.status)).toEqual([404, 404, 404]);
        expect(cross.map((answer): unknown => answer.body.code)).toEqual(['CASE_NOT_FOUND', 'CASE_NOT_FOUND', 'TASK_NOT_FOUND']);
      });
    }
  });
});
