import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { readBenefitParameters, readBenefitPolicy, recordBenefitParameters } from '../../services/benefits/benefit-reference.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';
import { Amount, IsoDate, RegionCode } from '../schemas/common.js';

const BenefitParametersBody = z
  .object({
    pensionCalculationBase: Amount.openapi({ description: '计发基数 C of the year (rules §5.1)' }),
    minimumWage: Amount.openapi({ description: 'The local minimum monthly wage (§5.3)' }),
    subsistenceAllowance: Amount.openapi({ description: '城市居民最低生活保障标准 (低保), the floor of the unemployment benefit' }),
  })
  .openapi('BenefitParametersRequest');

const BenefitParametersOut = z
  .object({ region: z.string(), effectiveFrom: z.string(), pensionCalculationBase: z.string(), minimumWage: z.string(), subsistenceAllowance: z.string() })
  .openapi('BenefitParameters');

const CodeParam = z.object({ code: RegionCode });

const getParameters = createRoute({
  method: 'get',
  path: '/regions/{code}/benefit-parameters',
  tags: ['Reference data'],
  summary: "A region's dated benefit figures in force on a date (default today): pension calculation base, minimum wage, 低保",
  request: { params: CodeParam, query: z.object({ date: IsoDate.optional() }) },
  responses: {
    200: { content: { 'application/json': { schema: BenefitParametersOut } }, description: 'The set in force' },
    400: problemResponse('Invalid input, naming the field'),
    404: problemResponse('Unknown region, or no set in force on the date'),
  },
});

const putParameters = createRoute({
  method: 'put',
  path: '/regions/{code}/benefit-parameters/{effectiveFrom}',
  tags: ['Reference data'],
  summary: 'Admin: record a dated set of benefit figures (a set of the same date is replaced; the audit log keeps both)',
  request: {
    params: CodeParam.extend({ effectiveFrom: IsoDate }),
    body: { required: true, content: { 'application/json': { schema: BenefitParametersBody } } },
  },
  responses: {
    200: { content: { 'application/json': { schema: BenefitParametersOut.extend({ replaced: z.boolean() }) } }, description: 'Recorded' },
    400: problemResponse('Invalid input, naming the field'),
    403: problemResponse('Not an admin of this region'),
    404: problemResponse('Unknown region'),
  },
});

const getPolicy = createRoute({
  method: 'get',
  path: '/benefit-policy',
  tags: ['Reference data'],
  summary: 'The benefit configuration in force on a date (default today): the defaults with the dated versions of the benefit.policy setting',
  request: { query: z.object({ date: IsoDate.optional() }) },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({ date: z.string(), policy: z.record(z.string(), z.unknown()), versions: z.array(z.record(z.string(), z.unknown())) }),
        },
      },
      description: 'The configuration and the versions it was built from',
    },
    400: problemResponse('Invalid input, naming the field'),
  },
});

/** Dated benefit configuration and figures (rules modelling principle 1). */
export const benefitReferenceRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(getParameters, async (c) => c.json(await readBenefitParameters(c.var.ctx, c.req.valid('param').code, c.req.valid('query').date), 200))
    .openapi(putParameters, async (c) => {
      const { code, effectiveFrom } = c.req.valid('param');
      return c.json(await recordBenefitParameters(c.var.ctx, { region: code, effectiveFrom, ...c.req.valid('json') }), 200);
    })
    .openapi(getPolicy, async (c) => {
      const read = await readBenefitPolicy(c.var.ctx, c.req.valid('query').date);
      return c.json({ date: read.date, policy: read.policy as unknown as Record<string, unknown>, versions: read.versions }, 200);
    });
