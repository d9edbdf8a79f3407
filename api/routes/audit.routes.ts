import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { readAuditEntries } from '../../services/audit/read-audit-entries.js';
import type { AppEnv } from '../env.js';
import { decodeCursor, encodeCursor, PageQuery, pageOf } from '../pagination.js';
import { problemResponse } from '../problem.js';
import { IsoDate } from '../schemas/common.js';

const AuditEntryOut = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.string(),
    actorRole: z.string(),
    region: z.string().nullable(),
    action: z.string(),
    objectType: z.string(),
    objectId: z.string(),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry');

const listRoute = createRoute({
  method: 'get',
  path: '/audit-entries',
  tags: ['Audit'],
  summary: 'The audit log of the caller’s region, newest first (auditor, supervisor, admin; read-only)',
  request: {
    query: PageQuery.extend({
      actorId: z.string().max(64).optional(),
      action: z.string().max(48).optional(),
      objectType: z.string().max(32).optional(),
      objectId: z.string().max(64).optional(),
      from: IsoDate.optional().openapi({ description: 'First Shanghai day included' }),
      to: IsoDate.optional().openapi({ description: 'Last Shanghai day included' }),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: pageOf(AuditEntryOut) } }, description: 'A page of audit entries' },
    400: problemResponse('Bad query'),
    401: problemResponse('No or bad token'),
  },
});

/** GET /v1/audit-entries: region-scoped by the same CASL rules as everything else (经办条例 arts. 36–38). */
export const auditRoutes = () =>
  new OpenAPIHono<AppEnv>().openapi(listRoute, async (c) => {
    const { cursor, ...filter } = c.req.valid('query');
    const after = cursor ? decodeCursor(cursor) : null;
    const page = await readAuditEntries(c.var.ctx, { ...filter, beforeId: after ? Number(after[0]) : undefined });
    const last = page.items.at(-1);
    return c.json({ items: page.items, nextCursor: page.more && last ? encodeCursor([last.id]) : null }, 200);
  });
