import { ForbiddenError } from '@casl/ability';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { accessibleFilter } from '../../policies/sql-scope.js';
import type { AppEnv } from '../env.js';
import { createOverviewSnapshots, type OverviewSnapshots } from '../overview-snapshot.js';
import { problemResponse } from '../problem.js';

const Count = z.number().int().nonnegative();

const Overview = z
  .object({
    region: z.string(),
    asOf: z.string().openapi({ description: 'When the figures were counted: they are a snapshot at most `refreshSeconds` old' }),
    refreshSeconds: z.number().int(),
    staleDays: z.number().int(),
    steps: z.array(
      z.object({ caseType: z.string(), step: z.string(), open: Count, overdue: Count, escalated: Count, decided30: Count, onTime30: Count }),
    ),
    workloads: z.array(z.object({ assignee: z.string(), claimed: Count, waiting: Count, overdue: Count })),
    stuckCases: z.array(z.object({ caseId: z.string(), reference: z.string(), type: z.string(), status: z.string(), lastProgressAt: z.string() })),
  })
  .openapi('SupervisorOverview');

const overviewRoute = createRoute({
  method: 'get',
  path: '/reports/overview',
  tags: ['Reports'],
  summary: 'Supervisor: per-step SLA figures, caseworker workloads and stuck cases of the caller’s region',
  request: {
    query: z.object({
      staleDays: z.coerce.number().int().min(1).max(365).optional().openapi({ description: 'Days without progress that make an open case stuck' }),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: Overview } }, description: 'The figures' },
    401: problemResponse('No or bad token'),
    403: problemResponse('Only a supervisor of a region'),
  },
});

/**
 * GET /v1/reports/overview. Only callers who may reassign tasks (supervisors, design.md "Tasks") see it, and only for
 * the region their rules cover, which is the region on their token. The figures come from a snapshot at most 30 s old
 * (api/overview-snapshot.ts); `asOf` says when they were counted.
 */
export const reportRoutes = (clock: () => Date, defaultStaleDays: number, snapshots: OverviewSnapshots = createOverviewSnapshots({ ttlMs: 30_000, clock })) =>
  new OpenAPIHono<AppEnv>().openapi(overviewRoute, async (c) => {
    const { em, ability, actor } = c.var;
    if (accessibleFilter(ability, 'reassign', 'Task') === null || actor.region === undefined) {
      throw new ForbiddenError(ability).setMessage('supervisor: only a supervisor of a region sees its overview');
    }
    const staleDays = c.req.valid('query').staleDays ?? defaultStaleDays;
    const snapshot = await snapshots.get(em, actor.region, staleDays);
    return c.json({ region: actor.region, asOf: snapshot.asOf.toISOString(), refreshSeconds: Math.round(snapshots.ttlMs / 1000), staleDays, ...snapshot.figures }, 200);
  });
