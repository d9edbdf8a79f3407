import { ForbiddenError } from '@casl/ability';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, z } from '@hono/zod-openapi';
import type { MikroORM } from '@mikro-orm/postgresql';
import { sign } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { createApp, type ApiDeps } from '../../api/app.js';
import { hs256Verifier, signToken } from '../../api/auth/tokens.js';
import type { AppEnv } from '../../api/env.js';
import { decodeCursor, encodeCursor, PageQuery } from '../../api/pagination.js';
import { problemResponse } from '../../api/problem.js';
import { Amount, CitizenIdField, CreditCodeField, Instant, IsoDate, RegionCode } from '../../api/schemas/common.js';
import { DomainError } from '../../domain/errors.js';

const SECRET = 'test-secret-0123456789-0123456789-abcdef';
const CITIZEN_ID = '11010519491231002X'; // rules E7

const EchoBody = z.object({
  person: z.object({ citizenId: CitizenIdField, name: z.string().min(1) }),
  monthlyWage: Amount,
  hireDate: IsoDate,
});

const echoRoute = createRoute({
  method: 'post',
  path: '/echo',
  request: { body: { required: true, content: { 'application/json': { schema: EchoBody } } } },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ role: z.string(), monthlyWage: z.string() }) } },
      description: 'Echo',
    },
    400: problemResponse('Invalid body'),
  },
});

const itemsRoute = createRoute({
  method: 'get',
  path: '/items',
  request: { query: PageQuery },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ limit: z.number(), after: z.unknown() }) } },
      description: 'A page',
    },
  },
});

function mountTestRoutes(v1: OpenAPIHono<AppEnv>) {
  v1.openapi(echoRoute, (c) => {
    const body = c.req.valid('json');
    return c.json({ role: c.var.actor.role, monthlyWage: body.monthlyWage }, 200);
  });
  v1.openapi(itemsRoute, (c) => {
    const { limit, cursor } = c.req.valid('query');
    return c.json({ limit, after: cursor === undefined ? null : decodeCursor(cursor) }, 200);
  });
  v1.get('/decided', () => {
    throw new DomainError('TASK_ALREADY_DECIDED', 'Task t-1 is not open');
  });
  v1.get('/bad-region', () => {
    throw new DomainError('INVALID_REGION_CODE', '"99" is not a province-level code', { path: 'region' });
  });
  v1.get('/forbidden', (c) => {
    ForbiddenError.from(c.var.ability).setMessage('only an admin may do this').throwUnlessCan('manage', 'Case');
    return c.text('unreachable');
  });
  v1.get('/boom', () => {
    throw new Error(`duplicate key value (citizen_id)=(${CITIZEN_ID}) violates constraint`);
  });
}

