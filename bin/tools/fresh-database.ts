// A database of its own for a test run or a bench run, thrown away afterwards.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { freePort } from './free-port.js';

export type DropDatabase = () => Promise<void>;

/**
 * With a server URL (DATABASE_URL): a new randomly named database on that server, dropped by `drop()`. Without: an
 * embedded PostgreSQL in a temporary folder on a free port, deleted by `drop()`, started with `settings` (which a
 * server given by URL keeps as it is configured). `label` names the database/folder.
 */
export async function freshDatabase(
  serverUrl: string | undefined,
  label: string,
  options: { settings?: Readonly<Record<string, string>> } = {},
): Promise<{ url: string; drop: DropDatabase }> {
  if (serverUrl === undefined) {
    const dataDir = await mkdtemp(join(tmpdir(), `sis-${label}-postgres-`));
    await chmod(dataDir, 0o755); // mkdtemp's 0700 would keep out the postgres OS user that root runs the server as
    const postgres = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      persistent: false,
      ...(options.settings && { settings: options.settings }),
    });
    return { url: postgres.url, drop: () => postgres.stop() };
  }
  const name = `sis_${label}_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    // FORCE: a connection a failed run left open must not keep the database alive (PostgreSQL 13+).
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
