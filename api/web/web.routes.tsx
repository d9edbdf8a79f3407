// The web workbench (issue 5): server-rendered pages on the same Hono app as the JSON API. Pages act only through
// the JSON API, called in-process with the signed-in user's token, so they follow exactly the API's rules.
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { systemClock } from '../../services/business-clock.js';
import type { TokenVerifier } from '../auth/tokens.js';
import type { ApiPort } from './api-client.js';
import { webScript } from './assets/web-script.js';
import { accountPaymentPages } from './pages/account-payments.page.js';
import { arrearsPages } from './pages/arrears.page.js';
import { auditPages } from './pages/audit.page.js';
import { auditChainPages } from './pages/audit-chain.page.js';
import { benefitPaymentPages } from './pages/benefit-payments.page.js';
import { investigationPages } from './pages/investigations.page.js';
import { billPages } from './pages/bills.page.js';
import { casePages } from './pages/case.page.js';
import { casesPages } from './pages/cases.page.js';
import { declarationPages } from './pages/declarations.page.js';
import { filePages } from './pages/file.page.js';
import { medicalLedgerPages } from './pages/medical-ledgers.page.js';
import { guidePages } from './pages/guide.page.js';
import { noticePages } from './pages/notices.page.js';
import { payrollPages } from './pages/payrolls.page.js';
import { recordPages } from './pages/record.page.js';
import { recoveryPages } from './pages/recoveries.page.js';
import { signInPages } from './pages/sign-in.page.js';
import { supervisorPages } from './pages/supervisor.page.js';
import { statisticsPages } from './pages/statistics.page.js';
import { worklistPages } from './pages/worklist.page.js';
import { csrfSigner, refuseCrossSitePosts, requireFormToken, webSession } from './session.js';
import type { WebEnv } from './web-env.js';

/** What the app's owner configures (api/app.ts `ApiDeps.web`). */
export interface WebOptions {
  /** Offer demo identities on the sign-in page; never true in production. */
  devSignIn: boolean;
  /** Signs the demo tokens (with devSignIn) and keys the CSRF tokens. */
  jwtSecret?: string;
  /** Days without progress after which an open case is "stuck" on the supervisor overview (default 7). */
  staleDays?: number;
  clock?: () => Date;
}

// Read once at start-up: served from this folder, never from a CDN (issue 5, point 6).
const asset = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');
const assets = { 'web.css': ['text/css; charset=utf-8', asset('web.css')], 'web.js': ['text/javascript; charset=utf-8', webScript] } as const;

/** The pages under /web (and `/` redirecting there), built on the JSON API `api` and the app's token verifier. */
export function webRoutes(options: WebOptions & { api: ApiPort; verifyToken: TokenVerifier }) {
  const deps = { api: options.api, clock: options.clock ?? (() => systemClock.now()), staleDays: options.staleDays ?? 7 };
  const pages = new Hono<WebEnv>();
  pages.get('/assets/:name', (c) => {
    const found = assets[c.req.param('name') as keyof typeof assets] as (typeof assets)[keyof typeof assets] | undefined;
    if (!found) return c.notFound();
    return c.body(found[1], 200, { 'content-type': found[0], 'cache-control': 'public, max-age=300' });
  });
  // The session first (it sets the page language the refusals are worded in), then the cross-site checks.
  pages.use('*', webSession(options.verifyToken, csrfSigner(options.jwtSecret)), refuseCrossSitePosts(), requireFormToken());
  pages.use('*', async (c, next) => {
    await next();
    // Pages show personal data: never cached by a shared proxy or kept in the back/forward cache of a shared PC.
    if (c.res.headers.get('content-type')?.startsWith('text/html')) c.header('cache-control', 'no-store');
  });
  pages.route('/', signInPages({ devSignIn: options.devSignIn, jwtSecret: options.jwtSecret, verifyToken: options.verifyToken }));
  pages.route('/', worklistPages(deps));
  pages.route('/', casesPages(deps));
  pages.route('/', casePages(deps));
  pages.route('/', filePages(deps));
  pages.route('/', supervisorPages(deps));
  pages.route('/', statisticsPages(deps));
  pages.route('/', auditPages(deps));
  pages.route('/', auditChainPages(deps));
  pages.route('/', declarationPages(deps));
  pages.route('/', billPages(deps));
  pages.route('/', arrearsPages(deps));
  pages.route('/', noticePages(deps));
  pages.route('/', medicalLedgerPages(deps));
  pages.route('/', accountPaymentPages(deps));
  pages.route('/', guidePages(deps));
  pages.route('/', recordPages(deps));
  pages.route('/', payrollPages(deps));
  pages.route('/', benefitPaymentPages(deps));
  pages.route('/', recoveryPages(deps));
  pages.route('/', investigationPages(deps));

  const web = new Hono();
  web.get('/', (c) => c.redirect('/web', 303));
  web.route('/web', pages);
  return web;
}
