// `npm start`: everything a newcomer needs on one machine, in one log (docs/operations.md). PostgreSQL and the
// Temporal dev server are started here unless DATABASE_URL / TEMPORAL_ADDRESS point at running ones; the worker and
// the API run in this process. `npm start -- --fresh` wipes DATA_DIR first. Ctrl-C stops everything in reverse order.
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import { SpoolFileNoticeChannel } from '../services/adapters/notice-channel.js';
import { JsonLinesAuditAnchorStore } from '../services/adapters/audit-anchor-store.js';
import { SpoolDirectoryTransferExchange } from '../services/adapters/transfer-exchange.js';
import { startApiServer } from '../api/server.js';
import { migrateToLatest } from '../db/migrator.js';
import { createOrm } from '../db/orm.js';
import { seedDemoData } from '../db/seed/demo-data.js';
import { seedReferenceData } from '../db/seed/reference-data.js';
import { DEMO_RETIREE_ID } from '../api/web/demo-identities.js';
import { loadConfig } from './config.js';
import { DEV_POSTGRES_PORT, DEV_TEMPORAL_PORT, DEV_TEMPORAL_UI_PORT, devPostgresDir, devTemporalDbFile } from './tools/dev-locations.js';
import { tokenVerifierFor } from '../api/auth/select-verifier.js';
import { startEmbeddedPostgres } from './tools/embedded-postgres.js';
import { startTemporalDevServer } from './tools/temporal-dev-server.js';
import { startWorker } from './worker-runtime.js';
import { tracingFromEnvironment } from '../services/telemetry/tracing.js';

type Tag = 'dev' | 'postgres' | 'temporal' | 'db' | 'worker' | 'api';

const POSTGRES_PORT = DEV_POSTGRES_PORT;
const TEMPORAL_PORT = DEV_TEMPORAL_PORT;
const TEMPORAL_UI_PORT = DEV_TEMPORAL_UI_PORT;

// npm start is the one place the demonstration sign-in is on unless DEMO_SIGN_IN=off says otherwise.
const config = loadConfig(process.env, { demoSignIn: true });
const debug = config.logLevel === 'debug';
const startedAt = Date.now();

function say(tag: Tag, line: string): void {
  process.stdout.write(`${`[${tag}]`.padEnd(11)}${line}\n`);
}

// Postgres reports every checkpoint and connection at LOG level; below debug only its warnings and errors show.
const routinePostgresLine = /^\d{4}-\d\d-\d\d [\d:.]+ \S+ \[\d+\] (LOG|DETAIL|HINT|STATEMENT|CONTEXT):/;

/** What has been started, in order; shutdown pops it. */
const running: { tag: Tag; stop: () => Promise<void> }[] = [];
let starting: Promise<unknown> = Promise.resolve();
let stopping: Promise<never> | null = null;

/**
 * Runs one start-up step and records how to undo it. A Ctrl-C while the step runs waits for it (shutdown awaits
 * `starting`), so a server halfway through starting is stopped too instead of being orphaned, and nothing after it
 * starts.
 */
async function step<T>(tag: Tag, start: () => Promise<T>, stopOf?: (started: T) => () => Promise<void>): Promise<T> {
  const pending = start();
  starting = pending.then(
    (started) => stopOf && running.push({ tag, stop: stopOf(started) }),
    () => undefined,
  );
  const started = await pending;
  await starting;
  if (stopping) await stopping;
  return started;
}

