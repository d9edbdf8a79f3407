import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { readNotices } from '../../services/notices/read-notices.js';
import type { AppEnv } from '../env.js';
import { decodeCursor, encodeCursor, PageQuery, pageOf } from '../pagination.js';
import { problemResponse } from '../problem.js';

const NoticeOut = z
  .object({
    id: z.string(),
    caseId: z.string(),
    kind: z.string(),
    channel: z.string(),
    createdAt: z.string(),
    payload: z.record(z.string(), z.unknown()),
  })
  .openapi('Notice');

const listRoute = createRoute({
  method: 'get',
  path: '/notices',
  tags: ['Notices 通知'],
  summary: 'The caller’s own notices, newest first (a citizen: to their ID number; an employer agent: to their employer)',
  request: { query: PageQuery },
  responses: {
    200: { content: { 'application/json': { schema: pageOf(NoticeOut) } }, description: 'A page of your notices' },
    400: problemResponse('Bad query or cursor'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Staff receive no notices'),
  },
});

/** GET /v1/notices: only ever the caller's own rows; the recipient comes from the token, never from the query. */
export const noticeRoutes = () =>
  new OpenAPIHono<AppEnv>().openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const after = q.cursor ? decodeCursor(q.cursor) : null;
    const before = after && typeof after[0] === 'string' && typeof after[1] === 'string' ? { createdAt: new Date(after[0]), id: after[1] } : undefined;
    const page = await readNotices(c.var.ctx, { limit: q.limit, before });
    const last = page.items.at(-1);
    return c.json({ items: page.items, nextCursor: page.more && last ? encodeCursor([last.createdAt, last.id]) : null }, 200);
  });
