import { join } from 'node:path';
// The only module that reads process.env. Entry points call loadConfig() once and pass plain values down,
// so a bad setting fails at boot rather than on the first request.
import { z } from 'zod';

const DEV_JWT_SECRET = 'development-only-secret-change-me-0123456789';

const onOff = z.enum(['on', 'off']);
/** Requests per minute; 0 turns that limit off. */
const perMinute = (fallback: number) => z.coerce.number().int().min(0).max(1_000_000).default(fallback);

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.url().optional(), // absent: bin/dev.ts starts an embedded PostgreSQL
  TEMPORAL_ADDRESS: z.string().min(1).optional(), // absent: bin/dev.ts starts the Temporal dev server
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('cases'),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  JWT_SECRET: z.string().min(32).optional(),
  // Production sign-in through the agency's identity provider (docs/operations.md "Sign-in").
  OIDC_ISSUER: z.url().optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  OIDC_JWKS_URL: z.url().optional(), // absent: discovered from <issuer>/.well-known/openid-configuration
  OIDC_ALGORITHMS: z
    .string()
    .default('RS256,ES256')
    .transform((text) => text.split(',').map((name) => name.trim()))
    .pipe(z.array(z.enum(['RS256', 'ES256'])).min(1)),
  // The workbench's demonstration identities: off unless switched on (npm start switches it on).
  DEMO_SIGN_IN: onOff.optional(),
  // Rate limits per minute (docs/operations.md "Rate limits"); 0 = off.
  RATE_LIMIT_SIGN_IN: perMinute(10),
  RATE_LIMIT_REQUESTS: perMinute(600),
  RATE_LIMIT_WRITES: perMinute(120),
  DATA_DIR: z.string().min(1).default('.data'),
  // 审计链锚点: the audit chains' heads, appended outside the database (docs/operations.md "Audit chain"). Default
  // DATA_DIR/audit-anchors/anchors.jsonl; in production a write-once volume.
  AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
  AUDIT_ANCHOR_EVERY_MINUTES: z.coerce.number().int().min(1).default(60),
  // 正式文书: how many notices' PDFs the worker renders per round (every 2 s), off the request path; 0 = off (each
  // case's letters are then rendered when its documents are first listed). docs/operations.md "Official documents".
  DOCUMENT_RENDER_BATCH: z.coerce.number().int().min(0).max(1_000).default(10),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  WORKFLOW_BUNDLE: z.string().min(1).optional(), // a prebuilt workflow bundle file for bin/worker.ts (bin/worker-runtime.ts)
  // How many case runs a worker keeps in memory between their workflow tasks (about 0.3 MiB each, docs/performance.md
  // "Memory": a heap limit bounds the worker better); absent: the SDK's default from the heap limit. A run not in the
  // cache replays its history on its next task.
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(2).max(100_000).optional(),
});

export type AuthConfig =
  | { mode: 'hs256'; jwtSecret: string }
  | { mode: 'oidc'; jwtSecret: string; issuer: string; audience: string; jwksUrl: string | undefined; algorithms: ('RS256' | 'ES256')[] };

/**
 * `demoSignIn` is the default of the entry point when DEMO_SIGN_IN is unset: `npm start` passes true, everything
 * else false. Production refuses to start without a verifier (an identity provider or a secret of its own) and with
 * the demonstration sign-in on.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: { demoSignIn?: boolean } = {}) {
  const e = Env.parse(env);
  const production = e.NODE_ENV === 'production';
  if (e.OIDC_ISSUER !== undefined && e.OIDC_AUDIENCE === undefined) throw new Error('OIDC_AUDIENCE (this API’s client id) is required with OIDC_ISSUER');
  if (production && !e.JWT_SECRET && !e.OIDC_ISSUER) {
    throw new Error('Production needs a token verifier: OIDC_ISSUER and OIDC_AUDIENCE (identity provider), or JWT_SECRET (32+ characters)');
  }
  const demoSignIn = e.DEMO_SIGN_IN === undefined ? (defaults.demoSignIn ?? false) : e.DEMO_SIGN_IN === 'on';
  if (production && demoSignIn) throw new Error('DEMO_SIGN_IN=on is refused in production');
  // With an identity provider the secret still keys the web forms' CSRF tokens and signs operator service tokens.
  const jwtSecret = e.JWT_SECRET ?? DEV_JWT_SECRET;
  const auth: AuthConfig =
    e.OIDC_ISSUER !== undefined && e.OIDC_AUDIENCE !== undefined
      ? { mode: 'oidc', jwtSecret, issuer: e.OIDC_ISSUER, audience: e.OIDC_AUDIENCE, jwksUrl: e.OIDC_JWKS_URL, algorithms: e.OIDC_ALGORITHMS }
      : { mode: 'hs256', jwtSecret };
  return {
    env: e.NODE_ENV,
    db: { url: e.DATABASE_URL },
    temporal: { address: e.TEMPORAL_ADDRESS, namespace: e.TEMPORAL_NAMESPACE, taskQueue: e.TEMPORAL_TASK_QUEUE },
    http: { port: e.PORT },
    auth,
    demoSignIn,
    rateLimits: { signInPerMinute: e.RATE_LIMIT_SIGN_IN, requestsPerMinute: e.RATE_LIMIT_REQUESTS, writesPerMinute: e.RATE_LIMIT_WRITES },
    dataDir: e.DATA_DIR,
    auditAnchors: { file: e.AUDIT_ANCHOR_FILE ?? join(e.DATA_DIR, 'audit-anchors', 'anchors.jsonl'), everyMs: e.AUDIT_ANCHOR_EVERY_MINUTES * 60_000 },
    documentRendering: { batch: e.DOCUMENT_RENDER_BATCH, everyMs: 2_000 },
    logLevel: e.LOG_LEVEL,
    workflowBundlePath: e.WORKFLOW_BUNDLE,
    maxCachedWorkflows: e.WORKER_MAX_CACHED_WORKFLOWS,
  } as const;
}

export type AppConfig = ReturnType<typeof loadConfig>;
