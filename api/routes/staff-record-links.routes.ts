import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { maskCitizenId } from '../../domain/identity/masking.js';
import { readStaffLinks } from '../../services/supervision/read-staff-record-links.js';
import { recordStaffLink } from '../../services/supervision/record-staff-record-link.js';
import { removeStaffLink } from '../../services/supervision/remove-staff-record-link.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';
import { CitizenIdField } from '../schemas/common.js';

const TAGS = ['Fund supervision 基金监管'];

const StaffIdField = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/)
  .openapi({ description: 'The staff account (the token subject of a staff member)', example: 'cw-001' });
const Relation = z.enum(['self', 'relative']).openapi({ description: 'self: the staff member’s own record; relative: a relative’s' });

const LinkOut = z
  .object({
    staffId: z.string(),
    citizenId: z.string().openapi({ description: 'Masked: the list is for checking, the personnel office keeps the full number' }),
    relation: Relation,
    recordedBy: z.string(),
    recordedAt: z.string(),
  })
  .openapi('StaffRecordLink');

const listRoute = createRoute({
  method: 'get',
  path: '/staff-record-links',
  tags: TAGS,
  summary: 'Staff accounts’ links to their own and relatives’ records, which the self-dealing control checks (administrators)',
  request: { query: z.object({ staffId: StaffIdField.optional().openapi({ param: { name: 'staffId', in: 'query' } }) }) },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ items: z.array(LinkOut) }) } }, description: 'The links (at most 1 000)' },
    400: problemResponse('Bad staff ID'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Not an administrator'),
  },
});

const recordRoute = createRoute({
  method: 'post',
  path: '/staff-record-links',
  tags: TAGS,
  summary: 'Record that a staff account is linked to a person’s record (administrators; audited)',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ staffId: StaffIdField, citizenId: CitizenIdField, relation: Relation }).openapi('StaffRecordLinkChange'),
        },
      },
    },
  },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ created: z.boolean(), changed: z.boolean() }) } }, description: 'Already there' },
    201: { content: { 'application/json': { schema: z.object({ created: z.boolean(), changed: z.boolean() }) } }, description: 'Recorded' },
    400: problemResponse('A bad field, named'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Not an administrator'),
  },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/staff-record-links/{staffId}/{citizenId}',
  tags: TAGS,
  summary: 'Remove a staff record link (administrators; audited)',
  request: { params: z.object({ staffId: StaffIdField, citizenId: CitizenIdField }) },
  responses: {
    204: { description: 'Removed' },
    400: problemResponse('A bad field, named'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Not an administrator'),
    404: problemResponse('No such link'),
  },
});

/** The self-dealing control's staff links (rules §8 pattern 8): GET, POST /v1/staff-record-links, DELETE one. */
export const staffRecordLinkRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) => {
      const links = await readStaffLinks(c.var.ctx, c.req.valid('query').staffId ?? null);
      return c.json({ items: links.map((l) => ({ ...l, citizenId: maskCitizenId(l.citizenId) })) }, 200);
    })
    .openapi(recordRoute, async (c) => {
      const result = await recordStaffLink(c.var.ctx, c.req.valid('json'));
      return result.created ? c.json(result, 201) : c.json(result, 200);
    })
    .openapi(removeRoute, async (c) => {
      await removeStaffLink(c.var.ctx, c.req.valid('param'));
      return c.body(null, 204);
    });
