import { ForbiddenError, subject } from '@casl/ability';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { Decimal } from 'decimal.js';
import { Region, RegionParameters } from '../../db/entities/index.js';
import { findParametersInForce, toRegionalParameters } from '../../db/queries/region-parameters.query.js';
import { appendAudit } from '../../db/writers/case-log.js';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { DomainError } from '../../domain/errors.js';
import { ROUNDING_RULES } from '../../domain/money.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';
import { Amount, IsoDate, RegionCode } from '../schemas/common.js';

const Rate = z
  .string()
  .regex(/^(0|1)(\.\d{1,6})?$|^[2-9](\.\d{1,6})?$/, { error: 'must be a decimal rate string such as "0.16" (at most 6 places)' })
  .openapi({ example: '0.16' });
const RatePair = z.object({ employer: Rate, employee: Rate });

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
      classRates: z.record(z.enum(['1', '2', '3', '4', '5', '6', '7', '8']), Rate),
      tiers: z.array(Rate).min(1),
    }),
  })
  .refine((p) => new Decimal(p.baseFloorRate).lte(p.baseCeilingRate), { error: 'the floor rate is above the ceiling rate', path: ['baseFloorRate'] })
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
      content: { 'application/json': { schema: z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable() })) }) } },
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

export const regionRoutes = (clock: () => Date) =>
  new OpenAPIHono<AppEnv>()
    .openapi(listRegions, async (c) => {
      const regions = await c.var.em.find(Region, {}, { orderBy: { code: 'asc' } });
      return c.json({ items: regions.map((r) => ({ code: r.code, name: r.name, parentCode: r.parentCode ?? null })) }, 200);
    })
    .openapi(getParameters, async (c) => {
      const { code } = c.req.valid('param');
      const date = c.req.valid('query').date ?? shanghaiDateOf(clock().getTime());
      if (c.var.ability.cannot('read', subject('RegionParameters', { region: code }))) throw new DomainError('REGION_NOT_FOUND', `No region ${code}`);
      const parameters = await findParametersInForce(c.var.em, code, date);
      if (!parameters) throw new DomainError('PARAMETERS_NOT_FOUND', `region ${code} has no parameters in force on ${date}`);
      return c.json(parameters, 200);
    })
    .openapi(putParameters, async (c) => {
      const { em, ability, actor } = c.var;
      const { code, effectiveFrom } = c.req.valid('param');
      const body = c.req.valid('json');
      if (ability.cannot('manage', subject('RegionParameters', { region: code }))) {
        throw new ForbiddenError(ability).setMessage(`role: only an admin of region ${code} records its parameters`);
      }
      if (!(await em.findOne(Region, { code }))) throw new DomainError('REGION_NOT_FOUND', `No region ${code}`);
      const values = {
        averageMonthlyWage: new Decimal(body.averageMonthlyWage),
        baseFloorRate: body.baseFloorRate,
        baseCeilingRate: body.baseCeilingRate,
        rounding: body.rounding,
        baseRounding: body.baseRounding,
        dueDay: body.dueDay,
        pensionEmployerRate: body.rates.pension.employer,
        pensionEmployeeRate: body.rates.pension.employee,
        medicalEmployerRate: body.rates.medical.employer,
        medicalEmployeeRate: body.rates.medical.employee,
        unemploymentEmployerRate: body.rates.unemployment.employer,
        unemploymentEmployeeRate: body.rates.unemployment.employee,
        workInjuryClassRates: body.workInjury.classRates,
        workInjuryTiers: body.workInjury.tiers,
        recordedBy: actor.id,
      };
      const saved = await em.transactional(async (tx) => {
        const existing = await tx.findOne(RegionParameters, { region: code, effectiveFrom });
        // Recording the same date again replaces the set: a correction before it takes effect (the audit log keeps both).
        const row = existing ? tx.assign(existing, values) : tx.create(RegionParameters, { region: code, effectiveFrom, ...values });
        await appendAudit(tx, {
          at: clock(),
          actorId: actor.id,
          actorRole: actor.role,
          region: code,
          action: existing ? 'parameters.replaced' : 'parameters.recorded',
          objectType: 'RegionParameters',
          objectId: `${code}:${effectiveFrom}`,
          requestId: c.get('requestId'),
          detail: { ...body },
        });
        await tx.flush();
        return row;
      });
      return c.json(toRegionalParameters(saved), 200);
    });
