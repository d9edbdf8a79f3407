import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_EMPLOYER_330102 } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { lateHireInReview } from './review-fixture.js';

/** The value of one series in a Prometheus text answer, or undefined when it is absent. */
function series(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[3] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[4]);
  }
  return undefined;
}

describe('GET /metrics (issue 15 point 8)', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => system?.close());

  it('answers in the Prometheus format with request latency by route, open tasks by view, SLA breaches, the task queue and failed workflows', async () => {
    const employer = await system.token({ role: 'employer', employer: SEEDED_EMPLOYER_330102, sub: 'agent-metrics' });
    const { caseId, taskId } = await lateHireInReview(system, employer);
    for (let i = 0; i < 3; i += 1) expect((await system.call('GET', `/v1/cases/${caseId}`, { token: employer })).status).toBe(200);
    // One task of the region past its due date: a breach the overdue view shows.
    await system.orm.em.fork().execute(`update task set due_at = now() - interval '1 day' where id = ?`, [taskId]);

    const response = await fetch(`${system.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(series(text, 'sis_http_request_duration_seconds_count', { method: 'GET', route: '/v1/cases/:caseId', status: '200' })).toBeGreaterThanOrEqual(3);
    expect(series(text, 'sis_http_request_duration_seconds_count', { method: 'POST', route: '/v1/enrollments', status: '202' })).toBe(1);
    expect(text).not.toContain(caseId); // the route pattern, never the raw path
    expect(series(text, 'sis_tasks_open', { view: 'available', region: '330102' })).toBeGreaterThanOrEqual(1);
    expect(series(text, 'sis_tasks_open', { view: 'overdue', region: '330102' })).toBeGreaterThanOrEqual(1);
    expect(series(text, 'sis_tasks_sla_breached', { region: '330102' })).toBeGreaterThanOrEqual(1);
    expect(series(text, 'sis_workflows_failed')).toBeGreaterThanOrEqual(0);
    expect(text).toMatch(/^# TYPE sis_task_queue_backlog gauge$/m);
    expect(series(text, 'sis_process_resident_memory_bytes')).toBeGreaterThan(0);
    const documented = (await (await fetch(`${system.url}/openapi.json`)).json()) as {
      paths: Record<string, { get: { responses: Record<string, { content: Record<string, unknown> }> } }>;
    };
    expect(documented.paths['/metrics']?.get.responses['200']?.content['text/plain']).toBeDefined();
  });
});
