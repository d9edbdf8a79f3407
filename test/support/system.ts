import type { Tracing } from '../../services/telemetry/tracing.js';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AuditAnchorStore } from '../../services/adapters/audit-anchor-store.js';
import { MemoryNoticeChannel } from '../../services/adapters/notice-channel.js';
import { SpoolDirectoryTransferExchange } from '../../services/adapters/transfer-exchange.js';
import { signToken, type TokenRequest } from '../../api/auth/tokens.js';
import { startApiServer } from '../../api/server.js';
import type { CaseWorkflows } from '../../services/workflow-port.js';
import { installSdkLogging, startWorker } from '../../bin/worker-runtime.js';
import { createOrm } from '../../db/orm.js';
import { defineAbilityFor, type Actor } from '../../policies/abilities.js';
import { systemClock, type BusinessClock } from '../../services/business-clock.js';
import type { CommandContext } from '../../services/command-context.js';
import { callerOf, personalDataLeaks, type RecordedAnswer } from './personal-data-leaks.js';
import { copyOfTemplate, registerNamespace, servicesForTest } from './services.js';

export const TEST_JWT_SECRET = 'integration-test-secret-0123456789-abcdef';

export interface TestSystem {
  orm: MikroORM;
  url: string;
  cases: CaseWorkflows;
  notices: MemoryNoticeChannel;
  /** The transfer platform's spool of this system's worker (a folder of its own): a fake counterpart answers here. */
  exchange: SpoolDirectoryTransferExchange;
  taskQueue: string;
  temporalAddress: string;
  /** The Temporal namespace its worker and API use: the file's own, or a second one with `ownDatabase`. */
  namespace: string;
  /** A Temporal client on the same server, for tests that look at workflows themselves. */
  temporal: Client;
  /** The business clock the API and the activities use; expectations about "today" derive from it. */
  clock: BusinessClock;
  token(claims: TokenRequest): Promise<string>;
  /**
   * A JSON request through real HTTP; answers status and parsed body. A task decision (`POST /v1/tasks/{id}/complete`)
   * answers before the case's follow-up has run (its `case.settled` is false): the call then waits, as a client that
   * wants the next task does, with `GET /v1/cases/{caseId}?wait=settled` (docs/api.md "Cases and tasks"), so a test
   * finds what the decision led to (the next task, the records, the notices) as soon as the call returns.
   */
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are asserted field by field
  ): Promise<{ status: number; body: any; headers: Headers }>;
  /** Polls `check` until it returns a value (not undefined) or the time runs out. */
  eventually<T>(check: () => Promise<T | undefined>, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/**
 * The whole system for one test file on the run's real services: the file's database (a seeded copy of the run's
 * template), the Temporal dev server in the file's namespace, a worker on a task queue of its own, and the API on a
 * free port. With `ownDatabase`, a second copy and namespace, dropped at close(): for a file that starts a system twice
 * and needs the second not to see what the first left (a case whose workflow waits on a stopped task queue).
 */
export async function startSystem(
  options: {
    clock?: BusinessClock;
    ownDatabase?: boolean;
    tracing?: Tracing;
    /** The worker's official documents round (off by default: a test run does not render every notice it writes). */
    documentRendering?: { batch: number; everyMs: number };
    /** The anchors the API's chain verification checks (none by default). */
    auditAnchors?: AuditAnchorStore;
  } = {},
): Promise<TestSystem> {
  const clock = options.clock ?? systemClock;
  const services = await servicesForTest();
  const { temporalAddress } = services;
  const own = options.ownDatabase ? await copyOfTemplate('own') : null;
  const databaseUrl = own?.url ?? services.databaseUrl;
  installSdkLogging('WARN');
  const orm = await createOrm(databaseUrl);
  // The template has this already; a file that changed it gets it back with its next system.
  await orm.em.fork().execute(
    `insert into setting (key, value, updated_at) values ('enrollment.policy', '{"reviewSampleRate":"0"}', now())
     on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`,
  );
  const taskQueue = `test-${randomUUID()}`;
  const notices = new MemoryNoticeChannel();
  const exchangeDir = mkdtempSync(join(tmpdir(), 'sis-exchange-'));
  const exchange = new SpoolDirectoryTransferExchange(exchangeDir);
  const connection = await Connection.connect({ address: temporalAddress });
  // Case IDs come from business keys and a per-database count, so a database of its own needs a Temporal namespace
  // of its own too: else its first payroll of a region and month is the workflow the file's other system started.
  const namespace = own ? await registerNamespace(temporalAddress) : services.namespace;
  const worker = await startWorker({
    orm,
    temporalAddress,
    namespace,
    taskQueue,
    notices,
    housekeepingMs: 200,
    clock,
    exchange,
    ...(options.documentRendering && { documentRendering: options.documentRendering }),
    // The run's bundle (no webpack per worker), except with tracing: that bundle must hold the interceptor module.
    ...(options.tracing ? { tracing: options.tracing } : { workflowBundlePath: services.workflowBundleCodePath }),
  });
  const temporal = new Client({ connection, namespace });
  // Every answer and every API log line of the file is kept for the personal-data scan at close() (issue 15 point 4).
  const answers: RecordedAnswer[] = [];
  const logLines: string[] = [];
  const api = await startApiServer({
    orm,
    temporal: { address: temporalAddress, namespace, taskQueue },
    port: 0,
    jwtSecret: TEST_JWT_SECRET,
    log: (line) => (process.env.SIS_TEST_LOG ? console.error(line) : undefined, logLines.push(line)),
    clock,
    ...(options.tracing && { tracing: options.tracing }),
    ...(options.auditAnchors && { auditAnchors: options.auditAnchors }),
  });
  return {
    orm,
    url: api.url,
    cases: api.cases,
    notices,
    exchange,
    taskQueue,
    temporalAddress,
    namespace,
    temporal,
    clock,
    token: (claims) => signToken(TEST_JWT_SECRET, claims),
    async call(method, path, options = {}) {
      const answer = await send(method, path, options);
      const decided = answer.body as { case?: { caseId?: string; settled?: boolean } } | null;
      if (method === 'POST' && answer.status === 200 && /^\/v1\/tasks\/[^/]+\/complete$/.test(path) && decided?.case?.settled === false) {
        await settledAfterDecision(decided.case.caseId ?? '', options.token);
      }
      return answer;
    },
    async eventually(check, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await check();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error('condition not met in time');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      await api.close();
      await connection.close();
      await worker.shutdown();
      await orm.close();
      await own?.drop();
      rmSync(exchangeDir, { recursive: true, force: true });
      // Fails the file's afterAll when any answer gave personal data to a role that does not need it, or a log line held it.
      const leaks = personalDataLeaks(answers, logLines);
      if (leaks.length > 0) throw new Error(`personal data leaked (${leaks.length}):\n${[...new Set(leaks)].slice(0, 40).join('\n')}`);
    },
  };

  /** Waits (each GET waits up to 5 s on the server) until the case says its last decision's follow-up has run. */
  async function settledAfterDecision(caseId: string, token: string | undefined): Promise<void> {
    const giveUpAt = Date.now() + 30_000;
    for (;;) {
      const view = await send('GET', `/v1/cases/${encodeURIComponent(caseId)}?wait=settled`, { token });
      if (view.status !== 200) throw new Error(`waiting for case ${caseId} to settle: ${view.status} ${JSON.stringify(view.body)}`);
      if ((view.body as { settled?: boolean }).settled !== false) return;
      if (Date.now() > giveUpAt) throw new Error(`case ${caseId}: the follow-up of its last decision did not finish within 30 s`);
    }
  }

  async function send(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: unknown; headers: Headers }> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const response = await fetch(`${api.url}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    answers.push({ method, path, status: response.status, caller: callerOf(options.token), body: parsed });
    return { status: response.status, body: parsed, headers: response.headers };
  }
}

/**
 * A command context on the system's database for `actor`, as the API builds one per request (its own unit of work,
 * the actor's CASL ability, the system's clock and workflows): for tests that call services/ commands directly.
 */
export function contextFor(system: Pick<TestSystem, 'orm' | 'cases' | 'clock'>, actor: Actor): CommandContext {
  return { em: system.orm.em.fork(), actor, ability: defineAbilityFor(actor), requestId: `test-${randomUUID()}`, clock: system.clock, workflows: system.cases };
}
