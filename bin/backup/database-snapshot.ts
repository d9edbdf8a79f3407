// The database half of a backup: every table of the schema copied out in one REPEATABLE READ snapshot (so the copy
// is consistent across tables, as pg_dump's is), in PostgreSQL's binary COPY format, streamed to files. The schema is
// not dumped: it is the migrations, and the manifest names the ones applied. Restoring applies exactly those, loads
// the rows with triggers off (the append-only and hash-chain triggers must not judge rows that are already history),
// moves every sequence past its rows, then applies any newer migrations.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { digestTap, fileSha256 } from './file-digest.js';
import type { TableCopy } from './manifest.js';

const MIGRATIONS_TABLE = 'mikro_orm_migrations';

export async function snapshotDatabase(url: string, dir: string): Promise<{ takenAt: string; migrations: string[]; tables: TableCopy[] }> {
  await mkdir(join(dir, 'db'), { recursive: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const takenAt = await scalar(client, 'select now()::text as value');
    const { rows: migrationRows } = await client.query<{ name: string }>(`select name from ${MIGRATIONS_TABLE} order by id`);
    const tables: TableCopy[] = [];
    for (const table of await publicTables(client)) {
      if (table === MIGRATIONS_TABLE) continue;
      const file = join('db', `${table}.copy`);
      const tap = digestTap();
      await pipeline(client.query(copyTo(`copy ${client.escapeIdentifier(table)} to stdout (format binary)`)), tap, createWriteStream(join(dir, file)));
      const rows = Number(await scalar(client, `select count(*) as value from ${client.escapeIdentifier(table)}`));
      tables.push({ table, rows, file, sha256: tap.sha256(), bytes: tap.bytes() });
    }
    await client.query('commit');
    return { takenAt: new Date(takenAt).toISOString(), migrations: migrationRows.map((r) => r.name), tables };
  } finally {
    await client.end();
  }
}

/**
 * Loads the rows of a snapshot into a database whose schema is at the snapshot's migrations (every table empty or
 * holding only what those migrations seed, which is replaced). One transaction: a failed restore leaves nothing half
 * loaded. Needs a role that may set `session_replication_role` (the owner of the database in the embedded setup).
 */
export async function loadSnapshot(url: string, dir: string, tables: TableCopy[]): Promise<void> {
  for (const copy of tables) {
    const actual = await fileSha256(join(dir, copy.file));
    if (actual !== copy.sha256) throw new Error(`${copy.file}: SHA-256 ${actual} is not the ${copy.sha256} the manifest recorded; the backup is damaged`);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    const names = tables.map((t) => client.escapeIdentifier(t.table)).join(', ');
    if (names) await client.query(`truncate ${names}`);
    for (const copy of tables) {
      await pipeline(createReadStream(join(dir, copy.file)), client.query(copyFrom(`copy ${client.escapeIdentifier(copy.table)} from stdin (format binary)`)));
      const loaded = Number(await scalar(client, `select count(*) as value from ${client.escapeIdentifier(copy.table)}`));
      if (loaded !== copy.rows) throw new Error(`${copy.table}: ${loaded} rows loaded, the manifest says ${copy.rows}`);
    }
    await moveSequencesPastRows(client);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function scalar(client: pg.Client, sql: string): Promise<string> {
  const { rows } = await client.query<{ value: string }>(sql);
  return String(rows[0]?.value);
}

/** Tables of the public schema, by name. */
export async function publicTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ tablename: string }>(`select tablename from pg_tables where schemaname = 'public' order by tablename`);
  return rows.map((r) => r.tablename);
}

/** Every sequence owned by a column continues after the highest value loaded (or starts at 1 on an empty table). */
async function moveSequencesPastRows(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ seq: string; tbl: string; col: string }>(`
    select s.relname as seq, t.relname as tbl, a.attname as col
      from pg_class s
      join pg_depend d on d.objid = s.oid and d.deptype in ('a', 'i')
      join pg_class t on t.oid = d.refobjid
      join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
      join pg_namespace n on n.oid = s.relnamespace
     where s.relkind = 'S' and n.nspname = 'public'`);
  for (const { seq, tbl, col } of rows) {
    await client.query(
      `select setval($1::regclass, coalesce((select max(${client.escapeIdentifier(col)}) from ${client.escapeIdentifier(tbl)}), 1), (select max(${client.escapeIdentifier(col)}) from ${client.escapeIdentifier(tbl)}) is not null)`,
      [seq],
    );
  }
}
