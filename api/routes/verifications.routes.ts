import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { checkIn } from '../../services/verification/check-in.js';
import { readVerification } from '../../services/verification/read-verification.js';
import { runVerificationSweepNow } from '../../services/verification/run-verification-sweep.js';
import type { AppEnv } from '../env.js';
import { presentVerification } from '../presenters/verification.presenter.js';
import { problemResponse } from '../problem.js';
import { CitizenIdField, RegionCode } from '../schemas/common.js';

const Verification = z
  .object({
    status: z.enum(['verified', 'dueSoon', 'overdue', 'none']).openapi({ description: '`none`: no monthly benefit is paid, nothing to verify' }),
    lastVerifiedOn: z.string().nullable(),
    dueOn: z.string().nullable().openapi({ description: 'The next verification is due on this day (the cycle, default 12 months)' }),
    remindFrom: z.string().nullable(),
    suspendFrom: z.string().nullable().openapi({ description: 'Payment is suspended from this day without a verification (grace days after dueOn)' }),
    lastEvidence: z.object({ kind: z.string(), verifiedOn: z.string(), source: z.string() }).nullable(),
    suspensions: z.array(
      z.object({ benefit: z.string(), fromMonth: z.string(), toMonth: z.string().nullable(), resumedIn: z.string().nullable(), reason: z.string() }),
    ),
  })
  .openapi('Verification');

const CheckIn = Verification.extend({
  recorded: z.boolean().openapi({ description: 'false: the person had already checked in today, nothing new recorded' }),
  resumed: z.number().openapi({ description: 'Suspended benefits resumed; the next payroll pays the held months back as one line' }),
}).openapi('VerificationCheckIn');

const params = z.object({ citizenId: CitizenIdField });

const readRoute = createRoute({
  method: 'get',
  path: '/persons/{citizenId}/verification',
  tags: ['Benefit payroll 待遇拨付'],
  summary: 'Eligibility verification (待遇资格认证): last verified, next due, suspended from; the suspensions (the citizen, staff of the region)',
  request: { params },
  responses: {
    200: { content: { 'application/json': { schema: Verification } }, description: 'The verification status' },
    404: problemResponse('No benefit is paid to this person here, or not visible to the caller (PERSON_NOT_FOUND)'),
  },
});

const checkInRoute = createRoute({
  method: 'post',
  path: '/persons/{citizenId}/verifications',
  tags: ['Benefit payroll 待遇拨付'],
  summary:
    'A check-in (待遇资格认证 self-service): the citizen for themself, staff of the region at the counter; resumes a suspended benefit with back pay. Once per day',
  request: { params },
  responses: {
    200: { content: { 'application/json': { schema: CheckIn } }, description: 'Already checked in today: nothing new recorded' },
    201: { content: { 'application/json': { schema: CheckIn } }, description: 'Checked in' },
    403: problemResponse('Staff of another region, or a role that does not verify (FORBIDDEN)'),
    404: problemResponse('No benefit is paid to this person here, or not visible to the caller (PERSON_NOT_FOUND)'),
    409: problemResponse('No monthly benefit is paid to the person: nothing to verify (NOT_ALLOWED_NOW)'),
  },
});

const sweepRoute = createRoute({
  method: 'post',
  path: '/verification-sweeps',
  tags: ['Benefit payroll 待遇拨付'],
  summary: 'Run the suspension sweep of a region now (supervisor, admin): every overdue beneficiary suspended, with a notice and an audit entry',
  request: { body: { required: true, content: { 'application/json': { schema: z.object({ region: RegionCode }) } } } },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ today: z.string(), suspended: z.number() }) } }, description: 'How many were suspended' },
    403: problemResponse('Only supervisors and administrators of the region run the sweep'),
  },
});

export const verificationRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(readRoute, async (c) => c.json(presentVerification(await readVerification(c.var.ctx, c.req.valid('param').citizenId)), 200))
    .openapi(checkInRoute, async (c) => {
      const done = await checkIn(c.var.ctx, c.req.valid('param').citizenId);
      const body = { ...presentVerification(done), recorded: done.recorded, resumed: done.resumed };
      return done.recorded ? c.json(body, 201) : c.json(body, 200);
    })
    .openapi(sweepRoute, async (c) => c.json(await runVerificationSweepNow(c.var.ctx, c.req.valid('json').region), 200));
