import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { invalidInput } from '../../domain/errors.js';
import { issueCertificate } from '../../services/records/issue-certificate.js';
import { readPersonalRecord } from '../../services/records/read-personal-record.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';
import { CitizenIdField } from '../schemas/common.js';

const PersonParams = z.object({ citizenId: CitizenIdField });
const MonthsByInsurance = z.record(z.string(), z.number().int());

const RecordOut = z
  .object({
    citizenId: z.string().openapi({ description: 'Masked unless the caller may see it whole' }),
    name: z.string().nullable().openapi({ description: 'Masked unless the caller may see it whole' }),
    unmasked: z.boolean(),
    asOf: z.string(),
    periods: z.array(
      z.object({
        insuranceType: z.string(),
        region: z.string(),
        employerCreditCode: z.string().nullable(),
        personnelCategory: z.string(),
        status: z.string(),
        startMonth: z.string(),
        endMonth: z.string().nullable(),
        endReason: z.string().nullable(),
        contributionBase: z.string(),
        recordedMonths: z.number().int(),
        paidMonths: z.number().int(),
      }),
    ),
    contributionMonths: MonthsByInsurance,
    unpaidMonths: MonthsByInsurance,
    personalAccount: z
      .object({
        years: z.array(
          z.object({
            year: z.number().int(),
            opening: z.string(),
            contributions: z.string(),
            months: z.number().int(),
            rate: z.string().nullable(),
            interest: z.string(),
            closing: z.string(),
          }),
        ),
        balance: z.string(),
        interestTotal: z.string(),
        workings: z.array(z.string()),
      })
      .openapi('PersonalAccount', { description: 'Basic pension personal account with the yearly interest credited (rules §5.1)' }),
    benefits: z.array(
      z.object({
        reference: z.string(),
        benefit: z.string(),
        kind: z.string(),
        amount: z.string(),
        startMonth: z.string(),
        endMonth: z.string().nullable(),
        status: z.string(),
      }),
    ),
    medicalAccount: z
      .object({
        credits: z.array(
          z.object({ bookedAt: z.string(), source: z.string(), ruleId: z.string(), period: z.string(), amount: z.string(), reference: z.string() }),
        ),
        credited: z.string(),
        spendings: z.array(
          z.object({
            bookedAt: z.string(),
            kind: z.string().openapi({ description: 'outpatient or pharmacy' }),
            period: z.string(),
            amount: z.string(),
            reference: z.string(),
          }),
        ),
        spent: z.string(),
        balance: z.string(),
      })
      .openapi('MedicalAccount', {
        description:
          'The personal medical account, oldest first: credits (医疗帐户补助金) and their sum, payments from it (个人账户支付) and their sum, and the balance',
      }),
  })
  .openapi('PersonalRecord');

const recordRoute = createRoute({
  method: 'get',
  path: '/persons/{citizenId}/record',
  tags: ['Public service 公共服务'],
  summary: '个人权益记录: periods, contribution months and bases, the personal account with its yearly interest, benefits granted',
  request: { params: PersonParams },
  responses: {
    200: { content: { 'application/json': { schema: RecordOut } }, description: 'The record' },
    400: problemResponse('Not an ID number'),
    401: problemResponse('No or bad token'),
    404: problemResponse('No record of this person, or not visible to the caller'),
  },
});

const certificateRoute = createRoute({
  method: 'post',
  path: '/persons/{citizenId}/certificates',
  tags: ['Public service 公共服务'],
  summary: '参保证明: issue a certificate as a PDF with a verification code (the person, or staff of their region)',
  request: { params: PersonParams },
  responses: {
    201: {
      content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
      description: 'The PDF; headers X-Verification-Code and X-Content-SHA256',
    },
    400: problemResponse('Not an ID number'),
    401: problemResponse('No or bad token'),
    403: problemResponse('May read the record but not have a certificate issued (the full ID number is printed)'),
    404: problemResponse('No record of this person, or not visible to the caller'),
  },
});

export const recordRoutes = () => {
  const app = new OpenAPIHono<AppEnv>().openapi(recordRoute, async (c) => c.json(await readPersonalRecord(c.var.ctx, c.req.valid('param').citizenId), 200));
  // Registered by hand: the answer is the PDF's bytes, which a typed openapi() handler cannot return.
  app.openAPIRegistry.registerPath(certificateRoute);
  app.post('/persons/:citizenId/certificates', async (c) => {
    const parsed = CitizenIdField.safeParse(c.req.param('citizenId'));
    if (!parsed.success) throw invalidInput([{ path: 'citizenId', message: parsed.error.issues[0]?.message ?? 'not an ID number' }]);
    const certificate = await issueCertificate(c.var.ctx, parsed.data);
    return c.body(new Uint8Array(certificate.pdf), 201, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="certificate-${certificate.code}.pdf"`,
      'X-Verification-Code': certificate.code,
      'X-Content-SHA256': certificate.sha256,
    });
  });
  return app;
};
