import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestIdVariables } from 'hono/request-id';
import type { Actor, AppAbility } from '../policies/abilities.js';
import type { CommandContext } from '../services/command-context.js';

/**
 * What every /v1 handler finds on `c.var`: a forked EntityManager, the authenticated caller and their ability, and
 * the command context the application layer (services/) takes — routes parse, call a command, present.
 */
export type AppEnv = {
  Variables: RequestIdVariables & { em: EntityManager; actor: Actor; ability: AppAbility; ctx: CommandContext };
};
