// Issue 5 figure: server time to render the caseworker queue (待办) and the supervisor overview (督办), p95, over the
// tasks insertTasks() put in (100k in a full run). Pages are requested with the session cookie exactly as a browser
// sends it; the server time is the page's own access-log line, which includes its in-process JSON API calls.
import { TOKEN_COOKIE } from '../../api/web/session.js';
import type { BenchSystem } from './bench-system.js';
import { LatencySample, timed } from './latency.js';

export interface WebPageFigures {
  page: 'caseworker queue' | 'supervisor overview';
  path: string;
  client: LatencySample;
  server: LatencySample;
}

/** Times GET /web/tasks?view=available (caseworker of 330102) and GET /web/supervisor (supervisor of 330102). */
export async function benchWebPages(system: BenchSystem, options: { requests: number; say: (line: string) => void }): Promise<WebPageFigures[]> {
  const caseworker = await system.token({ role: 'caseworker', sub: 'cw-bench-web', region: '330102' });
  const supervisor = await system.token({ role: 'supervisor', sub: 'sup-bench-web', region: '330102' });
  const pages = [
    { page: 'caseworker queue', path: '/web/tasks?view=available', token: caseworker },
    { page: 'supervisor overview', path: '/web/supervisor', token: supervisor },
  ] as const;
  const figures: WebPageFigures[] = [];
  for (const { page, path, token } of pages) {
    const get = async () => {
      const response = await fetch(`${system.url}${path}`, { headers: { cookie: `${TOKEN_COOKIE}=${token}` }, redirect: 'manual' });
      const html = await response.text();
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${html.slice(0, 200)}`);
      return html;
    };
    options.say(`web: ${page}, ${options.requests} requests`);
    for (let i = 0; i < 10; i += 1) await get();
    const client = new LatencySample();
    const server = new LatencySample();
    system.takeAccessLines();
    for (let i = 0; i < options.requests; i += 1) client.add((await timed(get)).ms);
    const pathname = new URL(path, system.url).pathname;
    for (const line of system.takeAccessLines()) if (line.path === pathname) server.add(line.ms);
    figures.push({ page, path, client, server });
  }
  return figures;
}
