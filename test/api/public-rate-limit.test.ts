// The public routes' limiter (issue 14 "Bad input and safety"): per client address, a fixed window, 429 problem+json
// with Retry-After; the app's own pages calling in process (no socket) are limited at their page instead.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { rateLimit } from '../../api/middleware/public-rate-limit.js';

const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

describe('rateLimit', () => {
  let now = 0;
  const app = new Hono().use('*', rateLimit({ limit: 3, windowMs: 60_000, now: () => now })).get('/x', (c) => c.text('ok'));

  it('allows `limit` requests per address and window, then answers 429 with Retry-After until the window ends', async () => {
    now = 0;
    for (let i = 0; i < 3; i += 1) expect((await app.request('/x', {}, from('10.0.0.1'))).status).toBe(200);
    now = 15_000;
    const refused = await app.request('/x', {}, from('10.0.0.1'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.headers.get('retry-after')).toBe('45');
    expect(((await refused.json()) as { code: string }).code).toBe('RATE_LIMITED');
    // Another address has its own count; the next window starts afresh.
    expect((await app.request('/x', {}, from('10.0.0.2'))).status).toBe(200);
    now = 60_000;
    expect((await app.request('/x', {}, from('10.0.0.1'))).status).toBe(200);
  });

  it('does not count an in-process call without a socket (the pages, limited at their own route)', async () => {
    now = 200_000;
    for (let i = 0; i < 5; i += 1) expect((await app.request('/x')).status).toBe(200);
  });
});
