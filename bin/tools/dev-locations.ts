// Where `npm start` keeps its embedded servers and their state, for bin/dev.ts and the tools that work on a stopped
// or running development system (backup, restore).
import { join } from 'node:path';
import { embeddedPostgresUrl } from './embedded-postgres.js';

export const DEV_POSTGRES_PORT = 54329;
export const DEV_TEMPORAL_PORT = 7233;
/** npm start's database, for the operator tools run beside it when DATABASE_URL is not set (local development only). */
export const DEV_DATABASE_URL = embeddedPostgresUrl(DEV_POSTGRES_PORT);
export const DEV_TEMPORAL_UI_PORT = 8233;

export const devPostgresDir = (dataDir: string) => join(dataDir, 'postgres');
export const devTemporalDbFile = (dataDir: string) => join(dataDir, 'temporal', 'temporal.db');
