import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './mikro-orm.config.js';

/** Opens the ORM for one process (API, worker, test). Close it with `orm.close()`. */
export function createOrm(databaseUrl: string, options: { poolMax?: number } = {}): Promise<MikroORM> {
  return MikroORM.init(ormConfig({ url: databaseUrl, ...options }));
}
