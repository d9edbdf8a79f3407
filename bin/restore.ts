// `npm run restore -- --from <folder>`: puts a backup (bin/backup.ts) back. The target database must be empty: with
// DATABASE_URL, a new database on that server; without, the embedded PostgreSQL of `npm start`, which this command
// starts in DATA_DIR (stop `npm start` first, and move the old DATA_DIR/postgres away). Without TEMPORAL_ADDRESS the dev
// server's state file is replaced too. Then `npm start` runs on the restored data.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { restoreBackup } from './backup/backup-folder.js';
import { loadConfig } from './config.js';
import { DEV_POSTGRES_PORT, devPostgresDir, devTemporalDbFile } from './tools/dev-locations.js';
import { startEmbeddedPostgres } from './tools/embedded-postgres.js';
import { processIsAlive } from './tools/process-control.js';
import { readFileSync } from 'node:fs';

const config = loadConfig();
const fromArg = process.argv.indexOf('--from');
if (fromArg < 0 || !process.argv[fromArg + 1]) throw new Error('usage: npm run restore -- --from <backup folder>');
const from = resolve(process.argv[fromArg + 1] ?? '');

const temporalDbFile = config.temporal.address ? null : devTemporalDbFile(config.dataDir);
if (temporalDbFile !== null && existsSync(`${temporalDbFile}.pid`) && processIsAlive(Number(readFileSync(`${temporalDbFile}.pid`, 'utf8')))) {
  throw new Error('the Temporal dev server of `npm start` is running: stop it before restoring its state');
}
const started = performance.now();
const embedded = config.db.url ? null : await startEmbeddedPostgres({ dataDir: devPostgresDir(config.dataDir), port: DEV_POSTGRES_PORT, persistent: true });
try {
  const manifest = await restoreBackup({ from, databaseUrl: config.db.url ?? embedded?.url ?? '', temporalDbFile });
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `restored ${from} (snapshot of ${manifest.takenAt}): ${rows} rows in ${manifest.tables.length} tables${temporalDbFile ? ', Temporal state' : ''}, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
} finally {
  await embedded?.stop();
}
