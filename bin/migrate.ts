// `npm run migrate`: applies committed migrations and reference data to DATABASE_URL.
import { createOrm } from '../db/orm.js';
import { migrateToLatest } from '../db/migrator.js';
import { seedReferenceData } from '../db/seed/reference-data.js';
import { loadConfig } from './config.js';

const config = loadConfig();
if (!config.db.url) throw new Error('npm run migrate needs DATABASE_URL');
const orm = await createOrm(config.db.url);
try {
  const applied = await migrateToLatest(orm);
  await seedReferenceData(orm);
  console.log(applied.length ? `applied ${applied.join(', ')}` : 'schema up to date');
} finally {
  await orm.close();
}
