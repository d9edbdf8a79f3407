import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { Decimal } from 'decimal.js';
import { ROUNDING_RULES } from '../../domain/money.js';
import { readParameters, readRegions, recordParameters } from '../../services/reference/region-parameters.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';
import { Amount, IsoDate, RegionCode } from '../schemas/common.js';

const Rate = z
  .string()
  .regex(/^(0|1)(\.\d{1,6})?$|^[2-9](\.\d{1,6})?$/, { error: 'must be a decimal rate string such as "0.16" (at most 6 places)' })
  .openapi({ example: '0.16' });
const RatePair = z.object({ employer: Rate, employee: Rate });
const isRate = (s: unknown): s is string => typeof s === 'string' && Rate.safeParse(s).success;

const ParametersBody = z
  .object({
    averageMonthlyWage: Amount,
    baseFloorRate: Rate,
    baseCeilingRate: Rate,
    rounding: z.enum(ROUNDING_RULES),
    baseRounding: z.enum(['NONE', 'YUAN']).default('NONE'),
    dueDay: z.number().int().min(1).max(28),
    rates: z.object({ pension: RatePair, medical: RatePair, unemployment: RatePair }),
    workInjury: z.object({
      // One rate for each of the eight risk classes, all of them (an object, so the document lists the eight keys).
      classRates: z.object({ '1': Rate, '2': Rate, '3': Rate, '4': Rate, '5': Rate, '6': Rate, '7': Rate, '8': Rate }),
      tiers: z.array(Rate).min(1),
    }),
  })
  // Only once both rates are rates: zod runs this check even when a field failed, and Decimal('') throws.
  .refine((p) => !isRate(p.baseFloorRate) || !isRate(p.baseCeilingRate) || new Decimal(p.baseFloorRate).lte(p.baseCeilingRate), {
    error: 'the floor rate is above the ceiling rate',
    path: ['baseFloorRate'],
  })
  .openapi('RegionParametersInput');

const ParametersOut = z
  .object({
    region: z.string(),
    effectiveFrom: z.string(),
    averageMonthlyWage: z.string(),
    baseFloorRate: z.string(),
    baseCeilingRate: z.string(),
    rounding: z.string(),
    baseRounding: z.string(),
    dueDay: z.number(),
    rates: z.object({ pension: RatePair, medical: RatePair, unemployment: RatePair }),
    workInjury: z.object({ classRates: z.record(z.string(), z.string()), tiers: z.array(z.string()) }),
  })
  .openapi('RegionParameters');

const CodeParam = z.object({ code: RegionCode });

const listRegions = createRoute({
  method: 'get',
  path: '/regions',
  tags: ['Reference data'],
  summary: 'The regions the system serves',
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                parentCode: z.string().nullable().openapi({ description: 'The administrative parent, as data' }),
                poolingRegion: z.string().nullable().openapi({ description: 'The pooling area (统筹地区): moves inside one are never transfers' }),
              }),
            ),
          }),
        },
      },
      description: 'All regions',
    },
  },
});

const getParameters = createRoute({
  method: 'get',
  path: '/regions/{code}/parameters',
  tags: ['Reference data'],
  summary: "A region's dated contribution parameters in force on a date (default: today)",
  request: { params: CodeParam, query: z.object({ date: IsoDate.optional() }) },
  responses: {
    200: { content: { 'application/json': { schema: ParametersOut } }, description: 'The set in force' },
    404: problemResponse('Unknown region, or no set in force on that date'),
  },
});

const putParameters = createRoute({
  method: 'put',
  path: '/regions/{code}/parameters/{effectiveFrom}',
  tags: ['Reference data'],
  summary: 'Admin: record a dated parameter set; an existing set for that date is replaced only if nothing else changed',
  request: {
    params: CodeParam.extend({ effectiveFrom: IsoDate }),
    body: { required: true, content: { 'application/json': { schema: ParametersBody } } },
  },
  responses: {
    200: { content: { 'application/json': { schema: ParametersOut } }, description: 'Recorded' },
    400: problemResponse('Invalid input, naming the field'),
    403: problemResponse('Not an admin of this region'),
    404: problemResponse('Unknown region'),
  },
});

export const regionRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(listRegions, async (c) => c.json({ items: await readRegions(c.var.ctx) }, 200))
    .openapi(getParameters, async (c) => c.json(await readParameters(c.var.ctx, c.req.valid('param').code, c.req.valid('query').date), 200))
    .openapi(putParameters, async (c) => {
      const { code, effectiveFrom } = c.req.valid('param');
      return c.json(await recordParameters(c.var.ctx, { region: code, effectiveFrom, ...c.req.valid('json') }), 200);
    });
