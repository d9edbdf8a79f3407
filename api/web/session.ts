// Sign-in state of the pages and their protection against cross-site requests. The bearer token lives in an HttpOnly,
// SameSite=Strict cookie so page scripts never see it; hono/csrf refuses a form post that the browser says comes from
// another site; and a signed-in post also carries a form token derived from its session's bearer token.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
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

/** The host part of an Origin header, or null for `null` and anything unparsable. */
const hostOf = (origin: string): string | null => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};

/**
 * Refuses a form post from another site with hono/csrf: the browser's `Sec-Fetch-Site` must be `same-origin`, or its
 * `Origin` this app. Pages are served with `Referrer-Policy: no-referrer`, under which browsers send `Origin: null`
 * on a form post, so `Sec-Fetch-Site` is what a modern browser is judged by. The origin fallback also accepts the
 * public host a TLS-terminating proxy passes on as `Host` (c.req.url is then the internal http:// address). A post
 * with neither header (not a browser) is refused: scripts use the JSON API with a bearer token.
 */
export const refuseCrossSitePosts = () => {
  const check = csrf({
    secFetchSite: 'same-origin',
    origin: (origin, c) => origin === new URL(c.req.url).origin || (hostOf(origin) !== null && hostOf(origin) === c.req.header('host')),
  });
  return createMiddleware<WebEnv>(async (c, next) => {
    try {
      await check(c, () => Promise.resolve());
    } catch (error) {
      if (error instanceof HTTPException && error.status === 403) return c.text(c.var.t('crossSiteRefused'), 403);
      throw error;
    }
    await next();
  });
};

/**
 * A signed-in post must also carry its session's form token (`Csrf` in layout.tsx). The cookie's SameSite=Strict and
 * the check above already keep other sites out; the token is kept because it adds what those cannot:
 * - it ties a form to the session it was rendered for. On a shared counter PC a tab left open by the previous user
 *   would otherwise post as whoever signed in since; with the token that post is refused and the page says to reload;
 * - it does not depend on request headers. The origin check trusts the browser's Sec-Fetch-Site / Origin and the Host
 *   header a proxy passes on; a proxy that rewrites Host, or a client that mislabels a request, still meets the token.
 */
export const requireFormToken = () =>
  createMiddleware<WebEnv>(async (c, next) => {
    const session = c.var.session;
    if (c.req.method !== 'POST' || !session) return next();
    const form = await c.req.parseBody();
    const sent = typeof form._csrf === 'string' ? form._csrf : '';
    if (!sameText(sent, session.csrf)) return c.text(c.var.t('staleForm'), 403);
    return next();
  });
