import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { calculateTransfer } from '../../services/calculations/transfer.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';
import { Amount } from '../schemas/common.js';

const TransferQuestion = z
  .object({
    history: z
      .array(
        z.object({
          // The bounds are the calculator's own (a year before 1951 or a month count outside 1–12 is its 422), stated so.
          year: z.number({ error: 'must be a whole year such as 2010' }).int({ error: 'must be a whole year' }).openapi({ minimum: 1951, maximum: 2199 }),
          monthlyWage: Amount,
          months: z
            .number({ error: 'must be a number of months 1–12' })
            .int({ error: 'must be a whole number of months' })
            .openapi({ minimum: 1, maximum: 12 }),
        }),
      )
      .min(1, { error: 'list at least one year' })
      .max(80, { error: 'lists more years than a working life' }),
  })
  .openapi('TransferQuestion');

const TransferAnswer = z
  .object({
    totalContributionWage: z.string().openapi({ example: '517800.00' }),
    pooledFund: z.string().openapi({ example: '62136.00' }),
    rate: z.string().openapi({ example: '0.12' }),
    years: z.array(z.object({ year: z.number().int(), months: z.number().int(), contributionWage: z.string(), counted: z.boolean(), pooledFund: z.string() })),
    workings: z.array(z.string()),
  })
  .openapi('TransferAnswer');

const transferRoute = createRoute({
  method: 'post',
  path: '/calculations/transfer',
  tags: ['Calculators'],
  summary: 'The pooled fund a pension transfer moves: 12 % of each year’s contribution wage from 1998 (国办发〔2009〕66号 art. 4), with workings',
  request: { body: { required: true, content: { 'application/json': { schema: TransferQuestion } } } },
  responses: {
    200: { content: { 'application/json': { schema: TransferAnswer } }, description: 'Total contribution wage, pooled fund, each year and the workings' },
    400: problemResponse('Invalid input, naming the field'),
    401: problemResponse('No or bad token'),
    422: problemResponse('A year listed twice or in the future, months outside 1–12 (the field is named)'),
  },
});

/** The transfer calculator (docs/api.md "Calculators"): parse → the calculation service → the answer. */
export const transferCalculationRoutes = () =>
  new OpenAPIHono<AppEnv>().openapi(transferRoute, (c) => c.json(calculateTransfer(c.var.ctx.clock, c.req.valid('json').history), 200));
