import type { MikroORM } from '@mikro-orm/postgresql';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { BusinessClock } from '../../services/business-clock.js';
import { rateLimit, type RateLimitOptions } from '../middleware/rate-limit.js';
import type { PublicEnv } from '../public-env.js';
import { guideRoutes } from './guide.routes.js';

export interface PublicRouteOptions {
  orm: MikroORM;
  clock: BusinessClock;
  /** Per client address (default 120 a minute for the guide). */
  guideLimit?: RateLimitOptions;
}

/**
 * The /v1 routes that need no sign-in (api/app.ts mounts them before authentication). Each path gets its own unit of
 * work and its own limiter; nothing here sees a caller, so nothing here may answer personal data.
 */
export function mountPublicV1(pub: OpenAPIHono<PublicEnv>, options: PublicRouteOptions): void {
  const context = createMiddleware<PublicEnv>(async (c, next) => {
    c.set('em', options.orm.em.fork());
    c.set('clock', options.clock);
    await next();
  });
  pub.use('/guide', rateLimit(options.guideLimit ?? { limit: 120, windowMs: 60_000 }), context);
  pub.route('/', guideRoutes());
}
