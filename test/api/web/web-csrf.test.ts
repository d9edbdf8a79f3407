// Cross-site protection of the page posts (api/web/session.ts): hono/csrf refuses what the browser says comes from
// another site, and a signed-in post must carry its session's form token. The pages run on a stand-in JSON API here:
// what is checked is whether a post reaches it at all.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../policies/abilities.js';
import { webRoutes } from '../../../api/web/web.routes.js';
import { csrfSigner } from '../../../api/web/session.js';

const SECRET = 'csrf-test-secret';
const TOKEN = 'token-of-cw-001';
const caseworker: Actor = { id: 'cw-001', role: 'caseworker', region: '330102' };

function pages() {
  const calls: string[] = [];
  const api = {
    request: (path: string) => {
      calls.push(path);
      return Response.json({ taskId: 't-1', caseId: 'c-1', caseReference: 'EN2026000001' });
    },
  };
  const verifyToken = (token: string) => (token === TOKEN ? Promise.resolve(caseworker) : Promise.reject(new Error('bad token')));
  return { app: webRoutes({ api, verifyToken, devSignIn: false, jwtSecret: SECRET }), calls };
}

const formToken = csrfSigner(SECRET)(TOKEN);

/** A claim button's post, as a browser sends it (`headers` say where from). */
const claim = (app: ReturnType<typeof pages>['app'], headers: Record<string, string>, form: Record<string, string> = { _csrf: formToken }) =>
  app.request('http://workbench.example/web/tasks/t-1/claim', {
    method: 'POST',
    headers: { cookie: `si_token=${TOKEN}`, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });

describe('page posts', () => {
  it('goes through from this site: Sec-Fetch-Site same-origin, with Origin null as no-referrer pages send it', async () => {
    const { app, calls } = pages();
    const res = await claim(app, { 'sec-fetch-site': 'same-origin', origin: 'null', host: 'workbench.example' });
    expect(res.status).toBe(303);
    expect(calls).toEqual(['/v1/tasks/t-1/claim']);
  });

  it('goes through behind a TLS proxy when the browser sends no Sec-Fetch-Site and its Origin is the public host', async () => {
    const { app, calls } = pages();
    const res = await claim(app, { origin: 'https://workbench.example', host: 'workbench.example' });
    expect(res.status).toBe(303);
    expect(calls).toHaveLength(1);
  });

  it('is refused from another site even with a valid form token, and reaches no API route', async () => {
    const { app, calls } = pages();
    const res = await claim(app, { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example', host: 'workbench.example' });
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('已拒绝来自其他网站的表单提交。');
    expect(calls).toEqual([]);
  });

  it('is refused from a sibling site (same-site is not same-origin) and from a client that says nothing', async () => {
    const { app, calls } = pages();
    expect((await claim(app, { 'sec-fetch-site': 'same-site', origin: 'https://other.workbench.example', host: 'workbench.example' })).status).toBe(403);
    expect((await claim(app, { host: 'workbench.example' })).status).toBe(403);
    expect(calls).toEqual([]);
  });

  it('is refused from this site without the session’s form token (a form rendered for another session)', async () => {
    const { app, calls } = pages();
    const stale = await claim(app, { 'sec-fetch-site': 'same-origin', host: 'workbench.example' }, { _csrf: csrfSigner(SECRET)('token-of-the-previous-user') });
    expect(stale.status).toBe(403);
    expect(await stale.text()).toContain('表单已失效');
    const missing = await claim(app, { 'sec-fetch-site': 'same-origin', host: 'workbench.example' }, {});
    expect(missing.status).toBe(403);
    expect(calls).toEqual([]);
  });

  it('words the refusal in the page language the user chose', async () => {
    const { app } = pages();
    const res = await app.request('http://workbench.example/web/tasks/t-1/claim', {
      method: 'POST',
      headers: {
        cookie: `si_token=${TOKEN}; si_lang=en`,
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'cross-site',
        origin: 'https://evil.example',
      },
      body: new URLSearchParams({ _csrf: formToken }).toString(),
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('A form post from another site was refused.');
  });
});
