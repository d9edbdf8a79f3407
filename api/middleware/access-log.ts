import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.js';

// An 18-character resident ID (17 digits + check character) anywhere in a string, e.g. in a path segment.
const CITIZEN_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

/** Masks resident ID numbers so a log line never carries one (docs/architecture.md, Data: sensitive data masked in logs). */
export const redactPersonalIds = (text: string): string => text.replace(CITIZEN_ID, '[citizen-id]');

/**
 * One JSON line per request through the injected `log`: method, path (no query string), status, duration, request
 * id and the caller's role. Never the token, never the caller's id (a citizen's id is their ID number).
 */
export const accessLog = (log: (line: string) => void) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      log(formatLine(c, Math.round(performance.now() - started)));
    }
  });

function formatLine(c: Context<AppEnv>, ms: number): string {
  return JSON.stringify({
    level: c.res.status >= 500 ? 'error' : 'info',
    msg: 'request',
    method: c.req.method,
    path: redactPersonalIds(c.req.path),
    status: c.res.status,
    ms,
    requestId: c.get('requestId'),
    // Unset when authentication failed or the route is public.
    role: (c.get('actor') as AppEnv['Variables']['actor'] | undefined)?.role ?? null,
  });
}
