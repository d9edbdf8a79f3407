import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { readPensionRecalculation } from '../../services/payroll/read-pension-recalculation.js';
import { recordPensionAdjustment } from '../../services/payroll/record-pension-adjustment.js';
import { startPensionRecalculation } from '../../services/payroll/start-pension-recalculation.js';
import type { AppEnv } from '../env.js';
import { presentDifference, presentRecalculation } from '../presenters/pension-recalculation.presenter.js';
import { problemResponse } from '../problem.js';
import { Amount, IsoDate, RegionCode } from '../schemas/common.js';

const TAG = 'Payrolls 待遇拨付';

const AdjustmentBody = z
  .object({
    fixedAmount: Amount.openapi({ description: '定额调整: the same amount for every pension', example: '50.00' }),
    share: z
      .string()
      .max(12)
      // Below 1, as the command checks (services/payroll/record-pension-adjustment.ts): the pattern says so to clients.
      .regex(/^0(\.\d{1,10})?$/, { error: 'must be a decimal share below 1, such as "0.02"' })
      .openapi({ description: '挂钩调整: the share of the pension being paid', example: '0.02' }),
    basis: z.string().trim().min(1).max(200).openapi({ description: 'The notice it comes from, quoted in the workings', example: '浙人社发〔2026〕12号' }),
  })
  .openapi('PensionAdjustmentRequest');

const AdjustmentOut = z
  .object({ region: z.string(), effectiveFrom: z.string(), fixedAmount: z.string(), share: z.string(), basis: z.string(), replaced: z.boolean() })
  .openapi('PensionAdjustment');

const putAdjustment = createRoute({
  method: 'put',
  path: '/regions/{code}/pension-adjustments/{effectiveFrom}',
  tags: ['Reference data'],
  summary: 'Admin: record a dated yearly pension adjustment (养老金调整) of a region; a rule of the same date is replaced, the audit log keeps both',
  request: {
    params: z.object({ code: RegionCode, effectiveFrom: IsoDate }),
    body: { required: true, content: { 'application/json': { schema: AdjustmentBody } } },
  },
  responses: {
    200: { content: { 'application/json': { schema: AdjustmentOut } }, description: 'Recorded' },
    400: problemResponse('Invalid input, naming the field'),
    403: problemResponse('Not an admin of this region'),
    404: problemResponse('Unknown region'),
  },
});

const RecalculationBody = z
  .object({
    region: RegionCode,
    cause: z.enum(['adjustment', 'calculationBase']).openapi({ description: 'A yearly adjustment rule, or a retirement year’s calculation base (计发基数)' }),
    effectiveFrom: IsoDate.openapi({ description: 'The date of the adjustment rule or of the benefit parameter set' }),
  })
  .openapi('PensionRecalculationRequest');

const Recalculation = z
  .object({
    id: z.string().openapi({ example: '330203-adjustment-2026-07-01' }),
    region: z.string(),
    cause: z.string(),
    effectiveFrom: z.string(),
    status: z.string().openapi({ description: 'running → done' }),
    progress: z.object({ pensionsSeen: z.number(), pensionsTotal: z.number() }).openapi({ description: 'Pension cases looked at, of the region’s' }),
    changed: z.number().openapi({ description: 'Entitlement lines whose amount changed (every run of the same change added up once)' }),
    totals: z.object({ backPay: z.string(), deduction: z.string() }).openapi({ description: '补发 and 补扣 found, yuan' }),
    startedBy: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('PensionRecalculation');

const Difference = z
  .object({
    entitlementId: z.string(),
    citizenId: z.string().openapi({ description: 'Masked unless the caller may read the person unmasked' }),
    fromMonth: z.string(),
    oldAmount: z.string(),
    newAmount: z.string().openapi({ description: 'The monthly amount from fromMonth on (the entitlement’s amount going forward)' }),
    months: z.number().openapi({ description: 'Months already paid since fromMonth' }),
    total: z.string().openapi({ description: 'Positive: 补发 paid as its own payroll line; negative: 补扣 withheld from later lines' }),
    outstanding: z.string().openapi({ description: 'What the payrolls have not yet paid or withheld' }),
    workings: z.array(z.string()),
  })
  .openapi('PensionDifference');

const startRoute = createRoute({
  method: 'post',
  path: '/pension-recalculations',
  tags: [TAG],
  summary: 'Supervisor or admin: recalculate the region’s granted pensions after a back-dated adjustment or calculation base (待遇重算)',
  request: { body: { required: true, content: { 'application/json': { schema: RecalculationBody } } } },
  responses: {
    202: { content: { 'application/json': { schema: Recalculation } }, description: 'Started; follow its progress with GET' },
    200: { content: { 'application/json': { schema: Recalculation } }, description: 'The same change again: the same run, looked at again' },
    400: problemResponse('Invalid input, naming the field (a date after today, a region not served)'),
    403: problemResponse('Not a supervisor or admin of the region'),
    404: problemResponse('PARAMETERS_NOT_FOUND: no adjustment rule, or no calculation base with an earlier one, of that date'),
    409: problemResponse('NOT_ALLOWED_NOW: a payroll of the region has lines not yet sent'),
  },
});

const viewRoute = createRoute({
  method: 'get',
  path: '/pension-recalculations/{id}',
  tags: [TAG],
  summary: 'A recalculation: its progress, totals and the differences it found (the first 100) with their workings',
  request: { params: z.object({ id: z.string().max(40) }) },
  responses: {
    200: {
      content: { 'application/json': { schema: Recalculation.extend({ differences: z.array(Difference) }).openapi('PensionRecalculationView') } },
      description: 'The run',
    },
    404: problemResponse('Unknown, or not visible to the caller'),
  },
});

/** Yearly adjustments and back-dated recalculations of pensions (docs/payroll.md "Recalculation"). */
export const pensionRecalculationRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(putAdjustment, async (c) => {
      const { code, effectiveFrom } = c.req.valid('param');
      return c.json(await recordPensionAdjustment(c.var.ctx, { region: code, effectiveFrom, ...c.req.valid('json') }), 200);
    })
    .openapi(startRoute, async (c) => {
      const { run, created } = await startPensionRecalculation(c.var.ctx, c.req.valid('json'));
      return c.json(presentRecalculation(run), created ? 202 : 200);
    })
    .openapi(viewRoute, async (c) => {
      const { run, differences } = await readPensionRecalculation(c.var.ctx, c.req.valid('param').id);
      return c.json({ ...presentRecalculation(run), differences: differences.map((d) => presentDifference(d, run.region, c.var.ctx.ability)) }, 200);
    });
