import type { Context } from 'hono';
import { apiCaller, type ApiCall, type ApiPort } from './api-client.js';
import type { PageFrame } from './layout.js';
import type { Session, WebEnv } from './web-env.js';

/** What the page modules are built from (web.routes.tsx). */
export interface WebDeps {
  api: ApiPort;
  clock: () => Date;
  /** Days without progress after which an open case counts as stuck on the supervisor overview. */
  staleDays: number;
}

export type WebContext = Context<WebEnv>;

export const frameOf = (c: WebContext): PageFrame => ({ t: c.var.t, lang: c.var.lang, session: c.var.session, url: new URL(c.req.url) });

/** The session, or a redirect to the sign-in page that comes back here afterwards. */
export function sessionOrSignIn(c: WebContext): Session | Response {
  const session = c.var.session;
  if (session) return session;
  const here = new URL(c.req.url);
  return c.redirect(`/web/sign-in?next=${encodeURIComponent(here.pathname + here.search)}`, 303);
}

export const callerFor = (deps: WebDeps, session: Session): ApiCall => apiCaller(deps.api, session.token);

/** A same-site path to go back to after a form post; anything else (another host, `//evil`) goes home. */
export function safeBack(value: unknown, fallback = '/web'): string {
  return typeof value === 'string' && value.startsWith('/web') && !value.startsWith('//') ? value : fallback;
}

/** A form field as one trimmed string ('' when absent or a file). */
export const field = (form: Record<string, unknown>, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
};
