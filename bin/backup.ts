// `npm run backup [-- --to <folder>]`: a consistent copy of the database and, for the dev server, of Temporal's state
// (bin/backup/backup-folder.ts), with a manifest of row counts and SHA-256 sums. Works on a running system. Without
// DATABASE_URL it backs up the embedded PostgreSQL of `npm start`; without TEMPORAL_ADDRESS, the dev server's SQLite
// state. A production Temporal cluster is backed up with its own PostgreSQL (docs/operations.md "Backup and restore").
import { join, resolve } from 'node:path';
import { takeBackup } from './backup/backup-folder.js';
import { loadConfig } from './config.js';
import { DEV_POSTGRES_PORT, devTemporalDbFile } from './tools/dev-locations.js';
import { embeddedPostgresUrl } from './tools/embedded-postgres.js';

const config = loadConfig();
const toArg = process.argv.indexOf('--to');
const to = resolve(toArg > 0 ? (process.argv[toArg + 1] ?? '') : join(config.dataDir, 'backups', new Date().toISOString().replaceAll(':', '-')));
const started = performance.now();
const manifest = await takeBackup({
  databaseUrl: config.db.url ?? embeddedPostgresUrl(DEV_POSTGRES_PORT),
  temporalDbFile: config.temporal.address ? null : devTemporalDbFile(config.dataDir),
  to,
});
const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
const bytes = manifest.tables.reduce((sum, t) => sum + t.bytes, 0) + (manifest.temporal?.bytes ?? 0);
console.log(
  `backup ${to}: snapshot at ${manifest.takenAt}, ${manifest.tables.length} tables, ${rows} rows, ${(bytes / 2 ** 20).toFixed(1)} MiB` +
    `${manifest.temporal ? ', Temporal state included' : ', Temporal state not included (TEMPORAL_ADDRESS is a cluster: back up its database)'}, ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