function build(overrides: Partial<ApiDeps> = {}) {
  const logs: string[] = [];
  const app = createApp({
    orm: { em: { fork: () => ({}) } } as unknown as MikroORM,
    verifyToken: hs256Verifier(SECRET),
    ready: async () => ({ database: true, temporal: true }),
    mount: mountTestRoutes,
    log: (line) => logs.push(line),
    ...overrides,
  });
  return { app, logs };
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

const caseworkerToken = () => signToken(SECRET, { sub: 'cw-001', role: 'caseworker', region: '330102' });

async function post(app: ReturnType<typeof build>['app'], body: string, token?: string) {
  return app.request('/v1/echo', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? (await caseworkerToken())}` },
    body,
  });
}

const validBody = { person: { citizenId: CITIZEN_ID, name: '张三' }, monthlyWage: '8000.00', hireDate: '2025-03-01' };

const postWith = (app: ReturnType<typeof build>['app'], overrides: Record<string, unknown>) => post(app, JSON.stringify({ ...validBody, ...overrides }));

async function expectProblem(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ type: 'about:blank', status, code });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(typeof body.instance).toBe('string');
  return body;
}

describe('authentication (docs/api.md Authentication)', () => {
  it('answers 401 problem+json with WWW-Authenticate: Bearer when no token is sent', async () => {
    const { app } = build();
    const res = await app.request('/v1/items');
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    await expectProblem(res, 401, 'UNAUTHENTICATED');
  });

  it('answers 401 when the Authorization header is not a bearer token', async () => {
    const { app } = build();
    const basic = await app.request('/v1/items', { headers: { authorization: 'Basic Zm9vOmJhcg==' } });
    await expectProblem(basic, 401, 'UNAUTHENTICATED');
  });

  it('answers 401 for a token signed with another secret (forged)', async () => {
    const { app } = build();
    const claims = { sub: 'cw-001', role: 'admin', region: '330102' } as const;
    const forged = await signToken('another-secret-0123456789-0123456789', claims);
    const body = await expectProblem(await app.request('/v1/items', bearer(forged)), 401, 'UNAUTHENTICATED');
    expect(body.detail).toMatch(/signature/i);
    expect(JSON.stringify(body)).not.toContain(forged);
  });

  it('answers 401 TOKEN_EXPIRED for a token past its exp', async () => {
    const { app } = build();
    const claims = { sub: 'cw-001', role: 'caseworker', region: '330102' } as const;
    const expired = await signToken(SECRET, claims, { now: Date.now() - 9 * 3600_000 });
    await expectProblem(await app.request('/v1/items', bearer(expired)), 401, 'TOKEN_EXPIRED');
  });

  it('answers 401 INVALID_CLAIMS naming sub when a citizen token has a bad ID number (rules §1.1)', async () => {
    const { app } = build();
    const exp = Math.floor(Date.now() / 1000) + 600;
    const token = await sign({ sub: '110105194912310021', role: 'citizen', exp }, SECRET, 'HS256');
    const body = await expectProblem(await app.request('/v1/items', bearer(token)), 401, 'INVALID_CLAIMS');
    expect(body.detail).toContain("'sub'");
  });

  it('answers 401 INVALID_CLAIMS naming region when a staff token has no region, or the token has no exp', async () => {
    const { app } = build();
    const exp = Math.floor(Date.now() / 1000) + 600;
    const noRegion = await sign({ sub: 'cw-001', role: 'caseworker', exp }, SECRET, 'HS256');
    const body = await expectProblem(await app.request('/v1/items', bearer(noRegion)), 401, 'INVALID_CLAIMS');
    expect(body.detail).toContain("'region'");
    const noExp = await sign({ sub: 'cw-001', role: 'caseworker', region: '330102' }, SECRET, 'HS256');
    const body2 = await expectProblem(await app.request('/v1/items', bearer(noExp)), 401, 'INVALID_CLAIMS');
    expect(body2.detail).toContain("'exp'");
  });

  it('accepts a valid citizen token and exposes the actor to the route', async () => {
    const { app } = build();
    const token = await signToken(SECRET, { sub: CITIZEN_ID.toLowerCase(), role: 'citizen' });
    const res = await post(app, JSON.stringify(validBody), token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ role: 'citizen', monthlyWage: '8000.00' });
  });

  it('refuses to sign claims the verifier would reject', async () => {
    await expect(signToken(SECRET, { sub: 'ag-1', role: 'employer' })).rejects.toThrow(/'employer'/);
  });
});

describe('validation and problem+json (docs/api.md Errors)', () => {
  it('refuses a wage with three decimals, naming the field (rules principle 2)', async () => {
    const { app } = build();
    const body = await expectProblem(await postWith(app, { monthlyWage: '8000.123' }), 400, 'VALIDATION_FAILED');
    const message = expect.stringMatching(/2 decimal places/) as unknown;
    expect(body.errors).toEqual([{ path: 'monthlyWage', message }]);
  });

  it('refuses a wage sent as a JSON number (rules principle 2)', async () => {
    const { app } = build();
    const body = await expectProblem(await postWith(app, { monthlyWage: 8000 }), 400, 'VALIDATION_FAILED');
    expect(body.errors).toMatchObject([{ path: 'monthlyWage' }]);
  });

  it('refuses a date that is not on the calendar (rules principle 3)', async () => {
    const { app } = build();
    const body = await expectProblem(await postWith(app, { hireDate: '2025-02-29' }), 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([{ path: 'hireDate', message: 'is not a real calendar date' }]);
  });

  it('reports the nested path and the reason for a wrong ID check character (rules §1.1, E7)', async () => {
    const { app } = build();
    const person = { citizenId: '110105194912310021', name: '张三' };
    const body = await expectProblem(await postWith(app, { person }), 400, 'VALIDATION_FAILED');
    const message = expect.stringMatching(/check character/) as unknown;
    expect(body.errors).toEqual([{ path: 'person.citizenId', message }]);
  });

  it('answers 415 problem+json for a body that is not declared as JSON', async () => {
    const { app } = build();
    const res = await app.request('/v1/echo', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${await caseworkerToken()}` },
      body: JSON.stringify(validBody),
    });
    await expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 400 MALFORMED_JSON for a body that is not JSON', async () => {
    const { app } = build();
    await expectProblem(await post(app, '{"person": '), 400, 'MALFORMED_JSON');
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a body over 1 MiB', async () => {
    const { app } = build();
    const huge = JSON.stringify({ ...validBody, padding: 'x'.repeat(1024 * 1024 + 10) });
    await expectProblem(await post(app, huge), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('validates query parameters the same way (limit max 100; cursor must be one we issued)', async () => {
    const { app } = build();
    const auth = bearer(await caseworkerToken());
    const tooMany = await expectProblem(await app.request('/v1/items?limit=500', auth), 400, 'VALIDATION_FAILED');
    expect(tooMany.errors).toMatchObject([{ path: 'limit' }]);
    const garbage = await expectProblem(await app.request('/v1/items?cursor=not*a*', auth), 400, 'VALIDATION_FAILED');
    expect(garbage.errors).toMatchObject([{ path: 'cursor' }]);

    const cursor = encodeCursor(['2025-03-01', 42, null]);
    const res = await app.request(`/v1/items?cursor=${cursor}`, auth);
    expect(await res.json()).toEqual({ limit: 20, after: ['2025-03-01', 42, null] });
  });

  it('maps domain errors to their status, with errors[] when the error names a field', async () => {
    const { app } = build();
    const auth = bearer(await caseworkerToken());
    await expectProblem(await app.request('/v1/decided', auth), 409, 'TASK_ALREADY_DECIDED');
    const body = await expectProblem(await app.request('/v1/bad-region', auth), 422, 'INVALID_REGION_CODE');
    expect(body.errors).toEqual([{ path: 'region', message: '"99" is not a province-level code' }]);
  });

  it('answers 403 FORBIDDEN with the CASL reason', async () => {
    const { app } = build();
    const body = await expectProblem(await app.request('/v1/forbidden', bearer(await caseworkerToken())), 403, 'FORBIDDEN');
    expect(body.detail).toBe('only an admin may do this');
  });

  it('answers 500 INTERNAL with the request id and no internals, and logs without the ID number', async () => {
    const { app, logs } = build();
    const res = await app.request('/v1/boom', bearer(await caseworkerToken()));
    const body = await expectProblem(res, 500, 'INTERNAL');
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    expect(body.detail).toContain(requestId);
    expect(JSON.stringify(body)).not.toContain('citizen_id');
    const errorLine = logs.find((line) => line.includes('unhandled error'));
    expect(errorLine).toContain('duplicate key value');
    expect(logs.join('\n')).not.toContain(CITIZEN_ID);
  });

  it('answers 404 problem+json for an unknown route', async () => {
    const { app } = build();
    await expectProblem(await app.request('/nowhere'), 404, 'NOT_FOUND');
    const auth = bearer(await caseworkerToken());
    await expectProblem(await app.request('/v1/nowhere', auth), 404, 'NOT_FOUND');
  });
});

