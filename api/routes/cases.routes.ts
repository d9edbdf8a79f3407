import { subject } from '@casl/ability';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { caseSubjectOf, caseTasks, caseTimeline, findCase, listCases } from '../../db/queries/case.query.js';
import { DomainError } from '../../domain/errors.js';
import { accessibleFilter } from '../../policies/sql-scope.js';
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
  request: { params: z.object({ caseId: z.string().min(1).max(64).openapi({ description: 'Case ID or reference (EN2026000123)' }) }) },
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

export const caseRoutes = (clock: () => Date) =>
  new OpenAPIHono<AppEnv>()
    .openapi(getCase, async (c) => {
      const { em, ability, actor } = c.var;
      const row = await findCase(em, c.req.valid('param').caseId);
      // The same answer for "unknown" and "not yours", so case IDs and references cannot be probed.
      if (!row || ability.cannot('read', subject('Case', caseSubjectOf(row)))) {
        throw new DomainError('CASE_NOT_FOUND', `No case ${c.req.valid('param').caseId}`);
      }
      const [timeline, tasks] = await Promise.all([caseTimeline(em, row.caseId), caseTasks(em, row.caseId)]);
      return c.json(presentCase(row, { timeline, tasks, actor, ability, now: clock() }), 200);
    })
    .openapi(listCasesRoute, async (c) => {
      const { em, ability } = c.var;
      const q = c.req.valid('query');
      const after = q.cursor ? decodeCursorOf(q.cursor, ['string', 'string']) : null;
      const page = await listCases(em, {
        scope: accessibleFilter(ability, 'read', 'Case'),
        type: q.type,
        status: q.status,
        region: q.region,
        overdue: q.overdue === 'true',
        now: clock(),
        limit: q.limit,
        after: after ? { openedAt: String(after[0]), id: String(after[1]) } : undefined,
      });
      const last = page.items.at(-1);
      return c.json(
        {
          items: page.items.map((row) => presentCaseSummary(row, ability)),
          nextCursor: page.more && last ? encodeCursor([last.openedAt, last.caseId]) : null,
        },
        200,
      );
    });
