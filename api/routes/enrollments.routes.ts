import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { RETIREMENT_CATEGORIES } from '../../domain/retirement-age.js';
import { resubmitEnrollment, withdrawEnrollment } from '../../services/enrollment/answer-enrollment.js';
import { registerHire } from '../../services/enrollment/register-hire.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';
import { CaseAccepted } from '../schemas/case.schemas.js';
import { Amount, CitizenIdField, CreditCodeField, InsuranceTypeField, InsuranceTypeList, IsoDate, RegionCode } from '../schemas/common.js';

const Name = z.string().trim().min(1, { error: 'must not be empty' }).max(50);
const Phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, { error: 'must be a mainland mobile or landline number' });

const EnrollmentBody = z
  .object({
    person: z.object({ citizenId: CitizenIdField, name: Name, phone: Phone.optional(), hukouRegion: RegionCode.optional() }),
    employerCreditCode: CreditCodeField.optional(),
    hireDate: IsoDate,
    insuranceTypes: InsuranceTypeList,
    monthlyWage: Amount,
    region: RegionCode,
    retirementCategory: z.enum(RETIREMENT_CATEGORIES).optional(),
  })
  .openapi('EnrollmentRequest');

const CorrectionBody = z
  .object({
    person: z.object({ name: Name.optional(), phone: Phone.optional(), hukouRegion: RegionCode.optional() }).optional(),
    hireDate: IsoDate.optional(),
    insuranceTypes: z.array(InsuranceTypeField).min(1).optional(),
    monthlyWage: Amount.optional(),
    comment: z.string().trim().min(1, { error: 'say what was corrected' }).max(2_000),
  })
  .openapi('EnrollmentCorrection');

const startRoute = createRoute({
  method: 'post',
  path: '/enrollments',
  tags: ['Enrollment 参保登记'],
  summary: 'Register a hire (employer) or yourself as a flexible worker (citizen); repeats return the same case',
  request: { body: { required: true, content: { 'application/json': { schema: EnrollmentBody } } } },
  responses: {
    202: { content: { 'application/json': { schema: CaseAccepted } }, description: 'The case (new or the existing one)' },
    400: problemResponse('Invalid input, naming the field (also: a birth date in the future, a hire before birth, a region not served)'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Not allowed to file this registration, with the reason'),
    409: problemResponse('Someone else has an open enrollment for this person and employer'),
    422: problemResponse('Refused by a rule known at the door (e.g. a flexible worker asking for unemployment insurance)'),
  },
});

const CaseParams = z.object({ caseId: z.string().min(1).max(64) });
const correctRoute = createRoute({
  method: 'post',
  path: '/enrollments/{caseId}/corrections',
  tags: ['Enrollment 参保登记'],
  summary: 'Answer a return for correction (补正材料); the case goes back to its reviewer',
  request: { params: CaseParams, body: { required: true, content: { 'application/json': { schema: CorrectionBody } } } },
  responses: {
    200: { content: { 'application/json': { schema: CaseAccepted } }, description: 'Accepted by the case' },
    403: problemResponse('Visible to you, but only the applicant answers for it'),
    404: problemResponse('Unknown case, or not yours'),
    409: problemResponse('The case is not waiting for a correction'),
  },
});

const withdrawRoute = createRoute({
  method: 'post',
  path: '/enrollments/{caseId}/withdrawal',
  tags: ['Enrollment 参保登记'],
  summary: 'Withdraw an application that is still under review or waiting for a correction',
  request: {
    params: CaseParams,
    body: { required: true, content: { 'application/json': { schema: z.object({ reason: z.string().trim().min(1).max(500) }) } } },
  },
  responses: {
    200: { content: { 'application/json': { schema: CaseAccepted } }, description: 'Withdrawn' },
    403: problemResponse('Visible to you, but only the applicant withdraws it'),
    404: problemResponse('Unknown case, or not yours'),
    409: problemResponse('Too late to withdraw'),
  },
});

const accepted = (caseId: string, reference: string, status: string) => ({
  caseId,
  reference,
  status,
  links: { self: `/v1/cases/${caseId}` },
});

export const enrollmentRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(startRoute, async (c) => {
      const row = await registerHire(c.var.ctx, c.req.valid('json'));
      return c.json(accepted(row.caseId, row.reference, row.status), 202);
    })
    .openapi(correctRoute, async (c) => {
      const { comment, ...changes } = c.req.valid('json');
      const { row, view } = await resubmitEnrollment(c.var.ctx, c.req.valid('param').caseId, { ...changes, comment });
      return c.json(accepted(row.caseId, row.reference, view.status), 200);
    })
    .openapi(withdrawRoute, async (c) => {
      const { row, view } = await withdrawEnrollment(c.var.ctx, c.req.valid('param').caseId, c.req.valid('json').reason);
      return c.json(accepted(row.caseId, row.reference, view.status), 200);
    });