function shutdown(reason: string, exitCode: number): Promise<never> {
  stopping ??= (async () => {
    say('dev', `${reason}: stopping`);
    await starting;
    let code = exitCode;
    for (let item = running.pop(); item; item = running.pop()) {
      try {
        await item.stop();
        say(item.tag, 'stopped');
      } catch (error) {
        say(item.tag, `did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
        code = 1;
      }
    }
    process.exit(code);
  })();
  return stopping;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) say('dev', 'already stopping, please wait');
    else void shutdown(signal, 0);
  });
}

// The worker's SDK log goes through the same tagged output. Signals are ours: the SDK would otherwise shut the
// worker down on its own at the first Ctrl-C, before the API that still routes requests to it.
const sdkLevel: LogLevel = debug ? 'DEBUG' : config.logLevel === 'info' ? 'INFO' : 'WARN';
Runtime.install({
  shutdownSignals: [],
  logger: new DefaultLogger(sdkLevel, (entry) => {
    const meta = entry.meta && Object.keys(entry.meta).length > 0 ? ` ${JSON.stringify(entry.meta)}` : '';
    // Multi-line messages (the workflow bundler's webpack report) are shortened to their first line below debug.
    const [first = '', ...rest] = entry.message.split('\n');
    const more = rest.length > 0 && !debug ? ` (+${rest.length} lines with LOG_LEVEL=debug)` : '';
    say('worker', `${entry.level} ${first}${more}${meta}`);
    if (debug) rest.forEach((line) => say('worker', `  ${line}`));
  }),
});

try {
  const dataDir = resolve(config.dataDir);
  if (process.argv.includes('--fresh')) {
    say('dev', `--fresh: deleting ${dataDir}`);
    await rm(dataDir, { recursive: true, force: true });
  }

  let databaseUrl = config.db.url;
  if (databaseUrl === undefined) {
    const postgresDir = devPostgresDir(dataDir);
    say('postgres', `starting embedded PostgreSQL 17 on 127.0.0.1:${POSTGRES_PORT}, data in ${postgresDir}`);
    const postgres = await step(
      'postgres',
      () =>
        startEmbeddedPostgres({
          dataDir: postgresDir,
          port: POSTGRES_PORT,
          persistent: true,
          detached: true,
          log: (line) => {
            if (debug || !routinePostgresLine.test(line)) say('postgres', line);
          },
        }),
      (started) => () => started.stop(),
    );
    databaseUrl = postgres.url;
  } else {
    say('postgres', 'using DATABASE_URL');
  }

  let temporalAddress = config.temporal.address;
  let temporalUi: string | null = null;
  if (temporalAddress === undefined) {
    const dbFile = devTemporalDbFile(dataDir);
    say('temporal', `starting the Temporal dev server on 127.0.0.1:${TEMPORAL_PORT}, state in ${dbFile}`);
    const temporal = await step(
      'temporal',
      () =>
        startTemporalDevServer({
          port: TEMPORAL_PORT,
          uiPort: TEMPORAL_UI_PORT,
          dbFile,
          detached: true,
          log: (line) => say('temporal', line),
        }),
      (started) => () => started.stop(),
    );
    temporalAddress = temporal.address;
    temporalUi = temporal.uiUrl;
  } else {
    say('temporal', `using TEMPORAL_ADDRESS ${temporalAddress}`);
  }

  const orm = await step(
    'db',
    () => createOrm(databaseUrl),
    (started) => () => started.close(),
  );
  const applied = await step('db', () => migrateToLatest(orm));
  say('db', applied.length === 0 ? 'schema is up to date' : `applied migrations: ${applied.join(', ')}`);
  await step('db', () => seedReferenceData(orm));
  await step('db', () => seedDemoData(orm, { citizenId: DEMO_RETIREE_ID, name: '张建国', birthDate: '1964-06-15' }));
  say('db', 'reference data in place');

  const { namespace, taskQueue } = config.temporal;
  // Traces over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (docs/operations.md "Traces"); one provider for both parts.
  const tracing = await step(
    'worker',
    async () => tracingFromEnvironment('dev'),
    (started) => async () => started?.shutdown(),
  );
  const noticeSpool = join(dataDir, 'notices', 'outbox.jsonl'); // what a letter/SMS service would pick up
  const exchange = new SpoolDirectoryTransferExchange(join(dataDir, 'transfer-exchange')); // the transfer platform's gateway
  await step(
    'worker',
    () =>
      startWorker({
        orm,
        temporalAddress,
        namespace,
        taskQueue,
        notices: new SpoolFileNoticeChannel(noticeSpool),
        exchange,
        arrearsSweepSchedule: true,
        ...(tracing && { tracing }),
        verificationSweepSchedule: true,
        auditAnchors: { store: new JsonLinesAuditAnchorStore(config.auditAnchors.file), everyMs: config.auditAnchors.everyMs },
        documentRendering: config.documentRendering,
      }),
    (started) => () => started.shutdown(),
  );
  say('worker', `polling task queue "${taskQueue}" in namespace "${namespace}" on ${temporalAddress}`);

  const verifyToken = await tokenVerifierFor(config.auth);
  const api = await step(
    'api',
    () =>
      startApiServer({
        orm,
        temporal: { address: temporalAddress, namespace, taskQueue },
        port: config.http.port,
        jwtSecret: config.auth.jwtSecret,
        verifyToken,
        rateLimits: config.rateLimits,
        devSignIn: config.demoSignIn,
        dataDir,
        auditAnchors: new JsonLinesAuditAnchorStore(config.auditAnchors.file),
        ...(tracing && { tracing }),
      }),
    (started) => () => started.close(),
  );
  say('api', `listening on ${api.url}`);

  if (!stopping) {
    say('dev', `ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    say('dev', `  API            ${api.url}`);
    say('dev', `  API docs       ${new URL('/docs', api.url).href}`);
    say('dev', `  Temporal UI    ${temporalUi ?? `(external Temporal at ${temporalAddress})`}`);
    say('dev', `  Notices        ${noticeSpool}`);
    say('dev', '  Ctrl-C stops everything; `npm start -- --fresh` starts over with empty data.');
  }
} catch (error) {
  if (!stopping) say('dev', `start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await shutdown('start failed', 1);
}