describe('operations endpoints (docs/api.md General)', () => {
  it('answers /health with {"status":"ok"}', async () => {
    const res = await build().app.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /ready 200 when the database and Temporal answer', async () => {
    const res = await build().app.request('/ready');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', database: true, temporal: true });
  });

  it('answers /ready 503 problem+json naming what is down, or when the check throws', async () => {
    const down = build({ ready: async () => ({ database: true, temporal: false }) }).app;
    const body = await expectProblem(await down.request('/ready'), 503, 'NOT_READY');
    expect(body.detail).toContain('temporal');
    expect(body.checks).toEqual({ database: true, temporal: false });

    const throwing = build({ ready: () => Promise.reject(new Error('connection refused')) }).app;
    await expectProblem(await throwing.request('/ready'), 503, 'NOT_READY');

    const hanging = build({ ready: () => new Promise(() => undefined), readyTimeoutMs: 20 }).app;
    await expectProblem(await hanging.request('/ready'), 503, 'NOT_READY');
  });

  it('writes one access-log line per request without the token, the query or ID numbers', async () => {
    const { app, logs } = build();
    const token = await signToken(SECRET, { sub: CITIZEN_ID, role: 'citizen' });
    await app.request(`/v1/items?cursor=secret-search`, bearer(token));
    await app.request(`/v1/persons/${CITIZEN_ID}`, bearer(token));
    expect(logs).toHaveLength(2);
    const first = JSON.parse(logs[0] ?? '{}') as Record<string, unknown>;
    expect(first).toMatchObject({ method: 'GET', path: '/v1/items', status: 400, role: 'citizen' });
    expect(typeof first.ms).toBe('number');
    expect(typeof first.requestId).toBe('string');
    expect(logs.join('\n')).not.toContain(token);
    expect(logs.join('\n')).not.toContain('secret-search');
    expect(logs.join('\n')).not.toContain(CITIZEN_ID);
  });
});

