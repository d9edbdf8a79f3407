// `npm run migration:create -- [name]`: writes a migration for the difference between the entities and a database
// migrated to the latest committed migration (an embedded PostgreSQL when DATABASE_URL is unset).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrm } from '../db/orm.js';
import { migrateToLatest } from '../db/migrator.js';
import { loadConfig } from './config.js';
import { startEmbeddedPostgres } from './tools/embedded-postgres.js';
import { freePort } from './tools/free-port.js';

const config = loadConfig();
const embedded = config.db.url
  ? null
  : await startEmbeddedPostgres({ dataDir: await mkdtemp(join(tmpdir(), 'sis-migration-')), port: await freePort(), persistent: false });
const orm = await createOrm(config.db.url ?? embedded!.url);
try {
  await migrateToLatest(orm);
  const result = await orm.migrator.create(undefined, false, false, process.argv[2]);
  console.log(result.fileName ? `created ${result.fileName}` : 'no schema changes: nothing to create');
} finally {
  await orm.close();
  await embedded?.stop();
}
