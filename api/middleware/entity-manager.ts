import type { MikroORM } from '@mikro-orm/postgresql';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.js';

/**
 * One EntityManager fork per request: the identity map never leaks between callers, and the global EM is never
 * used without a request context (MikroORM identity-map docs, global ORM context).
 */
export const withEntityManager = (orm: MikroORM) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('em', orm.em.fork());
    await next();
  });
