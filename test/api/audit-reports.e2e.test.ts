import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_EMPLOYER_330102 } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { lateHireInReview } from './review-fixture.js';

describe('GET /v1/audit-entries and /v1/reports/overview', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => system?.close());

  it('the audit log is read-only and region-scoped: an auditor of 330102 sees the claim, one of 330106 does not (经办条例 arts. 36–38)', async () => {
    const employer = await system.token({ role: 'employer', employer: SEEDED_EMPLOYER_330102, sub: 'agent-audit' });
    const cw = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-audit' });
    const { taskId } = await lateHireInReview(system, employer);
    expect((await system.call('POST', `/v1/tasks/${taskId}/claim`, { token: cw })).status).toBe(200);

    const auditor = await system.token({ role: 'auditor', region: '330102', sub: 'aud-1' });
    const mine = await system.call('GET', `/v1/audit-entries?objectId=${taskId}`, { token: auditor });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((item: { action: string; actorId: string }) => [item.action, item.actorId])).toContainEqual(['task.claimed', 'cw-audit']);

    const elsewhere = await system.token({ role: 'auditor', region: '330106', sub: 'aud-2' });
    expect((await system.call('GET', `/v1/audit-entries?objectId=${taskId}`, { token: elsewhere })).body.items).toEqual([]);
    const citizen = await system.token({ role: 'citizen', sub: '330102199003070019' });
    expect((await system.call('GET', '/v1/audit-entries', { token: citizen })).body.items).toEqual([]);
  });

  it('the supervisor overview counts open and overdue tasks per step and is refused to a caseworker (docs/architecture.md "Tasks: the human part")', async () => {
    const employer = await system.token({ role: 'employer', employer: SEEDED_EMPLOYER_330102, sub: 'agent-report' });
    const { taskId } = await lateHireInReview(system, employer);
    await system.orm.em.fork().execute(`update task set due_at = now() - interval '2 days' where id = ?`, [taskId]);
    const supervisor = await system.token({ role: 'supervisor', region: '330102', sub: 'sup-r' });
    const overview = await system.call('GET', '/v1/reports/overview?staleDays=1', { token: supervisor });
    expect(overview.status).toBe(200);
    const review = overview.body.steps.find((row: { caseType: string; step: string }) => row.caseType === 'enrollment' && row.step === 'review');
    expect(review.open).toBeGreaterThanOrEqual(1);
    expect(review.overdue).toBeGreaterThanOrEqual(1);
    const cw = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-r' });
    expect((await system.call('GET', '/v1/reports/overview', { token: cw })).status).toBe(403);
  });
});
