import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import {
  calculateMaternityFigures,
  calculatePensionFigures,
  calculateUnemploymentFigures,
  calculateWorkInjuryFigures,
} from '../../services/calculations/benefits.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';
import { Amount, IsoDate } from '../schemas/common.js';

/** A factor or rate as a decimal string ("1.2", "0.90"), never a JSON number. */
const Factor = z
  .string({ error: 'must be a decimal string such as "1.2", not a number' })
  .regex(/^\d{1,4}(\.\d{1,10})?$/, { error: 'must be a non-negative decimal string such as "1.2"' })
  .openapi({ example: '1.2' });
const Months = (max: number) => z.number({ error: 'must be a whole number of months' }).int({ error: 'must be a whole number' }).min(0).max(max);
const Workings = z.array(z.string()).openapi({ description: 'One line per figure: the rule and the numbers used' });

const PensionQuestion = z
  .object({
    calculationBase: Amount.openapi({ description: 'C, the province’s 计发基数 of the retirement year' }),
    averageIndex: Factor.openapi({ description: 'Z, the average contribution index' }),
    contributionMonths: Months(1200).openapi({ description: 'Actual and deemed months together (N = months ÷ 12)' }),
    accountBalance: Amount,
    retirementAge: z.object({ years: z.number().int().min(0).max(150), months: z.number().int().min(0).max(11) }),
    retirementDate: IsoDate.optional().openapi({ description: 'Picks the divisor table and rules in force on that day (default today)' }),
    transitional: z.object({ deemedMonths: Months(1200), averageIndex: Factor, coefficient: Factor.optional() }).optional(),
  })
  .openapi('PensionQuestion');

const PensionAnswer = z
  .object({
    basicPension: z.string(),
    accountPension: z.string(),
    transitionalPension: z.string(),
    total: z.string(),
    divisor: z.string(),
    contributionYears: z.string(),
    workings: Workings,
  })
  .openapi('PensionAnswer');

const UnemploymentQuestion = z
  .object({
    contributionMonths: Months(1200),
    unusedMonths: Months(24).optional(),
    minimumWage: Amount,
    benefitRate: Factor.optional().openapi({ description: 'Share of the minimum wage; the configured one (0.90) when absent' }),
    subsistenceAllowance: Amount.optional(),
  })
  .openapi('UnemploymentQuestion');

const Refusals = z.array(z.object({ code: z.string(), reason: z.string() }));
const UnemploymentAnswer = z
  .object({
    eligible: z.boolean(),
    refusals: Refusals,
    maxMonths: z.number(),
    months: z.number(),
    monthlyAmount: z.string(),
    total: z.string(),
    workings: Workings,
  })
  .openapi('UnemploymentAnswer');

const MaternityQuestion = z
  .object({
    averageMonthlyWage: Amount.openapi({ description: 'The employer’s average monthly wage (contribution base)' }),
    event: z.enum(['birth', 'miscarriage'], { error: 'must be birth or miscarriage' }),
    difficultBirth: z.boolean().optional(),
    babies: z.number().int().min(1).max(10).optional(),
    pregnancyMonths: z.number().int().min(0).max(10).optional(),
    extraDays: z.number().int().min(0).max(365).optional(),
  })
  .openapi('MaternityQuestion');

const MaternityAnswer = z
  .object({ days: z.number(), leaveDays: z.number(), dailyRate: z.string(), allowance: z.string(), workings: Workings })
  .openapi('MaternityAnswer');

const WorkInjuryQuestion = z
  .object({
    regionalAverageWage: Amount,
    ownWage: Amount,
    grade: z.number({ error: 'must be a grade 1–10' }).int().min(1, { error: 'grades run from 1 to 10' }).max(10, { error: 'grades run from 1 to 10' }),
    jobOffered: z.boolean().optional().openapi({ description: 'Grades 5–6: the employer arranged suitable work (no allowance)' }),
    minimumWage: Amount.optional().openapi({ description: 'For the top-up of an allowance below the minimum wage' }),
  })
  .openapi('WorkInjuryQuestion');

const WorkInjuryAnswer = z
  .object({
    ownWageUsed: z.string(),
    oneOffMonths: z.number(),
    oneOffSubsidy: z.string(),
    monthlyAllowance: z.string().nullable(),
    monthlyAllowancePayer: z.enum(['fund', 'employer']).nullable(),
    workings: Workings,
  })
  .openapi('WorkInjuryAnswer');

const calculator = <Q extends z.ZodTypeAny, A extends z.ZodTypeAny>(path: string, summary: string, question: Q, answer: A) =>
  createRoute({
    method: 'post',
    path: `/calculations/${path}`,
    tags: ['Calculators'],
    summary,
    request: { body: { required: true, content: { 'application/json': { schema: question } } } },
    responses: {
      200: { content: { 'application/json': { schema: answer } }, description: 'Every figure with a line in workings' },
      400: problemResponse('Invalid input, naming the field'),
      401: problemResponse('No or bad token'),
      404: problemResponse('No configuration in force on the date'),
      422: problemResponse('Refused by a rule, naming the field (an age outside the divisor table, a rate above 1)'),
    },
  });

const pensionRoute = calculator('pension', 'Monthly pension: basic + account + transitional (国发〔2005〕38号, E6)', PensionQuestion, PensionAnswer);
const unemploymentRoute = calculator(
  'unemployment',
  'Unemployment benefit: months and monthly amount (社会保险法 arts. 45–47, E4)',
  UnemploymentQuestion,
  UnemploymentAnswer,
);
const maternityRoute = calculator(
  'maternity',
  'Maternity allowance: days × daily rate (女职工劳动保护特别规定 arts. 7–8, E5)',
  MaternityQuestion,
  MaternityAnswer,
);
const workInjuryRoute = calculator(
  'work-injury',
  'One-off disability subsidy and monthly allowance by grade (工伤保险条例 arts. 35–37, 64, E9)',
  WorkInjuryQuestion,
  WorkInjuryAnswer,
);

/** The benefit calculators (docs/api.md "Benefit calculators"): pure domain rules with the dated configuration. */
export const benefitCalculationRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(pensionRoute, async (c) => c.json(await calculatePensionFigures(c.var.ctx, c.req.valid('json')), 200))
    .openapi(unemploymentRoute, async (c) => c.json(await calculateUnemploymentFigures(c.var.ctx, c.req.valid('json')), 200))
    .openapi(maternityRoute, async (c) => c.json(await calculateMaternityFigures(c.var.ctx, c.req.valid('json')), 200))
    .openapi(workInjuryRoute, async (c) => c.json(await calculateWorkInjuryFigures(c.var.ctx, c.req.valid('json')), 200));
