import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { DEPENDANT_RELATIONS } from '../../domain/benefit/survivor-dependants.js';
import { RETIREMENT_CATEGORIES } from '../../domain/retirement-age.js';
import { fileBenefitClaim } from '../../services/benefits/file-claim.js';
import { readBenefitClaim } from '../../services/benefits/read-claim.js';
import { requestReassessment } from '../../services/benefits/request-reassessment.js';
import type { AppEnv } from '../env.js';
import { presentBenefitClaim } from '../presenters/benefit-claim.presenter.js';
import { problemResponse } from '../problem.js';
import { Deadline, CaseAccepted } from '../schemas/case.schemas.js';
import { Amount, CitizenIdField, CreditCodeField, IsoDate, RegionCode } from '../schemas/common.js';

const Text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max);
const Common = { citizenId: CitizenIdField, region: RegionCode };
const Months = z.number({ error: 'must be a whole number of months' }).int({ error: 'must be a whole number' }).min(0).max(600);

const PensionClaim = z.object({
  type: z.literal('pension'),
  ...Common,
  retirementDate: IsoDate,
  retirementCategory: z.enum(RETIREMENT_CATEGORIES).optional().openapi({ description: 'A woman: female55 (cadre) or female50 (worker)' }),
  lateRetirementAgreed: z.boolean().optional(),
  contributionsExtended: z.boolean().optional(),
  deemedMonths: Months.optional().openapi({ description: '视同缴费 months before the personal account existed' }),
});

const UnemploymentClaim = z.object({
  type: z.literal('unemployment'),
  ...Common,
  leaveDate: IsoDate,
  employerCreditCode: CreditCodeField,
  registeredOn: IsoDate.optional().openapi({ description: 'Unemployment registration (default: the filing day)' }),
});

const MaternityClaim = z.object({
  type: z.literal('maternity'),
  ...Common,
  employerCreditCode: CreditCodeField,
  event: z.object({
    type: z.enum(['birth', 'miscarriage'], { error: 'must be birth or miscarriage' }),
    date: IsoDate,
    difficultBirth: z.boolean().optional(),
    babies: z.number().int().min(1).max(10).optional(),
    pregnancyMonths: z.number().int().min(0).max(10).optional(),
  }),
});

const WorkInjuryClaim = z.object({
  type: z.literal('workInjury'),
  ...Common,
  accidentDate: IsoDate,
  employerCreditCode: CreditCodeField,
  description: Text(2_000),
  applicant: z.enum(['employer', 'worker', 'family', 'union']).optional(),
  clearCut: z.boolean().optional().openapi({ description: 'Staff only: a clear-cut case, decided within 15 days' }),
  approvedExtensionDays: z.number().int().min(0).max(365).optional().openapi({ description: 'Staff only: the approved extension of the employer’s 30 days' }),
});

const DeathClaim = z.object({
  type: z.enum(['funeral', 'survivor']),
  ...Common,
  deathDate: IsoDate,
  cause: z.enum(['workInjury', 'other']),
  injuryReference: z
    .string()
    .regex(/^BC\d{10}$/, { error: 'must be a benefit claim reference such as BC2026000123' })
    .optional(),
  dependants: z
    .array(
      z.object({
        name: Text(50),
        relation: z.enum(DEPENDANT_RELATIONS, { error: `must be one of ${DEPENDANT_RELATIONS.join(', ')}` }),
        orphanOrLoneElderly: z.boolean().default(false),
        sex: z.enum(['male', 'female']).optional().openapi({ description: 'Required for a work-injury survivor claim (供养亲属 test)' }),
        birthDate: IsoDate.optional().openapi({ description: 'Required for a work-injury survivor claim: the age limits (供养亲属范围规定 art. 3)' }),
        fullyDisabled: z.boolean().default(false).openapi({ description: '完全丧失劳动能力, as assessed' }),
        monthlyIncome: Amount.optional().openapi({
          description: 'Required for a work-injury survivor claim: own income a month, paid only below workInjuryDeath.dependantIncomeLimit (低保)',
        }),
        closerRelativesGone: z.boolean().default(false).openapi({
          description:
            'Grandparent: both of the deceased’s parents dead; grandchild: their parent dead or fully disabled; sibling: both parents dead or fully disabled',
        }),
      }),
    )
    .max(20)
    .optional(),
});

const ClaimBody = z.discriminatedUnion('type', [PensionClaim, UnemploymentClaim, MaternityClaim, WorkInjuryClaim, DeathClaim]).openapi('BenefitClaimRequest');

const Line = z.object({
  benefit: z.string(),
  kind: z.enum(['monthly', 'oneOff', 'medicalPremium']),
  payer: z.enum(['fund', 'employer']),
  amount: z.string(),
  startMonth: z.string(),
  endMonth: z.string().nullable(),
  beneficiary: z.string().nullable(),
});

