// The Temporal dev server (`temporal server start-dev`): a single-binary Temporal with SQLite or in-memory storage,
// used by bin/dev.ts and the integration tests. Production runs a real cluster (docker-compose.yml).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { followOutput, processCommand, processIsAlive, stopChild, stopPid, tailBuffer, waitForExit } from './process-control.js';
import { temporalCliPath } from './temporal-binaries.js';

export type TemporalDevServerOptions = {
  /** Frontend gRPC port, bound on 127.0.0.1. */
  port: number;
  /** Web UI port, or null for a headless server. */
  uiPort: number | null;
  /** SQLite file that keeps workflows across restarts, or null for an in-memory server. */
  dbFile: string | null;
  /** One call per line the server prints (it runs with --log-level warn). */
  log?: (line: string) => void;
  /**
   * Own process group, so a terminal Ctrl-C reaches only us and the caller stops the server in its order
   * (see embedded-postgres.ts). A crash then leaves an orphan, which the next start on the same dbFile stops.
   */
  detached?: boolean;
};

export type RunningTemporal = { address: string; uiUrl: string | null; stop(): Promise<void> };

const START_TIMEOUT_MS = 60_000;

/**
 * Spawns `temporal server start-dev` and resolves only once the frontend answers `GetSystemInfo` and the `default`
 * namespace exists; otherwise throws with the server's last output.
 */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningTemporal> {
  const log = options.log ?? (() => undefined);
  const address = `127.0.0.1:${options.port}`;
  const dbFile = options.dbFile === null ? null : resolve(options.dbFile);
  const pidFile = dbFile === null ? null : `${dbFile}.pid`;
  if (dbFile !== null && pidFile !== null) {
    await mkdir(dirname(dbFile), { recursive: true });
    await stopOrphan(pidFile, dbFile, log);
  }

  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port)];
  // The news feed is an outbound request from every browser tab; nothing here needs it.
  args.push(...(options.uiPort === null ? ['--headless'] : ['--ui-port', String(options.uiPort), '--ui-disable-news-fetch']));
  if (dbFile !== null) args.push('--db-filename', dbFile);
  args.push('--log-level', 'warn');

  const child = spawn(temporalCliPath(), args, { detached: options.detached ?? false, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail = tailBuffer(40);
  let stopping = false;
  // The CLI prints its banner only once its own services are up. Without this, a server someone else already runs on
  // the port would answer the readiness probe while ours dies on "address already in use".
  let markBanner: () => void = () => undefined;
  const banner = new Promise<void>((r) => (markBanner = r));
  followOutput(child, (line) => {
    tail.push(line);
    if (line.includes('Temporal Server:')) markBanner();
    // Its own pollers complain loudly while it shuts down (connection refused, context canceled); that is expected.
    if (!stopping) log(line);
  });
  const exited = waitForExit(child);
  const spawnError = new Promise<Error>((r) => child.once('error', r));
  const killOnExit = () => child.kill('SIGINT');
  process.on('exit', killOnExit);
  if (pidFile !== null && child.pid !== undefined) await writeFile(pidFile, `${child.pid}\n`);

  const stop = async () => {
    stopping = true;
    process.removeListener('exit', killOnExit);
    await stopChild(child, 'SIGINT', 15_000);
    if (pidFile !== null) await rm(pidFile, { force: true });
  };

  const giveUp = new AbortController();
  const problem = await Promise.race([
    banner.then(() => waitUntilServing(address, giveUp.signal)),
    exited.then(() => `exited with code ${String(child.exitCode ?? child.signalCode)}`),
    spawnError.then((error) => `could not be spawned: ${error.message}`),
  ]);
  giveUp.abort();
  if (problem !== null) {
    await stop();
    throw new Error(`Temporal dev server on ${address} ${problem}. Last output:\n${tail.text()}`);
  }
  return { address, uiUrl: options.uiPort === null ? null : `http://127.0.0.1:${options.uiPort}`, stop };
}

/** null once the server answers; a reason when it does not within the timeout. */
async function waitUntilServing(address: string, giveUp: AbortSignal): Promise<string | null> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastError = 'no answer yet';
  while (Date.now() < deadline && !giveUp.aborted) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        await connection.workflowService.describeNamespace({ namespace: 'default' });
        return null;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return `did not answer within ${START_TIMEOUT_MS / 1000} s (last error: ${lastError})`;
}

async function stopOrphan(pidFile: string, dbFile: string, log: (line: string) => void): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(await readFile(pidFile, 'utf8'), 10);
  if (Number.isInteger(pid) && pid > 0 && processIsAlive(pid)) {
    const command = processCommand(pid);
    if (command.includes('start-dev') && command.includes(dbFile)) {
      log(`stopping temporal pid ${pid}, left running on ${dbFile} by an earlier run`);
      await stopPid(pid, 'SIGINT', 15_000);
    }
  }
  await rm(pidFile, { force: true });
}
