import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { importFeed } from '../../services/exchange/import-feed.js';
import type { AppEnv } from '../env.js';
import { uploadedText } from '../upload-text.js';
import { problemResponse } from '../problem.js';

const FeedReport = z
  .object({
    feed: z.enum(['deaths', 'imprisonments', 'life-proofs']),
    rows: z.number(),
    matched: z.number().openapi({ description: 'New records about people with a benefit entitlement here' }),
    duplicates: z.number(),
    alreadyImported: z.boolean().openapi({ description: 'The same file was imported before: nothing applied' }),
    applied: z.number(),
    stopped: z.number().openapi({ description: 'Entitlements stopped after the death month' }),
    recoveries: z.number().openapi({ description: 'Overpayment recoveries opened for months paid after a death' }),
    investigations: z.number().openapi({ description: 'Investigations the fund-supervision controls opened (rules §8); a person already found opens none' }),
    resumed: z.number().openapi({ description: 'Life proofs: benefits suspended for an overdue verification resumed with back pay' }),
    report: z.object({
      issues: z.array(z.object({ path: z.string(), message: z.string() })),
      duplicates: z.array(z.object({ row: z.number(), firstRow: z.number() })),
    }),
  })
  .openapi('ExchangeFeedReport');

const feedRoute = createRoute({
  method: 'post',
  path: '/exchange/{feed}',
  tags: ['Data exchange 数据交换'],
  summary:
    'Import a death (public security, civil affairs, health), prison-term (justice) or life-proof (records of life, hospital visits: 待遇资格认证) feed; the same file twice is applied once',
  request: {
    params: z.object({ feed: z.enum(['deaths', 'imprisonments', 'life-proofs'], { error: 'must be deaths, imprisonments or life-proofs' }) }),
    body: {
      required: true,
      content: {
        'multipart/form-data': { schema: z.object({ file: z.any().optional().openapi({ type: 'string', format: 'binary' }) }) },
        'text/csv': { schema: z.string() },
      },
    },
  },
  responses: {
    200: { content: { 'application/json': { schema: FeedReport } }, description: 'Imported: counts and the per-row report' },
    400: problemResponse('No file, or a feed this system does not take'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Only a supervisor or an administrator imports feeds'),
  },
});

export const exchangeRoutes = () =>
  new OpenAPIHono<AppEnv>().openapi(feedRoute, async (c) => {
    const report = await importFeed(c.var.ctx, c.req.valid('param').feed, await uploadedText(c.req));
    return c.json(report, 200);
  });
