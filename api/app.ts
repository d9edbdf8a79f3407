// The HTTP app factory. Entry points (bin/api.ts, bin/dev.ts) and tests build it from explicit dependencies;
// nothing here reads configuration or opens connections.
import type { Tracer } from '@opentelemetry/api';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { MikroORM } from '@mikro-orm/postgresql';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { TokenVerifier } from './auth/tokens.js';
import { docsRoutes } from './docs/docs.routes.js';
import type { AppEnv } from './env.js';
import type { PublicEnv } from './public-env.js';
import { toErrorResponse } from './errors.js';
import { accessLog } from './middleware/access-log.js';
import { authenticate } from './middleware/authenticate.js';
import { limitBodies } from './middleware/body-limit.js';
import type { AppMetrics } from './metrics/app-metrics.js';
import { rateLimiting, type RateLimits } from './middleware/rate-limit.js';
import { withEntityManager } from './middleware/entity-manager.js';
import { declareCommonAnswers, type OpenAPIDocument } from './openapi/common-answers.js';
import { methodNotAllowed, staticPathsFirst } from './openapi/method-not-allowed.js';
import { problem, problemResponse } from './problem.js';
import { defaultHook } from './validation.js';
import { requestSpans } from './middleware/request-span.js';
import { webRoutes, type WebOptions } from './web/web.routes.js';

export type ReadinessChecks = { database: boolean; temporal: boolean };

export interface ApiDeps {
  orm: MikroORM;
  verifyToken: TokenVerifier;
  /** Whether PostgreSQL and Temporal answer right now; a throw counts as "not ready". */
  ready: () => Promise<ReadinessChecks>;
  /** Adds the versioned routes; they run after authentication and appear in /openapi.json under /v1. */
  mount: (v1: OpenAPIHono<AppEnv>) => void;
  log?: (line: string) => void;
  /** How long /ready waits for the checks before answering 503. */
  readyTimeoutMs?: number;
  /** Adds the /v1 routes that need no sign-in (the guide, certificate checks); they are matched before authentication. */
  mountPublic?: (pub: OpenAPIHono<PublicEnv>) => void;
  /** The web workbench (issue 5) under /web; left out, the app serves the JSON API only. */
  web?: WebOptions;
  /** Per-minute limits answering 429 (docs/operations.md "Rate limits"); left out, nothing is limited. */
  rateLimits?: RateLimits;
  /** Prometheus figures served at /metrics (api/metrics/app-metrics.ts); left out, there is no /metrics. */
  metrics?: AppMetrics;
  /** A span per request, the root of its trace (services/telemetry/tracing.ts); left out, nothing is traced. */
  tracer?: Tracer;
}

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Operations'],
  security: [],
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
      description: 'The process is running',
    },
  },
});

const readyRoute = createRoute({
  method: 'get',
  path: '/ready',
  tags: ['Operations'],
  security: [],
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({ status: z.literal('ready'), database: z.literal(true), temporal: z.literal(true) }),
        },
      },
      description: 'PostgreSQL and Temporal both answer',
    },
    503: problemResponse('A dependency does not answer (code NOT_READY, with `checks`)'),
  },
});

const metricsRoute = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['Operations'],
  security: [],
  summary: 'Prometheus figures: request latency by route, task queue backlog, open tasks by view, SLA breaches, failed workflows',
  responses: {
    200: { content: { 'text/plain': { schema: z.string() } }, description: 'The Prometheus text exposition format (version 0.0.4)' },
  },
});

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`readiness checks took longer than ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });

// Swagger UI needs inline styles and data: images; scripts stay same-origin only (docs.routes.ts serves its init file).
const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

export function createApp(deps: ApiDeps) {
  const log = deps.log ?? ((line: string) => console.log(line));
  const app = new OpenAPIHono<AppEnv>({ defaultHook });

  if (deps.metrics) app.use(deps.metrics.timeRequests);
  app.use(requestId());
  if (deps.tracer) app.use(requestSpans(deps.tracer));
  app.use(accessLog(log));
  app.use(secureHeaders({ contentSecurityPolicy }));
  app.use(limitBodies());
  app.use(staticPathsFirst(app));

  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));

  // Registered by hand: the 503 answer is problem+json from problem(), which a typed openapi() handler cannot return.
  app.openAPIRegistry.registerPath(readyRoute);
  app.get('/ready', async (c) => {
    let checks: ReadinessChecks | undefined;
    try {
      checks = await withTimeout(deps.ready(), deps.readyTimeoutMs ?? 5_000);
    } catch (err) {
      const line = { level: 'warn', msg: 'readiness check failed', requestId: c.get('requestId'), error: String(err) };
      log(JSON.stringify(line));
    }
    if (checks?.database === true && checks.temporal === true) {
      return c.json({ status: 'ready', database: true, temporal: true }, 200);
    }
    const down = checks === undefined ? 'the readiness checks failed' : describeDown(checks);
    return problem(c, 503, 'NOT_READY', `Not ready: ${down}`, { checks: checks ?? null });
  });

  app.route('/docs', docsRoutes());

  if (deps.metrics) {
    const { registry } = deps.metrics;
    app.openAPIRegistry.registerPath(metricsRoute);
    app.get('/metrics', async (c) => c.body(await registry.metrics(), 200, { 'content-type': registry.contentType }));
  }

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A token from `npm run token -- --role caseworker --region 330102 --sub cw-001`',
  });

  if (deps.mountPublic) {
    const pub = new OpenAPIHono<PublicEnv>({ defaultHook });
    deps.mountPublic(pub);
    // Registered first: a public route answers without reaching the authentication of v1 below.
    app.route('/v1', pub);
  }

  const limits = deps.rateLimits ? rateLimiting(deps.rateLimits) : null;
  const v1 = new OpenAPIHono<AppEnv>({ defaultHook });
  if (limits) v1.use('*', limits.failedTokens);
  v1.use('*', withEntityManager(deps.orm), authenticate(deps.verifyToken));
  if (limits) v1.use('*', limits.perUser);
  deps.mount(v1);
  // route() copies v1's routes and OpenAPI definitions at this moment, so mount() must have run before it.
  app.route('/v1', v1);

  // Built once, on first request, when every route is mounted; the shared layers' answers are added to each operation.
  let openApiDocument: OpenAPIDocument | undefined;
  app.get('/openapi.json', (c) => {
    openApiDocument ??= declareCommonAnswers(
      app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: '社会保险管理信息系统 API',
          version: '1.0.0',
          description: 'Social insurance case management. Errors are RFC 9457 problem+json; money is decimal strings.',
        },
        security: [{ bearerAuth: [] }],
      }),
    );
    return c.json(openApiDocument, 200);
  });

  // The pages call this same app in-process, so they pass through every rule the JSON routes apply.
  if (deps.web && limits) app.use('/web/sign-in', limits.signIn);
  if (deps.web) app.route('/', webRoutes({ ...deps.web, api: app, verifyToken: deps.verifyToken }));

  app.notFound(methodNotAllowed(app, (c) => problem(c, 404, 'NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`)));
  app.onError((err, c) => toErrorResponse(err, c, log));
  return app;
}

function describeDown(checks: ReadinessChecks): string {
  const down = (Object.keys(checks) as (keyof ReadinessChecks)[]).filter((name) => !checks[name]);
  return `${down.join(' and ')} not answering`;
}
