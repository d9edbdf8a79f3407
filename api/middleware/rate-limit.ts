// Rate limits (issue 15 point 5; docs/api.md promises 429): sign-in attempts per client address, token use
// (authenticated requests) and writes per user, each per minute and configurable (docs/operations.md "Rate limits"),
// and the public routes (the guide, certificate checks: issue 14) per client address. Counted in memory by
// rate-limiter-flexible, so each API replica counts its own requests: behind a load balancer with N replicas a caller
// gets at most N times the limit.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppEnv } from '../env.js';
import { problem } from '../problem.js';

/** Requests per minute; 0 switches a limit off. */
export interface RateLimits {
  signInPerMinute: number;
  requestsPerMinute: number;
  writesPerMinute: number;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Limiter {
  /** Spends one point; null while there was budget, else the milliseconds until there is again. */
  consume(key: string): Promise<number | null>;
  /** Like consume, without spending: the milliseconds to wait when the budget is already spent. */
  spent(key: string): Promise<number | null>;
}

/** A budget of `points` per key and window (a minute unless said). */
function perMinute(points: number, windowSeconds = 60): Limiter | null {
  if (points === 0) return null;
  const limiter = new RateLimiterMemory({ points, duration: windowSeconds });
  return {
    consume: async (key) =>
      limiter.consume(key).then(
        () => null,
        (refused: unknown) => {
          if (refused instanceof RateLimiterRes) return Math.max(1, refused.msBeforeNext);
          throw refused;
        },
      ),
    spent: async (key) => {
      const state = await limiter.get(key);
      return state !== null && state.remainingPoints <= 0 ? Math.max(1, state.msBeforeNext) : null;
    },
  };
}

/** 429 problem+json with `Retry-After` in whole seconds (RFC 9110 §10.2.3). */
function tooMany(c: Context, what: string, waitMs: number): Response {
  const seconds = Math.ceil(waitMs / 1000);
  const response = problem(c, 429, 'RATE_LIMITED', `Too many ${what}; try again in ${seconds} s`, { retryAfterSeconds: seconds });
  response.headers.set('Retry-After', String(seconds));
  return response;
}

const IN_PROCESS = 'in-process';

/** The client's address: the socket's peer (in-process calls from the web pages have none and share one budget). */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? IN_PROCESS;
  } catch {
    return IN_PROCESS;
  }
}

/** A public route's limit: requests per window and client address. */
export interface PublicRateLimit {
  limit: number;
  windowSeconds: number;
}

/**
 * The limit of a public route, for anonymous callers counted by address. A call without a socket is the app's own
 * pages calling the API in process (api/web/api-client.ts): not counted here, because the page route it serves is
 * limited itself. Behind a proxy every client shares the proxy's address: set the limit for that, or limit at the proxy.
 */
export function publicRateLimit({ limit, windowSeconds }: PublicRateLimit): MiddlewareHandler {
  const budget = perMinute(limit, windowSeconds);
  return createMiddleware(async (c, next) => {
    const address = clientAddress(c);
    const wait = budget && address !== IN_PROCESS ? await budget.consume(address) : null;
    if (wait !== null) return tooMany(c, `requests from your address (at most ${limit} in ${windowSeconds} s)`, wait);
    await next();
  });
}

/**
 * The limits as middleware: `signIn` on the sign-in form (every attempt counts); `failedTokens` in front of
 * authentication on /v1 (a refused token spends the same per-address budget, so guessing tokens is as slow as
 * guessing at the form); `perUser` behind authentication (every request, and writes on their own budget).
 */
export function rateLimiting(limits: RateLimits): { signIn: MiddlewareHandler; failedTokens: MiddlewareHandler; perUser: MiddlewareHandler<AppEnv> } {
  const signIn = perMinute(limits.signInPerMinute);
  const requests = perMinute(limits.requestsPerMinute);
  const writes = perMinute(limits.writesPerMinute);
  return {
    signIn: createMiddleware(async (c, next) => {
      const wait = signIn && c.req.method === 'POST' ? await signIn.consume(clientAddress(c)) : null;
      if (wait !== null) return tooMany(c, 'sign-in attempts', wait);
      await next();
    }),
    failedTokens: createMiddleware(async (c, next) => {
      if (!signIn) return next();
      const address = clientAddress(c);
      const wait = await signIn.spent(address);
      if (wait !== null) return tooMany(c, 'refused tokens', wait);
      await next();
      if (c.res.status === 401) await signIn.consume(address);
    }),
    perUser: createMiddleware<AppEnv>(async (c, next) => {
      const user = `${c.var.actor.role}:${c.var.actor.id}`;
      const waitRequests = requests ? await requests.consume(user) : null;
      if (waitRequests !== null) return tooMany(c, 'requests', waitRequests);
      const waitWrites = writes && WRITES.has(c.req.method) ? await writes.consume(user) : null;
      if (waitWrites !== null) return tooMany(c, 'writes', waitWrites);
      await next();
    }),
  };
}
