import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor, AppAbility } from '../policies/abilities.js';
import type { BusinessClock } from './business-clock.js';
import type { CaseWorkflows } from './workflow-port.js';

/**
 * What every command of the application layer is given (docs/architecture.md "Layers and folders"): a unit of work of its own, the
 * authenticated caller with their CASL ability, the request's id for the audit log, the business clock and the port to
 * the case workflows. Routes and pages build it from the request; commands never reach for anything else.
 */
export interface CommandContext {
  em: EntityManager;
  actor: Actor;
  ability: AppAbility;
  requestId: string | null;
  clock: BusinessClock;
  workflows: CaseWorkflows;
}

/** Who acted, as the audit log and the timeline record it. */
export const auditActor = (ctx: Pick<CommandContext, 'actor' | 'requestId'>) => ({
  id: ctx.actor.id,
  role: ctx.actor.role,
  requestId: ctx.requestId,
});
