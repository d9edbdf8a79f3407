import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestIdVariables } from 'hono/request-id';
import type { Actor, AppAbility } from '../policies/abilities.js';

/** What every /v1 handler finds on `c.var`: a forked EntityManager and the authenticated caller. */
export type AppEnv = {
  Variables: RequestIdVariables & { em: EntityManager; actor: Actor; ability: AppAbility };
};
