import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { readArrearsStatement } from '../../services/arrears/read-arrears-statement.js';
import { requestDeferral } from '../../services/arrears/request-deferral.js';
import { runArrearsSweepNow } from '../../services/arrears/run-arrears-sweep.js';
import { closeEmployer } from '../../services/employers/close-employer.js';
import type { AppEnv } from '../env.js';
import { presentStatement } from '../presenters/contribution.presenter.js';
import { problemResponse } from '../problem.js';
import { CaseAccepted } from '../schemas/case.schemas.js';
import { PeriodOut } from '../schemas/contribution.schemas.js';
import { CreditCodeField, IsoDate } from '../schemas/common.js';

const CaseParams = z.object({ caseId: z.string().min(1).max(64) });

const ArrearsAnswer = z
  .object({
    caseId: z.string(),
    reference: z.string(),
    status: z.string(),
    employerCreditCode: z.string(),
    asOf: z.string(),
    periods: z.array(PeriodOut),
    principal: z.string(),
    lateFee: z.string(),
    fine: z.string(),
    total: z.string(),
    links: z.object({ case: z.string() }),
  })
  .openapi('ArrearsCase');

const getRoute = createRoute({
  method: 'get',
  path: '/arrears-cases/{caseId}',
  tags: ['Arrears 欠费追缴'],
  summary: 'An arrears case as of a date: principal, late fee (days counted), fine and total (社会保险法 art. 86)',
  request: { params: CaseParams, query: z.object({ asOf: IsoDate.optional() }) },
  responses: {
    200: { content: { 'application/json': { schema: ArrearsAnswer } }, description: 'The statement' },
    404: problemResponse('Unknown case, or not visible to you'),
  },
});

const deferralRoute = createRoute({
  method: 'post',
  path: '/arrears-cases/{caseId}/deferral-requests',
  tags: ['Arrears 欠费追缴'],
  summary: 'Ask for a hardship deferral (at most a calendar year from today, no late fee during it); a supervisor decides',
  request: {
    params: CaseParams,
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ until: IsoDate, reason: z.string().trim().min(1).max(500) }).openapi('DeferralRequest') } },
    },
  },
  responses: {
    200: { content: { 'application/json': { schema: CaseAccepted } }, description: 'Accepted: the case waits for the supervisor' },
    403: problemResponse('Not allowed to ask for a deferral of this case'),
    404: problemResponse('Unknown case, or not visible to you'),
    409: problemResponse('Not possible at this stage'),
    422: problemResponse('Longer than allowed, or without a reason'),
  },
});

const sweepRoute = createRoute({
  method: 'post',
  path: '/arrears-sweeps',
  tags: ['Arrears 欠费追缴'],
  summary: 'Run the daily overdue sweep now (supervisor, admin): provisional bills, then one arrears case per employer',
  request: { body: { required: false, content: { 'application/json': { schema: z.object({ asOf: IsoDate.optional() }) } } } },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({ asOf: z.string(), cases: z.array(z.object({ caseId: z.string(), reference: z.string(), periods: z.array(z.string()) })) }),
        },
      },
      description: 'Cases started or joined',
    },
    403: problemResponse('Only supervisors and administrators run the sweep'),
    422: problemResponse('A date the sweep cannot run as of (after today), INVALID_DATE'),
  },
});

const closureRoute = createRoute({
  method: 'post',
  path: '/employers/{creditCode}/closure',
  tags: ['Reference data'],
  summary:
    "Close an employer's registration; refused while anything is owed: an open arrears case, an unpaid fine, an overdue unpaid bill (社会保险经办条例 art. 10)",
  request: { params: z.object({ creditCode: CreditCodeField }) },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ creditCode: z.string(), status: z.string() }) } }, description: 'Closed (or already closed)' },
    403: problemResponse('Not an administrator of the region'),
    404: problemResponse('Unknown employer'),
    409: problemResponse('Something is still owed: NOT_ALLOWED_NOW, the detail names every reason'),
  },
});

export const arrearsRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(getRoute, async (c) => {
      const { case: row, statement } = await readArrearsStatement(c.var.ctx, c.req.valid('param').caseId, c.req.valid('query').asOf);
      const shown = presentStatement(statement);
      return c.json(
        {
          caseId: row.caseId,
          reference: row.reference,
          status: row.status,
          employerCreditCode: row.employerCreditCode,
          ...shown,
          links: { case: `/v1/cases/${row.caseId}` },
        },
        200,
      );
    })
    .openapi(deferralRoute, async (c) => {
      const { case: row, view } = await requestDeferral(c.var.ctx, c.req.valid('param').caseId, c.req.valid('json'));
      return c.json({ caseId: row.caseId, reference: row.reference, status: view.status, links: { self: `/v1/cases/${row.caseId}` } }, 200);
    })
    .openapi(sweepRoute, async (c) => {
      const { asOf, starts } = await runArrearsSweepNow(c.var.ctx, c.req.valid('json')?.asOf);
      return c.json({ asOf, cases: starts.map((s) => ({ caseId: s.caseId, reference: s.reference, periods: s.periods })) }, 200);
    })
    .openapi(closureRoute, async (c) => c.json(await closeEmployer(c.var.ctx, c.req.valid('param').creditCode), 200));
