import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type RunningPostgres } from '../../bin/tools/embedded-postgres.js';
import { freePort } from '../../bin/tools/free-port.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) await cleanup();
});

/** mkdtemp makes the folder 0700; `open` lets the postgres OS user (used when we are root) traverse it. */
async function tempDir({ open = true } = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sis-pg-test-'));
  if (open) await chmod(dir, 0o755);
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string, port: number, persistent: boolean): Promise<RunningPostgres> {
  const postgres = await startEmbeddedPostgres({ dataDir, port, persistent });
  cleanups.push(() => postgres.stop());
  return postgres;
}

async function query<R extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  it('keeps data across a stop and a start when persistent (docs/operations.md: a second start keeps the data)', async () => {
    const dataDir = join(await tempDir(), 'postgres');
    const port = await freePort();

    const first = await start(dataDir, port, true);
    expect(first.url).toBe(`postgres://postgres:postgres@127.0.0.1:${port}/sis`);
    await query(first.url, 'CREATE TABLE person (name text NOT NULL)');
    await query(first.url, 'INSERT INTO person VALUES ($1)', ['张三']);
    await first.stop();
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);

    const second = await start(dataDir, port, true);
    expect(await query(second.url, 'SELECT name FROM person')).toEqual([{ name: '张三' }]);
    expect(await query(second.url, "SELECT current_setting('server_encoding') AS encoding")).toEqual([{ encoding: 'UTF8' }]);
  });

  it('deletes its folder on stop when not persistent (fresh database per test run)', async () => {
    const dataDir = join(await tempDir(), 'postgres');
    const postgres = await start(dataDir, await freePort(), false);
    expect(await query(postgres.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);

    await postgres.stop();

    expect(existsSync(dataDir)).toBe(false);
  });

  it('starts over a postmaster.pid left by a crashed run whose pid now belongs to another process', async () => {
    const dataDir = join(await tempDir(), 'postgres');
    const port = await freePort();
    const first = await start(dataDir, port, true);
    await query(first.url, 'CREATE TABLE marker (id int)');
    await first.stop();
    // This test's own pid: alive, and certainly not a postmaster for this folder — the container pid-reuse case.
    await writeFile(join(dataDir, 'postmaster.pid'), `${process.pid}\n${dataDir}\n`);

    const second = await start(dataDir, port, true);

    expect(await query(second.url, "SELECT to_regclass('marker')::text AS name")).toEqual([{ name: 'marker' }]);
  });

  it('keeps the cluster where the postgres user can reach it when its folder is private and we are root', async () => {
    const dataDir = join(await tempDir({ open: false }), 'postgres');
    const postgres = await start(dataDir, await freePort(), false);
    expect(await query(postgres.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);

    if (process.getuid?.() === 0) {
      const clusterDir = (await readFile(join(dataDir, 'CLUSTER-LOCATION.txt'), 'utf8')).trim();
      expect(clusterDir).toMatch(/^\/var\/tmp\/sis-embedded-postgres\/[0-9a-f]{16}$/);
      expect(existsSync(join(clusterDir, 'PG_VERSION'))).toBe(true);
      await postgres.stop();
      expect(existsSync(clusterDir)).toBe(false);
    } else {
      // Not root: postgres runs as us and reads the folder directly.
      expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    }
  });

  it("fails with the server's own output when the port is taken", async () => {
    const port = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => blocker.close(() => resolve())));

    const dataDir = join(await tempDir(), 'postgres');

    await expect(start(dataDir, port, false)).rejects.toThrow(/PostgreSQL on port \d+ .*exited[\s\S]*could not (bind|create any TCP\/IP sockets)/);
    expect(existsSync(dataDir)).toBe(false); // a throwaway cluster that failed is not left behind
  });
});
