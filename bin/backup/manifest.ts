// What a backup folder holds (`manifest.json` beside the data): enough to restore it and to prove it is whole.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface TableCopy {
  table: string;
  rows: number;
  /** File under `db/`, PostgreSQL's binary COPY format. */
  file: string;
  sha256: string;
  bytes: number;
}

export interface BackupManifest {
  format: 'sis-backup/1';
  /** When the database snapshot was taken (ISO instant): nothing written after it is in the backup. */
  takenAt: string;
  /** The schema the data belongs to: the migrations applied when the snapshot was taken, in order. */
  migrations: string[];
  tables: TableCopy[];
  /** The Temporal dev server's SQLite state, when the backup included it (production: the cluster's own backup). */
  temporal: { file: string; sha256: string; bytes: number } | null;
}

export const MANIFEST = 'manifest.json';

export async function writeManifest(dir: string, manifest: BackupManifest): Promise<void> {
  await writeFile(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

export async function readManifest(dir: string): Promise<BackupManifest> {
  const manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as BackupManifest;
  if (manifest.format !== 'sis-backup/1') throw new Error(`${join(dir, MANIFEST)}: not a backup of this system (format ${String(manifest.format)})`);
  return manifest;
}
