import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
import type { CaseWorkflows } from '../ports.js';
import { caseRoutes } from './cases.routes.js';
import { employerRoutes } from './employers.routes.js';
import { enrollmentRoutes } from './enrollments.routes.js';
import { regionRoutes } from './regions.routes.js';
import { taskRoutes } from './tasks.routes.js';

/** Every versioned route, mounted under /v1 behind authentication (api/app.ts). */
export function mountV1(v1: OpenAPIHono<AppEnv>, deps: { cases: CaseWorkflows; clock?: () => Date }): void {
  const clock = deps.clock ?? (() => new Date());
  v1.route('/', caseRoutes(clock));
  v1.route('/', taskRoutes(deps.cases, clock));
  v1.route('/', enrollmentRoutes(deps.cases, clock));
  v1.route('/', regionRoutes(clock));
  v1.route('/', employerRoutes(clock));
}
