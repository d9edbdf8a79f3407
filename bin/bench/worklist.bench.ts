// Figure 3: worklist latency for a caseworker of 330102 over a large task table. The rows are bulk-inserted with SQL
// (generate_series), not through cases: only the task table is read by the worklist query. Its case-reference lookup
// finds no case_record for these rows and answers a null reference, at the same cost of one primary-key probe per page.
import type { Worklist } from '../../db/queries/task.query.js';
import type { BenchSystem } from './bench-system.js';
import { LatencySample, timed } from './latency.js';

export interface WorklistFigures {
  view: Worklist;
  page: 1 | 2;
  client: LatencySample;
  server: LatencySample;
  rows: number;
}

export const WORKLIST_VIEWS = ['available', 'team', 'overdue'] as const satisfies Worklist[];

/**
 * Inserts `count` tasks: 70 % in 330102, the rest spread over 330106, 330108 and 330100; about 80 % open, 10 % claimed,
 * 4 % waiting and 6 % decided; due dates from 20 days ago to 40 days ahead, so about a third are overdue; 2 % escalated.
 */
export async function insertTasks(system: BenchSystem, count: number): Promise<void> {
  const em = system.orm.em.fork();
  await em.execute(`
    insert into task (id, case_id, case_type, step, permission, region, status, assignee, lease_expires_at, priority,
                      due_at, sla_unit, sla_days, escalated, escalated_at, outcome, decided_by, created_at, completed_at, version)
    select gen_random_uuid(), 'bench-case-' || g, 'enrollment', 'review',
           case when r.p < 0.8 then 'review' else 'approve' end,
           case when r.region < 0.7 then '330102' when r.region < 0.8 then '330106' when r.region < 0.9 then '330108' else '330100' end,
           s.status,
           case when s.status in ('claimed', 'waiting') then 'cw-' || (g % 40) end,
           case when s.status = 'claimed' then now() + interval '1 hour' end,
           (r.p * 3)::int % 2,
           d.due_at, 'working', 10,
           r.escalated < 0.02, case when r.escalated < 0.02 then d.due_at end,
           case when s.status = 'completed' then 'approve' end,
           case when s.status = 'completed' then 'cw-' || (g % 40) end,
           d.due_at - interval '14 days',
           case when s.status = 'completed' then now() end,
           1
      from generate_series(1, ${count}) as g
      -- hashint4 gives each row its own reproducible pseudo-random fractions (random() in a lateral runs only once)
      cross join lateral (select (hashint4(g) & 1048575) / 1048576.0 as region, (hashint4(g + 1000003) & 1048575) / 1048576.0 as p,
                                 (hashint4(g + 2000003) & 1048575) / 1048576.0 as status,
                                 (hashint4(g + 3000017) & 1048575) / 1048576.0 as escalated,
                                 (hashint4(g + 4000037) & 1048575) / 1048576.0 as due) as r
      cross join lateral (select case when r.status < 0.8 then 'open' when r.status < 0.9 then 'claimed'
                                      when r.status < 0.94 then 'waiting' else 'completed' end as status) as s
      cross join lateral (select now() + (r.due * 60 - 20) * interval '1 day' as due_at) as d`);
  await em.execute('analyze task');
}

/** Times each view, page 1 and page 2 (keyset cursor from page 1), one request at a time after a short warm-up. */
export async function benchWorklists(system: BenchSystem, options: { requests: number; say: (line: string) => void }): Promise<WorklistFigures[]> {
  const caseworker = await system.token({ role: 'caseworker', sub: 'cw-bench-2', region: '330102' });
  const figures: WorklistFigures[] = [];
  for (const view of WORKLIST_VIEWS) {
    const first = await system.call('GET', `/v1/tasks?view=${view}`, { token: caseworker });
    if (first.status !== 200) throw new Error(`GET /v1/tasks?view=${view} answered ${first.status}: ${JSON.stringify(first.body)}`);
    const cursor = first.body.nextCursor as string | null;
    const pages: [1 | 2, string][] = [[1, `/v1/tasks?view=${view}`]];
    if (cursor) pages.push([2, `/v1/tasks?view=${view}&cursor=${encodeURIComponent(cursor)}`]);
    for (const [page, path] of pages) {
      options.say(`worklist: view=${view} page ${page}, ${options.requests} requests`);
      for (let i = 0; i < 10; i += 1) await system.call('GET', path, { token: caseworker });
      const client = new LatencySample();
      const server = new LatencySample();
      let rows = 0;
      system.takeAccessLines();
      for (let i = 0; i < options.requests; i += 1) {
        const { ms, value } = await timed(() => system.call('GET', path, { token: caseworker }));
        if (value.status !== 200) throw new Error(`GET ${path} answered ${value.status}`);
        rows = (value.body.items as unknown[]).length;
        client.add(ms);
      }
      for (const line of system.takeAccessLines()) if (line.path === '/v1/tasks') server.add(line.ms);
      figures.push({ view, page, client, server, rows });
    }
  }
  return figures;
}
