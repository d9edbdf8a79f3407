import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { createOverviewSnapshots, type OverviewSnapshots } from '../../services/reports/overview-snapshot.js';
import { readOverview } from '../../services/reports/read-overview.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';

const Count = z.number().int().nonnegative();

const Overview = z
  .object({
    region: z.string(),
    asOf: z.string().openapi({ description: 'When the figures were counted: they are a snapshot at most `refreshSeconds` old' }),
    refreshSeconds: z.number().int(),
    staleDays: z.number().int(),
    steps: z.array(z.object({ caseType: z.string(), step: z.string(), open: Count, overdue: Count, escalated: Count, decided30: Count, onTime30: Count })),
    workloads: z.array(z.object({ assignee: z.string(), claimed: Count, waiting: Count, overdue: Count })),
    stuckCases: z.array(z.object({ caseId: z.string(), reference: z.string(), type: z.string(), status: z.string(), lastProgressAt: z.string() })),
    overdueTransferLegs: z
      .array(
        z.object({
          caseId: z.string(),
          reference: z.string(),
          status: z.string(),
          insurance: z.string(),
          leg: z.string(),
          office: z.enum(['old', 'new']),
          counterpart: z.string().openapi({ description: 'The counterpart’s pooling area: the office that is late' }),
          waitingRegion: z.string().openapi({ description: 'This system’s office in the transfer, which waits on the counterpart' }),
          dueDate: z.string(),
          provisional: z.boolean(),
          escalated: z.boolean(),
          daysOverdue: z.number().int().openapi({ description: 'Working days past the due date, counted today' }),
        }),
      )
      .openapi({ description: 'Transfer legs the outside counterpart agency runs, past their statutory due date (no task holds them)' }),
  })
  .openapi('SupervisorOverview');

const overviewRoute = createRoute({
  method: 'get',
  path: '/reports/overview',
  tags: ['Reports'],
  summary: 'Supervisor: per-step SLA figures, caseworker workloads, stuck cases and overdue counterpart transfer legs of the caller’s region',
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
 * GET /v1/reports/overview (services/reports/read-overview.ts). The snapshots live as long as the app: one count per
 * region and stale-days setting every 30 s, however many supervisors look.
 */
export const reportRoutes = (clock: () => Date, defaultStaleDays: number, snapshots: OverviewSnapshots = createOverviewSnapshots({ ttlMs: 30_000, clock })) =>
  new OpenAPIHono<AppEnv>().openapi(overviewRoute, async (c) =>
    c.json(await readOverview(c.var.ctx, snapshots, c.req.valid('query').staleDays ?? defaultStaleDays), 200),
  );
