import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { Money } from '../../domain/money.js';
import { contributionsFor, lateFeeFor } from '../../services/calculations/contributions.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';
import { Amount, InsuranceTypeList, IsoDate, RegionCode } from '../schemas/common.js';

const ContributionQuestion = z
  .object({
    region: RegionCode,
    date: IsoDate,
    monthlyWage: Amount,
    insuranceTypes: InsuranceTypeList,
    workInjuryClass: z
      .string()
      .regex(/^[1-8]$/, { error: 'must be a risk class "1" to "8"' })
      .optional(),
    workInjuryTier: z
      .string()
      .regex(/^\d(\.\d{1,2})?$/, { error: 'must be a tier multiplier such as "1" or "0.8"' })
      .optional(),
  })
  .openapi('ContributionQuestion');

const ContributionAnswer = z
  .object({
    region: z.string(),
    date: z.string(),
    parametersFrom: z.string(),
    base: z.string(),
    lines: z.array(z.object({ insurance: z.string(), employerRate: z.string(), employeeRate: z.string(), employer: z.string(), employee: z.string() })),
    employerTotal: z.string(),
    employeeTotal: z.string(),
    total: z.string(),
    workings: z.array(z.string()),
  })
  .openapi('ContributionAnswer');

const LateFeeQuestion = z.object({ principal: Amount, dueDate: IsoDate, paidDate: IsoDate }).openapi('LateFeeQuestion');
const LateFeeAnswer = z
  .object({
    principal: z.string(),
    dueDate: z.string(),
    paidDate: z.string(),
    days: z.number(),
    dailyRate: z.string(),
    lateFee: z.string(),
    workings: z.array(z.string()),
  })
  .openapi('LateFeeAnswer');

const contributionRoute = createRoute({
  method: 'post',
  path: '/calculations/contributions',
  tags: ['Calculators'],
  summary: "One month's contributions for a wage, with the region's parameters in force on the date, showing the workings",
  request: { body: { required: true, content: { 'application/json': { schema: ContributionQuestion } } } },
  responses: {
    200: { content: { 'application/json': { schema: ContributionAnswer } }, description: 'Base, lines per insurance, totals and workings' },
    400: problemResponse('Invalid input, naming the field'),
    404: problemResponse('No parameters for the region on that date'),
    422: problemResponse('A work-injury class or tier the region does not rate'),
  },
});

const lateFeeRoute = createRoute({
  method: 'post',
  path: '/calculations/late-fee',
  tags: ['Calculators'],
  summary: 'The late fee (滞纳金) at 0.05 % a day from the day after the due date to the payment date inclusive (社会保险法 art. 86)',
  request: { body: { required: true, content: { 'application/json': { schema: LateFeeQuestion } } } },
  responses: {
    200: { content: { 'application/json': { schema: LateFeeAnswer } }, description: 'Days counted, rate, fee and workings' },
    400: problemResponse('Invalid input, naming the field'),
  },
});

/** The calculators (docs/api.md "Calculators"): pure domain rules behind HTTP, for users and for checks. */
export const calculationRoutes = () =>
  new OpenAPIHono<AppEnv>()
    // The calculators (docs/api.md "Calculators"): the domain rules behind HTTP, for users and for checks.
    .openapi(contributionRoute, async (c) => {
      const q = c.req.valid('json');
      const r = await contributionsFor(c.var.ctx, q);
      return c.json(
        {
          region: q.region,
          date: q.date,
          parametersFrom: r.parametersFrom,
          base: r.base.toString(),
          lines: r.lines.map((l) => ({
            insurance: l.insurance,
            employerRate: l.employerRate,
            employeeRate: l.employeeRate,
            employer: l.employer.toString(),
            employee: l.employee.toString(),
          })),
          employerTotal: r.employerTotal.toString(),
          employeeTotal: r.employeeTotal.toString(),
          total: r.total.toString(),
          workings: r.workings,
        },
        200,
      );
    })
    .openapi(lateFeeRoute, (c) => {
      const q = c.req.valid('json');
      const r = lateFeeFor(q);
      return c.json(
        {
          principal: Money.of(q.principal).toString(),
          dueDate: q.dueDate,
          paidDate: q.paidDate,
          days: r.days,
          dailyRate: r.dailyRate,
          lateFee: r.lateFee.toString(),
          workings: r.workings,
        },
        200,
      );
    });
