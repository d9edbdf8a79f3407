// The system under measurement, started the way the integration tests start it (test/support/global-setup.ts and
// system.ts): a fresh database, an in-memory Temporal dev server, a worker on its own task queue and the API on a free
// port, all in this process except the two servers. `close()` undoes every step in reverse order.
import { randomBytes, randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client, Connection } from '@temporalio/client';
import { MemoryNoticeChannel } from '../../services/adapters/notice-channel.js';
import { signToken, type TokenRequest } from '../../api/auth/tokens.js';
import { startApiServer } from '../../api/server.js';
import { migrateToLatest } from '../../db/migrator.js';
import { createOrm } from '../../db/orm.js';
import { seedReferenceData } from '../../db/seed/reference-data.js';
import { freshDatabase } from '../tools/fresh-database.js';
import { runTemporal } from '../tools/run-temporal.js';
import { startWorker } from '../worker-runtime.js';
import { systemClock, type BusinessClock } from '../../services/business-clock.js';

const JWT_SECRET = `bench-${randomBytes(24).toString('hex')}`;

type Stop = () => Promise<void>;

/** One access-log line of the API (api/middleware/access-log.ts); `ms` is whole milliseconds. */
export interface AccessLine {
  method: string;
  path: string;
  status: number;
  ms: number;
}

export interface BenchSystem {
  orm: MikroORM;
  /** The one business clock of the bench: the API, the worker and every "today" a bench needs read it. */
  clock: BusinessClock;
  url: string;
  taskQueue: string;
  /** A Temporal client of the bench's own, on the same server and namespace as the API's. */
  temporal: Client;
  postgresVersion: string;
  token(claims: TokenRequest): Promise<string>;
  call(method: string, path: string, options?: { token?: string; body?: unknown }): Promise<{ status: number; body: Record<string, unknown> }>;
  /** The access-log lines written since the last call, oldest first. */
  takeAccessLines(): AccessLine[];
  close(): Promise<void>;
}

export async function startBenchSystem(options: {
  databaseUrl: string | undefined;
  /** A Temporal server of someone else's (TEMPORAL_ADDRESS); absent: an in-memory dev server of the bench's own. */
  temporal?: { address: string | undefined; namespace: string };
  say: (line: string) => void;
  clock?: BusinessClock;
}): Promise<BenchSystem> {
  const clock = options.clock ?? systemClock;
  const stops: Stop[] = [];
  const close = async () => {
    for (let stop = stops.pop(); stop; stop = stops.pop()) {
      await stop().catch((error: unknown) => options.say(`cleanup step failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  };
  try {
    options.say(options.databaseUrl ? 'creating a fresh database on DATABASE_URL' : 'starting an embedded PostgreSQL in a temporary folder');
    const database = await freshDatabase(options.databaseUrl, 'bench');
    stops.push(database.drop);

    const temporalServer = await runTemporal({ address: options.temporal?.address, namespace: options.temporal?.namespace ?? 'default', say: options.say });
    stops.push(() => temporalServer.stop());

    // Pool as large as the bench's HTTP concurrency plus the worker's activities, so the pool is not what is measured.
    const orm = await createOrm(database.url, { poolMax: 30 });
    stops.push(() => orm.close());
    await migrateToLatest(orm);
    await seedReferenceData(orm);
    const [{ server_version: postgresVersion = '?' } = {}] = await orm.em.fork().execute<{ server_version: string }[]>('show server_version');

    const taskQueue = `bench-${randomUUID()}`;
    // Printed so that more bin/worker.ts processes can join this run's queue (docs/performance.md "Scale-out").
    options.say(`starting the worker (bundling workflows) on task queue ${taskQueue}, database ${database.url.replace(/\/\/[^@/]*@/, '//…@')}`);
    const worker = await startWorker({
      orm,
      temporalAddress: temporalServer.address,
      namespace: temporalServer.namespace,
      taskQueue,
      notices: new MemoryNoticeChannel(),
      clock,
    });
    stops.push(() => worker.shutdown());

    const accessLines: AccessLine[] = [];
    const api = await startApiServer({
      orm,
      temporal: { address: temporalServer.address, namespace: temporalServer.namespace, taskQueue },
      port: 0,
      clock,
      jwtSecret: JWT_SECRET,
      log: (line) => {
        const entry = JSON.parse(line) as Partial<AccessLine> & { msg?: string };
        if (entry.msg === 'request') accessLines.push(entry as AccessLine);
        else if (entry.msg !== undefined) options.say(`api: ${line}`);
      },
    });
    stops.push(() => api.close());

    const connection = await Connection.connect({ address: temporalServer.address });
    stops.push(() => connection.close());
    const temporal = new Client({ connection, namespace: temporalServer.namespace });

    return {
      orm,
      clock,
      url: api.url,
      taskQueue,
      temporal,
      postgresVersion,
      token: (claims) => signToken(JWT_SECRET, claims),
      async call(method, path, { token, body } = {}) {
        const headers: Record<string, string> = {};
        if (token) headers.authorization = `Bearer ${token}`;
        if (body !== undefined) headers['content-type'] = 'application/json';
        const response = await fetch(`${api.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        const text = await response.text();
        return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
      },
      takeAccessLines: () => accessLines.splice(0),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
