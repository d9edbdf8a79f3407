import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { readGuide } from '../../services/guide/read-guide.js';
import { problemResponse } from '../problem.js';
import type { PublicEnv } from '../public-env.js';

const Deadline = z
  .object({
    label: z.string(),
    value: z.union([z.number(), z.string()]).openapi({ description: 'A number of days, months or years, or a rate as a decimal string' }),
    unit: z
      .enum(['days', 'workingDays', 'months', 'years', 'percent', 'percentPerDay', 'multiple'])
      .openapi({ description: 'days = calendar days (日) with holiday rollover; workingDays = 工作日' }),
    kind: z.enum(['statutory', 'agency']).openapi({ description: 'statutory: set by law or regulation; agency: the agency’s own limit or local practice' }),
    basis: z.string().openapi({ description: 'The legal basis (statute and article)' }),
    setting: z.string().openapi({ description: 'Where the figure is configured: `<setting key>#<path>`' }),
  })
  .openapi('GuideDeadline');

const Procedure = z
  .object({
    id: z.string(),
    title: z.string(),
    titleEn: z.string(),
    summary: z.string(),
    whoMayApply: z.array(z.string()),
    documents: z.array(z.string()),
    steps: z.array(z.string()),
    deadlines: z.array(Deadline),
    legalBasis: z.array(z.string()),
    channel: z.object({ route: z.string(), page: z.string().nullable() }),
  })
  .openapi('GuideProcedure');

export const GuideOut = z
  .object({
    asOf: z.string().openapi({ description: 'The business day whose configuration the figures are' }),
    query: z.string().nullable(),
    procedures: z.array(Procedure),
  })
  .openapi('Guide');

const guideRoute = createRoute({
  method: 'get',
  path: '/guide',
  tags: ['Public service 公共服务'],
  summary: '办事指南: every procedure with who may apply, documents, steps, deadlines and legal basis, from the configuration in force (no sign-in)',
  security: [],
  request: {
    query: z.object({
      q: z
        .string()
        .max(100, { error: 'at most 100 characters' })
        .optional()
        .openapi({ description: 'Search terms separated by spaces; each must occur (Chinese: 失业 期限)', example: '失业' }),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: GuideOut } }, description: 'The procedures (all, or those the query finds)' },
    400: problemResponse('A query longer than 100 characters'),
    429: problemResponse('Too many requests from this address'),
  },
});

/** GET /v1/guide: public, no token (api/routes/public.ts mounts it before authentication). */
export const guideRoutes = () =>
  new OpenAPIHono<PublicEnv>().openapi(guideRoute, async (c) => {
    const { q } = c.req.valid('query');
    return c.json(await readGuide({ em: c.var.em, clock: c.var.clock }, q), 200);
  });