const ClaimView = z
  .object({
    reference: z.string(),
    caseId: z.string(),
    type: z.string(),
    status: z.string(),
    citizenId: z.string().nullable(),
    name: z.string().nullable(),
    filedOn: z.string().nullable(),
    closed: z.boolean(),
    deadlines: z.array(Deadline),
    amounts: z.object({ lines: z.array(Line), figures: z.record(z.string(), z.unknown()), workings: z.array(z.string()) }).nullable(),
    refusals: z.array(z.object({ code: z.string(), reason: z.string() })),
    options: z.array(z.string()),
    decision: z
      .object({ outcome: z.string(), reason: z.string().nullable(), decidedOn: z.string(), letter: z.record(z.string(), z.unknown()).nullable() })
      .nullable(),
    letter: z.record(z.string(), z.unknown()).nullable(),
    workInjury: z.record(z.string(), z.unknown()).nullable(),
    approval: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'Who acted at each tier (staff only)' }),
    entitlements: z.array(
      Line.extend({ firstPayrollMonth: z.string(), status: z.string(), stopReason: z.string().nullable(), monthsUnused: z.number().nullable() }),
    ),
    payments: z.array(z.record(z.string(), z.unknown())).openapi({ description: 'Empty until the payroll pays the entitlements' }),
    timeline: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), detail: z.record(z.string(), z.unknown()) })),
    allowedActions: z.array(z.string()),
  })
  .openapi('BenefitClaim');

const RefParams = z.object({ reference: z.string().min(1).max(64).openapi({ description: 'Reference (BC2026000001) or case ID' }) });

const fileRoute = createRoute({
  method: 'post',
  path: '/benefit-claims',
  tags: ['Benefit claims 待遇审批'],
  summary: 'File a benefit claim (the person, their employer or a caseworker); the filer’s repeat returns the same case',
  request: { body: { required: true, content: { 'application/json': { schema: ClaimBody } } } },
  responses: {
    202: { content: { 'application/json': { schema: CaseAccepted } }, description: 'The claim (new or the existing one)' },
    400: problemResponse('Invalid input, naming the field (an event in the future, a region not served, a field only staff set)'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Not allowed to file this claim, with the reason'),
    409: problemResponse('CLAIM_ALREADY_OPEN: another claim for the same person, type and event is open'),
    422: problemResponse('NOT_INSURED: no insurance record for this person'),
  },
});

const viewRoute = createRoute({
  method: 'get',
  path: '/benefit-claims/{reference}',
  tags: ['Benefit claims 待遇审批'],
  summary: 'The claim: status, deadlines with the days left, amounts with workings, the decision letter, entitlements and payments',
  request: { params: RefParams },
  responses: {
    200: { content: { 'application/json': { schema: ClaimView } }, description: 'The claim as the caller may see it' },
    401: problemResponse('No or bad token'),
    404: problemResponse('Unknown, or not visible to the caller'),
  },
});

const reassessmentRoute = createRoute({
  method: 'post',
  path: '/benefit-claims/{reference}/reassessment-requests',
  tags: ['Benefit claims 待遇审批'],
  summary: 'Ask for a re-assessment of the disability grade within 15 days of the conclusion (工伤保险条例 art. 26)',
  request: { params: RefParams },
  responses: {
    200: { content: { 'application/json': { schema: CaseAccepted } }, description: 'Requested: the assessment is done again' },
    401: problemResponse('No or bad token'),
    403: problemResponse('Not the claimant, their employer or staff of the region'),
    404: problemResponse('Unknown, or not visible to the caller'),
    409: problemResponse('No assessment conclusion to contest now'),
    422: problemResponse('REASSESSMENT_OUT_OF_TIME: too late, naming the last day'),
  },
});

const accepted = (caseId: string, reference: string, status: string) => ({ caseId, reference, status, links: { self: `/v1/benefit-claims/${reference}` } });

export const benefitClaimRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(fileRoute, async (c) => {
      const row = await fileBenefitClaim(c.var.ctx, c.req.valid('json'));
      return c.json(accepted(row.caseId, row.reference, row.status), 202);
    })
    .openapi(viewRoute, async (c) => {
      const read = await readBenefitClaim(c.var.ctx, c.req.valid('param').reference);
      return c.json(presentBenefitClaim(read, c.var.actor), 200);
    })
    .openapi(reassessmentRoute, async (c) => {
      const { row, view } = await requestReassessment(c.var.ctx, c.req.valid('param').reference);
      return c.json(accepted(row.caseId, row.reference, view.status), 200);
    });
