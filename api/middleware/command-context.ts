import { createMiddleware } from 'hono/factory';
import type { BusinessClock } from '../../services/business-clock.js';
import type { CaseWorkflows } from '../../services/workflow-port.js';
import type { AppEnv } from '../env.js';

/** Builds the command context of the request (after authentication): its unit of work, caller, clock and workflows. */
export const withCommandContext = (deps: { clock: BusinessClock; workflows: CaseWorkflows }) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const { em, actor, ability } = c.var;
    c.set('ctx', { em, actor, ability, requestId: c.get('requestId') ?? null, clock: deps.clock, workflows: deps.workflows });
    await next();
  });
