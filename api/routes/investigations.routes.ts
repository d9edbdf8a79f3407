import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { readInvestigation, readInvestigations } from '../../services/supervision/read-investigations.js';
import type { AppEnv } from '../env.js';
import { decodeCursorOf, encodeCursor, PageQuery, pageOf } from '../pagination.js';
import { presentInvestigation, presentInvestigationSummary } from '../presenters/investigation.presenter.js';
import { problemResponse } from '../problem.js';
import { Deadline } from '../schemas/case.schemas.js';

const TAGS = ['Fund supervision 基金监管'];

const InvestigationSummary = z
  .object({
    reference: z.string().openapi({ example: 'JC2026000001' }),
    caseId: z.string(),
    status: z.string().openapi({ description: 'submitted, assigning, investigating, closing or closed' }),
    closed: z.boolean(),
    region: z.string(),
    control: z.string().openapi({ description: 'The control that found it: DECEASED_ACTIVE_BENEFIT, DUPLICATE_PENSION, … (docs/supervision.md)' }),
    reason: z.string(),
    amount: z.string().nullable().openapi({ description: 'The amount at stake the control saw (yuan, two decimals), when it knows one' }),
    sourceCaseId: z.string().nullable().openapi({ description: 'The case the matter came from, when there is one' }),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .openapi('InvestigationSummary');

const Investigation = InvestigationSummary.extend({
  foundAt: z.string().nullable(),
  subject: z.object({
    citizenId: z.string().nullable().openapi({ description: 'The person concerned; masked unless the caller reads it unmasked (supervisors)' }),
    employerCreditCode: z.string().nullable(),
  }),
  source: z.object({ caseId: z.string(), reference: z.string().nullable() }).nullable(),
  assignedBy: z.string().nullable(),
  investigatorId: z.string().nullable(),
  findings: z
    .record(z.string(), z.unknown())
    .nullable()
    .openapi({ description: '{fraud, by, on, reason, penalty: {returned, multiple, fine, total, workings} | null}' }),
  closedBy: z.string().nullable(),
  closedOn: z.string().nullable(),
  returns: z.number().int(),
  deadlines: z.array(Deadline),
  tasks: z.array(z.object({ taskId: z.string(), step: z.string(), status: z.string(), assignee: z.string().nullable(), dueAt: z.string() })),
  allowedActions: z.array(z.string()),
  timeline: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), detail: z.record(z.string(), z.unknown()) })),
}).openapi('Investigation');

const listRoute = createRoute({
  method: 'get',
  path: '/investigations',
  tags: TAGS,
  summary: 'Investigations (稽核调查) the fund-supervision controls opened, newest first (supervisors and auditors of the region)',
  request: {
    query: PageQuery.extend({
      status: z
        .string()
        .max(32)
        .optional()
        .openapi({ param: { name: 'status', in: 'query' } }),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: pageOf(InvestigationSummary) } }, description: 'A page of investigations; empty for anyone else' },
    400: problemResponse('A bad query parameter, named'),
    401: problemResponse('No or bad token'),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/investigations/{reference}',
  tags: TAGS,
  summary: 'One investigation: the hit, the person or employer concerned, the source case, assignment, findings and penalty',
  request: { params: z.object({ reference: z.string().min(1).max(64).openapi({ description: 'Reference (JC2026000001) or case ID' }) }) },
  responses: {
    200: { content: { 'application/json': { schema: Investigation } }, description: 'The investigation' },
    401: problemResponse('No or bad token'),
    404: problemResponse('Unknown, or not visible to the caller (anyone but the region’s supervisors and auditors)'),
  },
});

/** GET /v1/investigations and /v1/investigations/{reference}; the decisions go through the task desk (POST /v1/tasks/{id}/complete). */
export const investigationRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) => {
      const q = c.req.valid('query');
      const after = q.cursor ? decodeCursorOf(q.cursor, ['string', 'string']) : null;
      const page = await readInvestigations(c.var.ctx, {
        status: q.status,
        limit: q.limit,
        after: after ? { openedAt: String(after[0]), id: String(after[1]) } : undefined,
      });
      const last = page.items.at(-1);
      const nextCursor = page.more && last ? encodeCursor([last.openedAt, last.caseId]) : null;
      return c.json({ items: page.items.map(presentInvestigationSummary), nextCursor }, 200);
    })
    .openapi(getRoute, async (c) => {
      const { ctx } = c.var;
      const read = await readInvestigation(ctx, c.req.valid('param').reference);
      return c.json(presentInvestigation(read, { actor: ctx.actor, ability: ctx.ability, now: ctx.clock.now() }), 200);
    });
