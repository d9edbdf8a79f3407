import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client, Connection } from '@temporalio/client';
import { AttachmentStore } from '../services/adapters/attachment-store.js';
import type { AuditAnchorStore } from '../services/adapters/audit-anchor-store.js';
import { createApp } from './app.js';
import { hs256Verifier, type TokenVerifier } from './auth/tokens.js';
import type { RateLimits } from './middleware/rate-limit.js';
import type { CaseWorkflows } from '../services/workflow-port.js';
import { mountPublicV1, mountV1 } from './routes/v1.js';
import { createMetrics } from './metrics/app-metrics.js';
import { readPayrollFigures, readTaskFigures } from '../services/reports/operational-figures.js';
import { temporalFigures } from '../services/temporal/temporal-figures.js';
import { temporalCaseWorkflows } from '../services/temporal/temporal-case-workflows.js';
import { systemClock, type BusinessClock } from '../services/business-clock.js';
import type { Tracing } from '../services/telemetry/tracing.js';

export interface ApiServerOptions {
  orm: MikroORM;
  temporal: { address: string; namespace: string; taskQueue: string };
  port: number;
  jwtSecret: string;
  /** The web workbench's demo sign-in (issue 5): only when switched on (DEMO_SIGN_IN; on for npm start). Pages are always served. */
  devSignIn?: boolean;
  log?: (line: string) => void;
  /** Uploaded attachments live under `<dataDir>/attachments` (config DATA_DIR; `.data` by default). */
  dataDir?: string;
  /** "Now" and "today" for every route and page (default: the system clock). */
  clock?: BusinessClock;
  /** How bearer tokens are verified (api/auth/select-verifier.ts); default HS256 with `jwtSecret`. */
  verifyToken?: TokenVerifier;
  /** 429 limits per minute; left out, nothing is limited (tests). */
  rateLimits?: RateLimits;
  /** OpenTelemetry traces (services/telemetry/tracing.ts): request spans and the Temporal client's; left out, none. */
  tracing?: Tracing;
  /** The audit chains' anchors kept outside the database (AUDIT_ANCHOR_FILE): the verification route checks them too. */
  auditAnchors?: AuditAnchorStore;
}

/** Builds the app on real PostgreSQL and Temporal connections and listens; `close()` stops both. */
export async function startApiServer(options: ApiServerOptions): Promise<{ url: string; cases: CaseWorkflows; close(): Promise<void> }> {
  const connection = await Connection.connect({ address: options.temporal.address });
  const client = new Client({ connection, namespace: options.temporal.namespace, plugins: options.tracing ? [options.tracing.plugin] : [] });
  const cases = temporalCaseWorkflows(client, options.temporal.taskQueue);
  const clock = options.clock ?? systemClock;
  const metrics = createMetrics({
    tasks: () => readTaskFigures(options.orm.em.fork(), clock),
    payrolls: () => readPayrollFigures(options.orm.em.fork()),
    temporal: () => temporalFigures(client, options.temporal.namespace, options.temporal.taskQueue),
  });
  const app = createApp({
    orm: options.orm,
    metrics,
    verifyToken: options.verifyToken ?? hs256Verifier(options.jwtSecret),
    rateLimits: options.rateLimits,
    ...(options.tracing && { tracer: options.tracing.tracer }),
    ready: async () => ({
      database: await options.orm.isConnected(),
      temporal: await cases.ping().catch(() => false),
    }),
    mountPublic: (pub) => mountPublicV1(pub, { orm: options.orm, clock }),
    mount: (v1) =>
      mountV1(v1, {
        cases,
        clock,
        attachments: new AttachmentStore(join(options.dataDir ?? '.data', 'attachments')),
        ...(options.auditAnchors && { auditAnchors: options.auditAnchors }),
      }),
    log: options.log,
    web: { devSignIn: options.devSignIn ?? false, jwtSecret: options.jwtSecret, clock: () => clock.now() },
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: '0.0.0.0' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cases,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connection.close();
    },
  };
}
