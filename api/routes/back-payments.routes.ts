import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { EVIDENCE_KINDS } from '../../domain/declarations/back-payment-evidence.js';
import { applyBackPayment } from '../../services/back-payments/apply-back-payment.js';
import { readBackPayment } from '../../services/back-payments/read-back-payment.js';
import type { AppEnv } from '../env.js';
import { presentBackPayment } from '../presenters/back-payment.presenter.js';
import { problemResponse } from '../problem.js';
import { CaseAccepted, Deadline } from '../schemas/case.schemas.js';
import { Amount, CitizenIdField, CreditCodeField, InsuranceTypeList, IsoDate, IsoMonth } from '../schemas/common.js';

const Evidence = z.object({
  attachmentId: z.uuid({ error: 'must be an attachment id from POST /v1/attachments' }),
  kind: z.enum(EVIDENCE_KINDS, { error: `must be one of ${EVIDENCE_KINDS.join(', ')}` }),
  reference: z.string().trim().min(1, { error: 'must not be empty' }).max(100).optional(),
  issuedOn: IsoDate.optional(),
});

const ApplicationBody = z
  .object({
    employerCreditCode: CreditCodeField.optional().openapi({ description: 'Staff name the employer; an employer agent’s own when left out' }),
    citizenId: CitizenIdField,
    from: IsoMonth,
    to: IsoMonth,
    monthlyWage: Amount,
    wageByMonth: z.record(IsoMonth, Amount).optional().openapi({ description: 'Wages of months that differ from monthlyWage, from their payroll records' }),
    insuranceTypes: InsuranceTypeList,
    evidence: z.array(Evidence).min(1, { error: 'needs the evidence of the labour relation (a contract, payroll records or a legal document)' }).max(20),
  })
  .openapi('BackPaymentRequest');

const Month = z.object({
  period: z.string(),
  parametersFrom: z.string(),
  wage: z.string(),
  base: z.string(),
  employer: z.string(),
  employee: z.string(),
  contribution: z.string(),
  dueDate: z.string(),
  lateFeeDays: z.number().int(),
  lateFee: z.string(),
  total: z.string(),
});

const BackPaymentView = z
  .object({
    reference: z.string(),
    caseId: z.string(),
    status: z.string().openapi({ description: 'submitted, reviewing, approving, supervising, booking, approved or rejected' }),
    closed: z.boolean(),
    billing: z.string().openapi({ description: 'applied, billed (the months charged to the employer), paid (the months in the history) or rejected' }),
    citizenId: z.string(),
    name: z.string().nullable(),
    employerCreditCode: z.string(),
    region: z.string(),
    from: z.string(),
    to: z.string(),
    appliedOn: z.string(),
    insuranceTypes: z.array(z.string()),
    months: z.array(Month),
    totals: z.record(z.string(), z.string()),
    workings: z.array(z.string()),
    needsSupervisor: z.boolean(),
    supervisionHit: z.object({ control: z.string(), subjectKey: z.string(), reason: z.string(), amount: z.string().optional() }).nullable(),
    evidence: z.array(z.object({ kind: z.string(), attachmentId: z.string().optional(), reference: z.string().optional(), issuedOn: z.string().optional() })),
    review: z.object({ reviewedBy: z.unknown(), approvedBy: z.unknown(), supervisedBy: z.unknown(), returns: z.number() }).nullable(),
    decision: z.object({ outcome: z.string(), on: z.string(), reason: z.string().nullable() }).nullable(),
    billedAt: z.string().nullable(),
    paymentDueOn: z.string().nullable().openapi({
      description:
        'The approved bill’s own due date: the approval day + backPayment.policy paymentDueDays (default 15 calendar days, a rest day rolling to the next working day); the arrears sweep does not chase the bill before it. Null until approved',
    }),
    chargeLateFee: z.boolean().nullable().openapi({
      description:
        'backPayment.policy chargeLateFee on the approval day: true, the ledger charges the late fee from each month’s own due date; false, none before the day after paymentDueOn. Null until approved',
    }),
    paidAt: z.string().nullable(),
    deadlines: z.array(Deadline),
    timeline: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), detail: z.record(z.string(), z.unknown()) })),
  })
  .openapi('BackPayment');

const applyRoute = createRoute({
  method: 'post',
  path: '/back-payments',
  tags: ['Declarations 基层申报'],
  summary:
    'Apply to back-pay a person’s months without a record (无记录补缴), with the evidence of the labour relation; the same Idempotency-Key (or the identical application) returns its case',
  request: {
    headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }),
    body: { required: true, content: { 'application/json': { schema: ApplicationBody } } },
  },
  responses: {
    202: { content: { 'application/json': { schema: CaseAccepted } }, description: 'The application (new, or the one this key made)' },
    400: problemResponse(
      'Invalid input, naming the field (a wage with three decimals, a span out of order, no evidence, a legal document without its number or date); nothing written',
    ),
    401: problemResponse('No or bad token'),
    403: problemResponse('Not allowed to apply for this employer or person'),
    404: problemResponse('EMPLOYER_NOT_FOUND: unknown, or not visible to the caller'),
    422: problemResponse(
      'MONTH_ALREADY_RECORDED (a month has a record or another back-payment), FUTURE_MONTH, NO_PARAMETERS; IDEMPOTENCY_KEY_REUSED; nothing written',
    ),
  },
});

const viewRoute = createRoute({
  method: 'get',
  path: '/back-payments/{reference}',
  tags: ['Declarations 基层申报'],
  summary: 'The back-payment: months with their parameters and late fees, workings, review, bill and supervision flag',
  request: { params: z.object({ reference: z.string().min(1).max(64).openapi({ description: 'Reference (BJ2026000001) or case ID' }) }) },
  responses: {
    200: { content: { 'application/json': { schema: BackPaymentView } }, description: 'The back-payment as the caller may see it' },
    401: problemResponse('No or bad token'),
    404: problemResponse('Unknown, or not visible to the caller'),
  },
});

export const backPaymentRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(applyRoute, async (c) => {
      const row = await applyBackPayment(c.var.ctx, { ...c.req.valid('json'), idempotencyKey: c.req.valid('header')['idempotency-key'] });
      return c.json({ caseId: row.caseId, reference: row.reference, status: row.status, links: { self: `/v1/back-payments/${row.reference}` } }, 202);
    })
    .openapi(viewRoute, async (c) => c.json(presentBackPayment(await readBackPayment(c.var.ctx, c.req.valid('param').reference), c.var.actor), 200));
