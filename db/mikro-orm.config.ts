import { fileURLToPath } from 'node:url';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig } from '@mikro-orm/postgresql';
import * as entities from './entities/index.js';

const migrationsPath = fileURLToPath(new URL('./migrations', import.meta.url));

/** ORM configuration from plain values; bin/config.ts is the only reader of the environment. */
export const ormConfig = (db: { url: string; debug?: boolean; poolMax?: number }) =>
  defineConfig({
    clientUrl: db.url,
    entities: Object.values(entities).filter((value) => typeof value === 'object'),
    debug: db.debug ?? false,
    extensions: [Migrator],
    pool: { min: 0, max: db.poolMax ?? 10 },
    // Dates that the law counts are plain 'YYYY-MM-DD' strings; instants are stored as timestamptz.
    timezone: '+00:00',
    migrations: {
      path: migrationsPath,
      pathTs: migrationsPath,
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
    // allowGlobalContext stays false: every unit of work forks.
  });
