// Global setup of the vitest `integration` project: one fresh, migrated database and one in-memory Temporal dev
// server for the whole run, so no test depends on state another run left behind. Anything that cannot start fails
// the run; nothing is skipped.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../bin/config.js';
import { startEmbeddedPostgres } from '../../bin/tools/embedded-postgres.js';
import { freePort } from '../../bin/tools/free-port.js';
import { startTemporalDevServer } from '../../bin/tools/temporal-dev-server.js';
import { temporalCliPath, temporalTestServerPath } from '../../bin/tools/temporal-binaries.js';
import { migrateToLatest } from '../../db/migrator.js';
import { createOrm } from '../../db/orm.js';

type Stop = () => Promise<void>;

export async function setup(project: TestProject): Promise<Stop> {
  const stops: Stop[] = [];
  // vitest registers the teardown only when setup returns, so a setup that fails halfway cleans up itself.
  const teardown = async () => {
    for (let stop = stops.pop(); stop; stop = stops.pop()) await stop();
  };
  try {
    // Both binaries, even though only the CLI runs here: workflow tests use the time-skipping server.
    temporalCliPath();
    temporalTestServerPath();

    const database = await freshDatabase(loadConfig().db.url);
    stops.push(database.drop);
    const orm = await createOrm(database.url);
    try {
      await migrateToLatest(orm);
    } finally {
      await orm.close();
    }

    const temporal = await startTemporalDevServer({ port: await freePort(), uiPort: null, dbFile: null });
    stops.push(() => temporal.stop());

    project.provide('databaseUrl', database.url);
    project.provide('temporalAddress', temporal.address);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}

/**
 * With DATABASE_URL: a new randomly named database on that server, dropped at the end. Without: an embedded
 * PostgreSQL in a temporary folder on a free port, deleted at the end.
 */
async function freshDatabase(serverUrl: string | undefined): Promise<{ url: string; drop: Stop }> {
  if (serverUrl === undefined) {
    const dataDir = await mkdtemp(join(tmpdir(), 'sis-test-postgres-'));
    await chmod(dataDir, 0o755); // mkdtemp's 0700 would keep out the postgres OS user that root runs the server as
    const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
    return { url: postgres.url, drop: () => postgres.stop() };
  }
  const name = `sis_test_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    // FORCE: a connection a failed test left open must not keep the database alive (PostgreSQL 13+).
    drop: () => onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`)),
  };
}

async function onServer(serverUrl: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
