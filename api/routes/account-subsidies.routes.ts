import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { declareAccountSubsidy } from '../../services/account-subsidies/declare-account-subsidy.js';
import { readAccountSubsidy } from '../../services/account-subsidies/read-account-subsidy.js';
import { readMedicalAccountLedgerOf } from '../../services/account-subsidies/read-medical-account-ledger.js';
import type { AppEnv } from '../env.js';
import { ledgerCursor, ledgerPage } from '../ledger-page.js';
import { PageQuery, pageOf } from '../pagination.js';
import { presentAccountSubsidy, presentMedicalAccountEntry } from '../presenters/account-subsidy.presenter.js';
import { problemResponse } from '../problem.js';
import { CaseAccepted, Deadline } from '../schemas/case.schemas.js';
import { Amount, CitizenIdField, RegionCode } from '../schemas/common.js';

const NAME = /^[A-Za-z][A-Za-z0-9._-]{0,39}$/;

const DeclarationBody = z
  .object({
    ruleId: z.string().regex(NAME, { error: 'must name a configured subsidy rule, e.g. retiree-account-credit' }),
    period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, { error: 'must be a month YYYY-MM, a quarter YYYY-Qn or a year YYYY, as the rule credits' }),
    region: RegionCode,
    persons: z
      .array(
        z.object({
          citizenId: CitizenIdField,
          bases: z
            .record(z.string().regex(NAME, { error: 'must name a base' }), Amount)
            .optional()
            .openapi({ description: 'The person’s own bases a rate rule takes (e.g. { "monthlyPension": "3500.00" })' }),
        }),
      )
      .min(1, { error: 'lists nobody' })
      .max(500),
  })
  .openapi('AccountSubsidyDeclarationRequest');

const DeclarationView = z
  .object({
    reference: z.string(),
    caseId: z.string(),
    status: z.string().openapi({ description: 'submitted, reviewing, approving, booking, approved or rejected' }),
    closed: z.boolean(),
    region: z.string(),
    employerCreditCode: z.string().nullable(),
    ruleId: z.string(),
    period: z.string(),
    basis: z.string().nullable(),
    declaredOn: z.string().nullable(),
    total: z.string().nullable(),
    persons: z.array(z.object({ citizenId: z.string(), name: z.string().nullable(), amount: z.string(), workings: z.array(z.string()) })),
    review: z.object({ reviewedBy: z.unknown(), approvedBy: z.unknown(), returns: z.number() }).nullable(),
    decision: z.object({ outcome: z.string(), on: z.string(), reason: z.string().nullable() }).nullable(),
    deadlines: z.array(Deadline),
    timeline: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), detail: z.record(z.string(), z.unknown()) })),
  })
  .openapi('AccountSubsidyDeclaration');

const LedgerEntry = z.object({
  id: z.number().int(),
  citizenId: z.string(),
  region: z.string(),
  source: z.string(),
  ruleId: z.string(),
  period: z.string(),
  amount: z.string(),
  reference: z.string(),
  caseId: z.string(),
  decidedBy: z.string(),
  bookedAt: z.string(),
});

const declareRoute = createRoute({
  method: 'post',
  path: '/account-subsidy-declarations',
  tags: ['Declarations 基层申报'],
  summary: 'Declare a 医疗帐户补助金 credit (a configured rule, a period) for a list of persons; the same request again returns its case',
  request: {
    headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }),
    body: { required: true, content: { 'application/json': { schema: DeclarationBody } } },
  },
  responses: {
    202: { content: { 'application/json': { schema: CaseAccepted } }, description: 'The declaration (new, or the existing one)' },
    400: problemResponse(
      'Invalid input, naming every row and field (persons.0.bases.x with three decimals, a period the rule does not credit); nothing written',
    ),
    401: problemResponse('No or bad token'),
    403: problemResponse('Not allowed to declare in this region, or a person has no record with the employer (named)'),
    422: problemResponse('NOT_ELIGIBLE: a person the rule does not cover; ALREADY_CREDITED: credited or declared before; IDEMPOTENCY_KEY_REUSED'),
  },
});

const viewRoute = createRoute({
  method: 'get',
  path: '/account-subsidy-declarations/{reference}',
  tags: ['Declarations 基层申报'],
  summary: 'The declaration: rule, period, each person’s credit with its workings, review and decision',
  request: { params: z.object({ reference: z.string().min(1).max(64).openapi({ description: 'Reference (BZ2026000001) or case ID' }) }) },
  responses: {
    200: { content: { 'application/json': { schema: DeclarationView } }, description: 'The declaration as the caller may see it' },
    401: problemResponse('No or bad token'),
    404: problemResponse('Unknown, or not visible to the caller'),
  },
});

const ledgerRoute = createRoute({
  method: 'get',
  path: '/medical-account-ledger',
  tags: ['Declarations 基层申报'],
  summary: 'The personal medical account credits booked in the caller’s region, newest first, with the total (staff, auditors)',
  request: { query: PageQuery.extend({ citizenId: CitizenIdField.optional().openapi({ param: { name: 'citizenId', in: 'query' } }) }) },
  responses: {
    200: {
      content: { 'application/json': { schema: pageOf(LedgerEntry).extend({ total: z.string(), count: z.number().int() }).openapi('MedicalAccountLedger') } },
      description: 'The ledger page and the total of the lines asked for',
    },
    400: problemResponse('A bad query parameter, named'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Not staff or an auditor of a region'),
  },
});

export const accountSubsidyRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(declareRoute, async (c) => {
      const row = await declareAccountSubsidy(c.var.ctx, c.req.valid('json'), c.req.valid('header')['idempotency-key']);
      return c.json(
        { caseId: row.caseId, reference: row.reference, status: row.status, links: { self: `/v1/account-subsidy-declarations/${row.reference}` } },
        202,
      );
    })
    .openapi(viewRoute, async (c) => c.json(presentAccountSubsidy(await readAccountSubsidy(c.var.ctx, c.req.valid('param').reference), c.var.actor), 200))
    .openapi(ledgerRoute, async (c) => {
      const q = c.req.valid('query');
      const ledger = await readMedicalAccountLedgerOf(c.var.ctx, { citizenId: q.citizenId, beforeId: ledgerCursor(q.cursor), limit: q.limit + 1 });
      return c.json(
        ledgerPage(ledger, q.limit, (e) => presentMedicalAccountEntry(e, ledger.unmasked)),
        200,
      );
    });
