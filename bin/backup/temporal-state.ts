// The Temporal half of a backup for the dev server (`npm start`), whose state is one SQLite file. SQLite's online
// backup API copies a consistent image while the server runs; python3 (already needed for the Temporal binaries)
// provides it. A production cluster keeps its state in its own PostgreSQL and is backed up there (docs/operations.md).
import { execFile } from 'node:child_process';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const BACKUP_SCRIPT =
  'import sqlite3, sys\nsource = sqlite3.connect(sys.argv[1])\ntarget = sqlite3.connect(sys.argv[2])\nsource.backup(target)\ntarget.close()\nsource.close()\n';

export async function backupTemporalState(dbFile: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  await run('python3', ['-c', BACKUP_SCRIPT, dbFile, target]);
}

/** Puts a backed-up state file in place; the dev server must be stopped (its WAL files are removed with the old state). */
export async function restoreTemporalState(backup: string, dbFile: string): Promise<void> {
  await mkdir(dirname(dbFile), { recursive: true });
  await rm(`${dbFile}-wal`, { force: true });
  await rm(`${dbFile}-shm`, { force: true });
  await copyFile(backup, dbFile);
}
