// The system of the crash drill, run the way production runs it (docker-compose.yml): PostgreSQL and a Temporal server
// that stay up, and the API and the worker as separate OS processes (bin/api.ts, bin/worker.ts) that the drill can kill
// with SIGKILL and start again. The workflow bundle is built once, so a restarted worker polls again within seconds.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { signToken, type TokenRequest } from '../../api/auth/tokens.js';
import { migrateToLatest } from '../../db/migrator.js';
import { createOrm } from '../../db/orm.js';
import { seedReferenceData } from '../../db/seed/reference-data.js';
import { freePort } from '../tools/free-port.js';
import { freshDatabase } from '../tools/fresh-database.js';
import { followOutput, stopChild, tailBuffer, waitForExit } from '../tools/process-control.js';
import { runTemporal } from '../tools/run-temporal.js';
import { workflowsPath } from '../worker-runtime.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START_TIMEOUT_MS = 90_000;

type Stop = () => Promise<void>;

/** One of the two processes the drill kills: started again by `start()`, counted by `kills`. */
export interface KillableProcess {
  readonly name: 'api' | 'worker';
  readonly kills: number;
  readonly starts: number;
  running(): boolean;
  /** The OS process ID while it runs (the memory figure reads its resident set), else null. */
  pid(): number | null;
  start(): Promise<void>;
  /** SIGKILL: no shutdown hook runs, in-flight requests and activities die with it. */
  kill(): Promise<void>;
}

export interface ChaosStack {
  orm: MikroORM;
  url: string;
  taskQueue: string;
  temporal: Client;
  api: KillableProcess;
  worker: KillableProcess;
  /** Where the API's and the worker's own output goes (`api.log`, `worker.log`); kept after the drill. */
  logDir: string;
  token(claims: TokenRequest): Promise<string>;
  close(): Promise<void>;
}

export async function startChaosStack(options: {
  databaseUrl: string | undefined;
  /** A Temporal server of someone else's (TEMPORAL_ADDRESS); absent: an in-memory dev server of the stack's own. */
  temporal?: { address: string | undefined; namespace: string };
  /** Settings for both processes beside the stack's own (the memory bench turns the API's rate limits off). */
  env?: Record<string, string>;
  say: (line: string) => void;
}): Promise<ChaosStack> {
  const stops: Stop[] = [];
  const close = async () => {
    for (let stop = stops.pop(); stop; stop = stops.pop()) {
      await stop().catch((error: unknown) => options.say(`cleanup step failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  };
  try {
    options.say(options.databaseUrl ? 'creating a fresh database on DATABASE_URL' : 'starting an embedded PostgreSQL');
    const database = await freshDatabase(options.databaseUrl, 'chaos');
    stops.push(database.drop);
    const temporalServer = await runTemporal({ address: options.temporal?.address, namespace: options.temporal?.namespace ?? 'default', say: options.say });
    stops.push(() => temporalServer.stop());

    const orm = await createOrm(database.url, { poolMax: 10 });
    stops.push(() => orm.close());
    await migrateToLatest(orm);
    await seedReferenceData(orm);

    const work = await mkdtemp(join(tmpdir(), 'sis-chaos-'));
    stops.push(() => rm(work, { recursive: true, force: true }));
    options.say('bundling the workflows once for every worker start');
    const bundle = join(work, 'workflow-bundle.js');
    await writeFile(bundle, (await bundleWorkflowCode({ workflowsPath, logger: quietLogger })).code);

    const taskQueue = `chaos-${randomUUID()}`;
    const jwtSecret = `chaos-${randomBytes(24).toString('hex')}`;
    const port = await freePort();
    const env = {
      ...process.env,
      NODE_ENV: 'development' as const,
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: temporalServer.address,
      TEMPORAL_NAMESPACE: temporalServer.namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      JWT_SECRET: jwtSecret,
      DATA_DIR: join(work, 'data'),
      WORKFLOW_BUNDLE: bundle,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...options.env,
    };
    const url = `http://127.0.0.1:${port}`;
    const logDir = await mkdtemp(join(tmpdir(), 'sis-chaos-logs-'));
    const api = killableProcess('api', 'bin/api.ts', env, options.say, join(logDir, 'api.log'), () => waitForHealth(url));
    const worker = killableProcess('worker', 'bin/worker.ts', env, options.say, join(logDir, 'worker.log'));
    stops.push(() => api.stop());
    stops.push(() => worker.stop());
    await Promise.all([worker.start(), api.start()]);

    const connection = await Connection.connect({ address: temporalServer.address });
    stops.push(() => connection.close());
    return {
      orm,
      url,
      taskQueue,
      temporal: new Client({ connection, namespace: temporalServer.namespace }),
      api,
      worker,
      logDir,
      token: (claims) => signToken(jwtSecret, claims),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * A child `node --import tsx <entry>` that is ready once it prints its "listening"/"polling" line (and, for the API,
 * answers /health). Its output goes to `logFile`, and to `say` when the process fails to start or exits on its own.
 */
function killableProcess(
  name: 'api' | 'worker',
  entry: string,
  env: NodeJS.ProcessEnv,
  say: (line: string) => void,
  logFile: string,
  ready?: () => Promise<void>,
): KillableProcess & { stop(): Promise<void> } {
  let child: ChildProcess | null = null;
  let kills = 0;
  let starts = 0;
  const marker = name === 'api' ? '[api] listening' : '[worker] polling';
  return {
    name,
    get kills() {
      return kills;
    },
    get starts() {
      return starts;
    },
    running: () => child !== null && child.exitCode === null && child.signalCode === null,
    pid: () => (child !== null && child.exitCode === null && child.signalCode === null ? (child.pid ?? null) : null),
    async start() {
      const output = tailBuffer(30);
      const started = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child = started;
      starts += 1;
      let killedByUs = false;
      started.once('exit', () => {
        if (child === started && !killedByUs && !stoppedOnPurpose.has(started)) say(`${name} exited on its own; last output:\n${output.text()}`);
      });
      const readyLine = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name} did not start within ${START_TIMEOUT_MS / 1000} s:\n${output.text()}`)), START_TIMEOUT_MS);
        followOutput(started, (line) => {
          output.push(line);
          appendFileSync(logFile, `${line}\n`);
          if (line.includes(marker)) {
            clearTimeout(timer);
            resolve();
          }
        });
        void waitForExit(started).then(() => {
          clearTimeout(timer);
          reject(new Error(`${name} exited while starting:\n${output.text()}`));
        });
      });
      markKilled.set(started, () => (killedByUs = true));
      await readyLine;
      if (ready) await ready();
    },
    async kill() {
      const current = child;
      if (current === null || current.exitCode !== null || current.signalCode !== null) return;
      markKilled.get(current)?.();
      current.kill('SIGKILL');
      await waitForExit(current);
      kills += 1;
    },
    async stop() {
      const current = child;
      if (current === null) return;
      stoppedOnPurpose.add(current);
      await stopChild(current, 'SIGTERM', 10_000);
    },
  };
}

const markKilled = new WeakMap<ChildProcess, () => void>();
const stoppedOnPurpose = new WeakSet<ChildProcess>();

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url}/health did not answer`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const quietLogger = { log: () => {}, trace: () => {}, debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
