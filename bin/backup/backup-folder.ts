// One backup: the database snapshot, then (for the dev server) Temporal's state, and the manifest that ties them.
// Temporal is copied after the database, so a case started in between has a workflow and no row — which the restore
// drill's reconciliation shows; the database is the book of record, a workflow without its row is reported, not lost
// money (its effects are written by key when it runs again).
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSnapshot, snapshotDatabase } from './database-snapshot.js';
import { fileSha256 } from './file-digest.js';
import { readManifest, writeManifest, type BackupManifest } from './manifest.js';
import { backupTemporalState, restoreTemporalState } from './temporal-state.js';
import { createOrm } from '../../db/orm.js';

const TEMPORAL_FILE = join('temporal', 'temporal.db');

export async function takeBackup(options: { databaseUrl: string; temporalDbFile: string | null; to: string }): Promise<BackupManifest> {
  const database = await snapshotDatabase(options.databaseUrl, options.to);
  let temporal: BackupManifest['temporal'] = null;
  if (options.temporalDbFile !== null) {
    if (!existsSync(options.temporalDbFile)) throw new Error(`no Temporal state at ${options.temporalDbFile}`);
    const file = join(options.to, TEMPORAL_FILE);
    await backupTemporalState(options.temporalDbFile, file);
    temporal = { file: TEMPORAL_FILE, sha256: await fileSha256(file), bytes: (await stat(file)).size };
  }
  const manifest: BackupManifest = { format: 'sis-backup/1', ...database, temporal };
  await writeManifest(options.to, manifest);
  return manifest;
}

/**
 * Restores a backup into an EMPTY database (the schema is built by the backup's migrations, then newer ones) and, when
 * `temporalDbFile` is given, puts Temporal's state in place (the dev server must be stopped).
 */
export async function restoreBackup(options: { from: string; databaseUrl: string; temporalDbFile: string | null }): Promise<BackupManifest> {
  const manifest = await readManifest(options.from);
  const orm = await createOrm(options.databaseUrl);
  try {
    const [{ n } = { n: '0' }] = await orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from pg_tables where schemaname = 'public'`);
    if (Number(n) > 0) throw new Error('the target database is not empty: restore into a new database (docs/operations.md "Backup and restore")');
    const last = manifest.migrations.at(-1);
    if (last !== undefined) await orm.migrator.up({ to: last });
    await loadSnapshot(options.databaseUrl, options.from, manifest.tables);
    await orm.migrator.up();
  } finally {
    await orm.close();
  }
  if (options.temporalDbFile !== null) {
    if (manifest.temporal === null) throw new Error('this backup holds no Temporal state');
    const file = join(options.from, manifest.temporal.file);
    if ((await fileSha256(file)) !== manifest.temporal.sha256) throw new Error(`${file}: SHA-256 differs from the manifest; the backup is damaged`);
    await restoreTemporalState(file, options.temporalDbFile);
  }
  return manifest;
}