describe('OpenAPI document and /docs (docs/api.md General)', () => {
  it('serves an OpenAPI 3.1 document listing the mounted /v1 routes and the bearer scheme', async () => {
    const res = await build().app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/echo', '/v1/items', '/health', '/ready']));
    const scheme = { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' };
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject(scheme);
  });

  it('serves /docs from local assets only, and the assets answer', async () => {
    const { app } = build();
    const res = await app.request('/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<title>社会保险管理信息系统 API</title>');
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const url of urls) expect(url).toMatch(/^\/docs\/assets\//);
    for (const url of urls) expect((await app.request(url)).status).toBe(200);
    expect((await app.request('/docs/assets/package.json')).status).toBe(404);
    const init = await (await app.request('/docs/assets/docs-init.js')).text();
    expect(init).toContain("url: '/openapi.json'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});

describe('pagination cursors', () => {
  it('round-trips a sort key and refuses garbage with a 400 on cursor', () => {
    expect(decodeCursor(encodeCursor(['a', 1, null]))).toEqual(['a', 1, null]);
    expect(() => decodeCursor(Buffer.from('{"x":1}').toString('base64url'))).toThrow(/schema|cursor/);
  });
});

describe('common field schemas', () => {
  const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

  it('accepts 29 February only in a leap year (rules principle 3)', () => {
    expect(IsoDate.safeParse('2024-02-29').success).toBe(true);
    expect(messageOf(IsoDate, '2025-02-29')).toBe('is not a real calendar date');
    expect(messageOf(IsoDate, '2025-3-1')).toBe('must be a date written YYYY-MM-DD');
  });

  it('accepts amounts with up to two places and refuses negatives and floats (rules principle 2)', () => {
    expect(Amount.safeParse('8000').success).toBe(true);
    expect(Amount.safeParse('0.05').success).toBe(true);
    expect(messageOf(Amount, '-1.00')).toBe('must not be negative');
    expect(messageOf(Amount, '12345.678')).toMatch(/more than 2 decimal places/);
    expect(Amount.safeParse(12345.67).success).toBe(false);
  });

  it('normalises a lowercase x in an ID number and explains a wrong check character (rules E7)', () => {
    expect(CitizenIdField.parse('11010519491231002x')).toBe(CITIZEN_ID);
    expect(CitizenIdField.parse('440524188001010014')).toBe('440524188001010014');
    expect(messageOf(CitizenIdField, '110105194912310021')).toMatch(/check character/);
    expect(messageOf(CitizenIdField, '11010519491231')).toMatch(/18 characters/);
  });

  it('accepts a credit code failing its check character, not one with a banned letter (rules §1.2, E8)', () => {
    expect(CreditCodeField.parse('9144030071526726xg')).toBe('9144030071526726XG');
    expect(CreditCodeField.safeParse('9144030071526726XA').success).toBe(true); // pilot codes: warn, not refuse
    expect(CreditCodeField.safeParse('9144030071526726XI').success).toBe(false);
  });

  it('checks region codes and instants', () => {
    expect(RegionCode.safeParse('330102').success).toBe(true);
    expect(messageOf(RegionCode, '990102')).toMatch(/province/);
    expect(Instant.safeParse('2025-03-01T09:30:00+08:00').success).toBe(true);
    expect(Instant.safeParse('2025-03-01T09:30:00').success).toBe(false);
  });
});
