import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { readCase, readCases, SETTLED_WAIT_MS } from '../../services/cases/read-cases.js';
import type { AppEnv } from '../env.js';
import { decodeCursorOf, encodeCursor, PageQuery, pageOf } from '../pagination.js';
import { presentCase, presentCaseSummary } from '../presenters/case.presenter.js';
import { problemResponse } from '../problem.js';
import { CaseDetail, CaseSummary } from '../schemas/case.schemas.js';
import { RegionCode } from '../schemas/common.js';

const getCase = createRoute({
  method: 'get',
  path: '/cases/{caseId}',
  tags: ['Cases'],
  summary: 'One case (案件) with its status, deadlines, timeline and the actions the caller may take',
  request: {
    params: z.object({ caseId: z.string().min(1).max(64).openapi({ description: 'Case ID or reference (EN2026000123)' }) }),
    query: z.object({
      wait: z
        .enum(['settled'])
        .optional()
        .openapi({
          description:
            'settled: answer once the follow-up of the last decision has run (the next task open, the records and notices written), ' +
            'waiting at most 5 s; the answer says so in `settled`',
        }),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: CaseDetail } }, description: 'The case' },
    401: problemResponse('No or bad token'),
    404: problemResponse('Unknown, or not visible to the caller'),
  },
});

const listCasesRoute = createRoute({
  method: 'get',
  path: '/cases',
  tags: ['Cases'],
  summary: 'Cases the caller may see, newest first',
  request: {
    query: PageQuery.extend({
      type: z.enum(['enrollment', 'arrears', 'petition', 'benefit', 'transfer']).optional(),
      status: z.string().max(32).optional(),
      region: RegionCode.optional(),
      overdue: z.enum(['true', 'false']).optional(),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: pageOf(CaseSummary) } }, description: 'A page of cases' },
    400: problemResponse('Bad query'),
    401: problemResponse('No or bad token'),
  },
});

export const caseRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(getCase, async (c) => {
      const { ctx } = c.var;
      const waitSettledMs = c.req.valid('query').wait === 'settled' ? SETTLED_WAIT_MS : undefined;
      const { row, timeline, tasks, settled } = await readCase(ctx, c.req.valid('param').caseId, { waitSettledMs });
      const view = presentCase(row, { timeline, tasks, actor: ctx.actor, ability: ctx.ability, now: ctx.clock.now() });
      return c.json(settled === undefined ? view : { ...view, settled }, 200);
    })
    .openapi(listCasesRoute, async (c) => {
      const q = c.req.valid('query');
      const after = q.cursor ? decodeCursorOf(q.cursor, ['string', 'string']) : null;
      const page = await readCases(c.var.ctx, {
        type: q.type,
        status: q.status,
        region: q.region,
        overdue: q.overdue === 'true',
        limit: q.limit,
        after: after ? { openedAt: String(after[0]), id: String(after[1]) } : undefined,
      });
      const last = page.items.at(-1);
      const nextCursor = page.more && last ? encodeCursor([last.openedAt, last.caseId]) : null;
      return c.json({ items: page.items.map((row) => presentCaseSummary(row, c.var.ability)), nextCursor }, 200);
    });
