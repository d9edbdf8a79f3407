import { ForbiddenError, subject } from '@casl/ability';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { runArrearsSweepNow } from '../../services/arrears/run-arrears-sweep.js';
import { findCase } from '../../db/queries/case.query.js';
import { loadFeeFreePeriods, loadFines, loadPeriodLedgers } from '../../db/queries/contribution-ledger.query.js';
import { loadContributionPolicy } from '../../db/queries/contribution-policy.query.js';
import { appendAudit } from '../../db/writers/case-log.js';
import { arrearsStatement } from '../../domain/arrears/arrears-statement.js';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { DomainError } from '../../domain/errors.js';
import type { AppEnv } from '../env.js';
import type { CaseWorkflows } from '../../services/workflow-port.js';
import { problemResponse } from '../problem.js';
import { CaseAccepted } from '../schemas/case.schemas.js';
import { CreditCodeField, IsoDate } from '../schemas/common.js';
import { PeriodOut, presentStatement } from './bills.routes.js';

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
  summary: 'Ask for a hardship deferral (at most one year, no late fee during it); a supervisor decides',
  request: {
    params: CaseParams,
    body: { required: true, content: { 'application/json': { schema: z.object({ until: IsoDate, reason: z.string().trim().min(1).max(500) }).openapi('DeferralRequest') } } },
  },
  responses: {
    200: { content: { 'application/json': { schema: CaseAccepted } }, description: 'Accepted: the case waits for the supervisor' },
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
    200: { content: { 'application/json': { schema: z.object({ asOf: z.string(), cases: z.array(z.object({ caseId: z.string(), reference: z.string(), periods: z.array(z.string()) })) }) } }, description: 'Cases started or joined' },
    403: problemResponse('Only supervisors and administrators run the sweep'),
  },
});

const closureRoute = createRoute({
  method: 'post',
  path: '/employers/{creditCode}/closure',
  tags: ['Reference data'],
  summary: "Close an employer's registration; refused while an arrears case is open (issue 3)",
  request: { params: z.object({ creditCode: CreditCodeField }) },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ creditCode: z.string(), status: z.string() }) } }, description: 'Closed' },
    404: problemResponse('Unknown employer'),
    409: problemResponse('An arrears case is open'),
  },
});

/** The contribution account an arrears case belongs to, as policies/subjects.ts checks it. */
const accountOf = (row: { employerCreditCode: string | null; region: string }) => ({ employerCreditCode: row.employerCreditCode ?? '', region: row.region });

export const arrearsRoutes = (cases: CaseWorkflows, clock: () => Date) =>
  new OpenAPIHono<AppEnv>()
    .openapi(getRoute, async (c) => {
      const { em, ability } = c.var;
      const row = await findCase(em, c.req.valid('param').caseId);
      if (!row || row.type !== 'arrears' || !row.employerCreditCode || ability.cannot('read', subject('ArrearsCase', accountOf(row)))) {
        throw new DomainError('CASE_NOT_FOUND', `No arrears case ${c.req.valid('param').caseId}`);
      }
      const asOf = c.req.valid('query').asOf ?? shanghaiDateOf(clock().getTime());
      const periods = (await em.execute<{ period: string }[]>('select period from arrears_period where case_id = ? order by period', [row.caseId])).map((r) => r.period);
      const policy = await loadContributionPolicy(em);
      const statement = arrearsStatement({
        asOf,
        periods: await loadPeriodLedgers(em, row.employerCreditCode, periods),
        feeFree: await loadFeeFreePeriods(em, row.employerCreditCode),
        fine: await loadFines(em, row.employerCreditCode, row.caseId),
        policy: policy.lateFee,
      });
      const shown = presentStatement(statement);
      return c.json({ caseId: row.caseId, reference: row.reference, status: row.status, employerCreditCode: row.employerCreditCode, ...shown, links: { case: `/v1/cases/${row.caseId}` } }, 200);
    })
    .openapi(deferralRoute, async (c) => {
      const { em, ability, actor } = c.var;
      const row = await findCase(em, c.req.valid('param').caseId);
      if (!row || row.type !== 'arrears' || ability.cannot('read', subject('ArrearsCase', accountOf(row)))) {
        throw new DomainError('CASE_NOT_FOUND', `No arrears case ${c.req.valid('param').caseId}`);
      }
      if (ability.cannot('update', subject('ArrearsCase', accountOf(row)))) {
        throw new ForbiddenError(ability).setMessage('role: the employer or its caseworker asks for a deferral; a supervisor decides it');
      }
      const view = await cases.requestArrearsDeferral(row.caseId, { ...c.req.valid('json'), actorId: actor.id });
      return c.json({ caseId: row.caseId, reference: row.reference, status: view.status, links: { self: `/v1/cases/${row.caseId}` } }, 200);
    })
    .openapi(sweepRoute, async (c) => {
      const { asOf, starts } = await runArrearsSweepNow(c.var.ctx, (c.req.valid('json') as { asOf?: string } | undefined)?.asOf);
      return c.json({ asOf, cases: starts.map((s) => ({ caseId: s.caseId, reference: s.reference, periods: s.periods })) }, 200);
    })
    .openapi(closureRoute, async (c) => {
      const { em, ability, actor } = c.var;
      const code = c.req.valid('param').creditCode;
      const [employer] = await em.execute<{ region: string; status: string }[]>('select region, status from employer where credit_code = ?', [code]);
      if (!employer || ability.cannot('read', subject('Employer', { creditCode: code, region: employer.region }))) throw new DomainError('EMPLOYER_NOT_FOUND', `No employer ${code}`);
      if (ability.cannot('update', subject('Employer', { creditCode: code, region: employer.region }))) {
        throw new ForbiddenError(ability).setMessage('role: an administrator of the region closes a registration');
      }
      const [open] = await em.execute<{ reference: string }[]>(
        "select reference from case_record where case_type = 'arrears' and employer_credit_code = ? and closed_at is null limit 1",
        [code],
      );
      if (open) throw new DomainError('NOT_ALLOWED_NOW', `arrears case ${open.reference} is open: the registration cannot be closed until it is settled`);
      await em.execute("update employer set status = 'closed' where credit_code = ?", [code]);
      await appendAudit(em, { at: clock(), actorId: actor.id, actorRole: actor.role, region: employer.region, action: 'employer.closed', objectType: 'Employer', objectId: code, requestId: c.get('requestId') });
      return c.json({ creditCode: code, status: 'closed' }, 200);
    });
