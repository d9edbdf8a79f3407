// Sign-in state of the pages. The bearer token lives in an HttpOnly, SameSite=Strict cookie so page scripts never see
// it; every form post also carries a CSRF token derived from the session token (and the Origin header, when the
// browser sends one, must be this host), so a form on another site cannot act for the user.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { TokenVerifier } from '../auth/tokens.js';
import { isLang, translator, type Lang } from './i18n/messages.js';
import type { WebEnv } from './web-env.js';

export const TOKEN_COOKIE = 'si_token';
export const LANG_COOKIE = 'si_lang';

/** Derives the CSRF token of a session; keyed so that knowing a CSRF token tells nothing about the bearer token. */
export function csrfSigner(secret: string | undefined) {
  const key = secret ? `csrf:${secret}` : randomBytes(32).toString('hex');
  return (token: string) => createHmac('sha256', key).update(token).digest('base64url');
}

export function setSessionCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure, maxAge: 8 * 3600 });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, TOKEN_COOKIE, { path: '/' });
}

/**
 * Puts the language (?lang= wins and is remembered in a cookie; Chinese by default) and the verified session on the
 * context. A cookie whose token no longer verifies (expired, wrong secret) is dropped, as if signed out.
 */
export const webSession = (verifyToken: TokenVerifier, csrfOf: (token: string) => string) =>
  createMiddleware<WebEnv>(async (c, next) => {
    const asked = c.req.query('lang');
    let lang: Lang = 'zh';
    if (isLang(asked)) {
      lang = asked;
      setCookie(c, LANG_COOKIE, asked, { path: '/', sameSite: 'Lax', maxAge: 365 * 24 * 3600 });
    } else {
      const remembered = getCookie(c, LANG_COOKIE);
      if (isLang(remembered)) lang = remembered;
    }
    c.set('lang', lang);
    c.set('t', translator(lang));

    const token = getCookie(c, TOKEN_COOKIE);
    c.set('session', null);
    if (token) {
      try {
        c.set('session', { token, actor: await verifyToken(token), csrf: csrfOf(token) });
      } catch {
        clearSessionCookie(c);
      }
    }
    await next();
  });

const sameText = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** Refuses a cross-site post: the Origin (when sent) must be this host, and a signed-in post must carry its CSRF token. */
export const verifyPostOrigin = () =>
  createMiddleware<WebEnv>(async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const origin = c.req.header('origin');
    const host = c.req.header('host');
    if (origin && host && origin !== 'null' && new URL(origin).host !== host) {
      return c.text('Cross-site form post refused', 403);
    }
    const session = c.var.session;
    if (session) {
      const form = await c.req.parseBody();
      const sent = typeof form._csrf === 'string' ? form._csrf : '';
      if (!sameText(sent, session.csrf)) return c.text('Missing or stale form token: reload the page and try again', 403);
    }
    return next();
  });
