// The public routes' limiter (issue 14 "Bad input and safety"): per client address, a fixed window, 429 problem+json
// with Retry-After; the app's own pages calling in process (no socket) are limited at their page instead.
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { publicRateLimit } from '../../api/middleware/rate-limit.js';

const from = (address: string) => ({ incoming: { socket: { remoteAddress: address, remoteFamily: 'IPv4', remotePort: 40_000 } } });

describe('publicRateLimit', () => {
  // rate-limiter-flexible counts by the wall clock and forgets a window with a timer: both are moved by hand.
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());
  const app = () => new Hono().use('*', publicRateLimit({ limit: 3, windowSeconds: 60 })).get('/x', (c) => c.text('ok'));

  it('allows `limit` requests per address and window, then answers 429 with Retry-After until the window ends', async () => {
    const limited = app();
    for (let i = 0; i < 3; i += 1) expect((await limited.request('/x', {}, from('10.0.0.1'))).status).toBe(200);
    vi.advanceTimersByTime(15_000);
    const refused = await limited.request('/x', {}, from('10.0.0.1'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.headers.get('retry-after')).toBe('45');
    expect(((await refused.json()) as { code: string }).code).toBe('RATE_LIMITED');
    // Another address has its own count; the next window starts afresh.
    expect((await limited.request('/x', {}, from('10.0.0.2'))).status).toBe(200);
    vi.advanceTimersByTime(45_000);
    expect((await limited.request('/x', {}, from('10.0.0.1'))).status).toBe(200);
  });

  it('does not count an in-process call without a socket (the pages, limited at their own route)', async () => {
    const limited = app();
    for (let i = 0; i < 5; i += 1) expect((await limited.request('/x')).status).toBe(200);
  });
});
