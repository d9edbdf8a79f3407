import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { problem } from '../problem.js';

/**
 * A fixed-window limit per client address for the public routes (issue 14: the guide and certificate checks are
 * public but rate-limited). The per-user and sign-in limits are api/middleware/rate-limit.ts; this one counts anonymous callers by address.
 *
 * The address is the TCP peer of the request. A call with no socket is the app's own pages calling the API in
 * process (api/web/api-client.ts); it is not counted here because the page route it serves is limited itself.
 * Behind a proxy every client shares the proxy's address: set the limit for that, or put the limiter at the proxy.
 * Counts are per process; several API replicas each allow `limit`.
 */
export interface RateLimitOptions {
  /** Requests allowed per window and address. */
  limit: number;
  windowMs: number;
  /** Milliseconds now; injected so a test can move time (defaults to the monotonic clock). */
  now?: () => number;
}

export function clientAddress(c: Context): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

export function rateLimit(options: RateLimitOptions) {
  const now = options.now ?? (() => performance.now());
  const windows = new Map<string, { startedAt: number; count: number }>();
  return createMiddleware(async (c, next) => {
    const address = clientAddress(c);
    if (address === null) return next();
    const at = now();
    let window = windows.get(address);
    if (!window || at - window.startedAt >= options.windowMs) {
      // Forget finished windows now and then, so the map holds only clients of the current window.
      if (windows.size > 10_000) for (const [key, w] of windows) if (at - w.startedAt >= options.windowMs) windows.delete(key);
      window = { startedAt: at, count: 0 };
      windows.set(address, window);
    }
    window.count += 1;
    if (window.count > options.limit) {
      const retryAfter = Math.max(1, Math.ceil((window.startedAt + options.windowMs - at) / 1000));
      c.header('retry-after', String(retryAfter));
      return problem(
        c,
        429,
        'RATE_LIMITED',
        `Too many requests from your address: at most ${options.limit} in ${Math.round(options.windowMs / 1000)} s; try again in ${retryAfter} s`,
      );
    }
    return next();
  });
}
