import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestIdVariables } from 'hono/request-id';
import type { BusinessClock } from '../services/business-clock.js';

/**
 * What a public /v1 handler (no sign-in: the guide, a certificate check) finds on `c.var`: its own unit of work and
 * the business clock. There is no caller, so no ability: a public route answers only what is the same for everyone.
 */
export type PublicEnv = {
  Variables: RequestIdVariables & { em: EntityManager; clock: BusinessClock };
};
