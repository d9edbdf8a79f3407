import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { readPaymentFile } from '../../domain/contribution/payment-file.js';
import { loadContributionPolicy } from '../../db/queries/contribution-policy.query.js';
import { recordPayment } from '../../db/writers/contribution-ledger.js';
import type { Allocation } from '../../domain/contribution/allocation.js';
import { decodeRosterBytes } from '../../domain/contribution/declaration-csv.js';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { Money } from '../../domain/money.js';
import type { AppEnv } from '../env.js';
import type { CaseWorkflows } from '../../services/workflow-port.js';
import { ValidationError } from '../errors.js';
import { problemResponse } from '../problem.js';
import { Amount, CreditCodeField, IsoDate } from '../schemas/common.js';
import { employerFor } from './declarations.routes.js';

const PaymentBody = z
  .object({
    employerCreditCode: CreditCodeField,
    amount: Amount.refine((a) => !/^0+(\.0+)?$/.test(a), { error: 'must be more than zero' }),
    paidOn: IsoDate,
    reference: z.string().max(64).optional(),
  })
  .openapi('PaymentRequest');

const AllocationOut = z.object({
  lines: z.array(z.object({ period: z.string(), component: z.string(), amount: z.string() })),
  credit: z.string(),
  workings: z.array(z.string()),
});
const PaymentAnswer = z
  .object({ paymentId: z.string(), idempotencyKey: z.string(), duplicate: z.boolean(), allocation: AllocationOut.nullable() })
  .openapi('PaymentAnswer');

const payRoute = createRoute({
  method: 'post',
  path: '/payments',
  tags: ['Contributions 征缴'],
  summary: 'Record a payment (Idempotency-Key header required); it is allocated by the configured rule, overpayment becomes credit',
  request: { headers: z.object({ 'idempotency-key': z.string().min(8).max(100) }), body: { required: true, content: { 'application/json': { schema: PaymentBody } } } },
  responses: {
    201: { content: { 'application/json': { schema: PaymentAnswer } }, description: 'Booked and allocated' },
    200: { content: { 'application/json': { schema: PaymentAnswer } }, description: 'Already booked under this key: counted once' },
    400: problemResponse('Invalid input'),
    403: problemResponse('Not allowed to record payments'),
    404: problemResponse('Unknown employer'),
  },
});

const importRoute = createRoute({
  method: 'post',
  path: '/payments/files',
  tags: ['Contributions 征缴'],
  summary: 'Import a bank or tax-bureau payment file (formats in docs/contributions.md); every line counts once however often imported',
  request: {
    body: {
      required: true,
      content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }), source: z.enum(['bank', 'tax']) }) } },
    },
  },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ booked: z.number(), duplicates: z.number(), payments: z.array(PaymentAnswer) }).openapi('PaymentImport') } },
      description: 'Imported',
    },
    400: problemResponse('Refused as a whole; `errors` names every bad row and field; nothing was booked'),
  },
});

const allocationOut = (a: Allocation | null) =>
  a && { lines: a.lines.map((l) => ({ period: l.period, component: l.component, amount: l.amount.toString() })), credit: a.credit.toString(), workings: a.workings };

/** Wakes the employer's open arrears case, if any, so it recomputes and settles what the payment covered. */
async function tellArrearsCase(v: AppEnv['Variables'], cases: CaseWorkflows, employer: string, paymentId: string): Promise<void> {
  const [open] = await v.em.execute<{ id: string }[]>(
    "select id from case_record where case_type = 'arrears' and employer_credit_code = ? and closed_at is null",
    [employer],
  );
  if (open) await cases.notifyArrearsPayment(open.id, paymentId);
}

export const paymentRoutes = (cases: CaseWorkflows, clock: () => Date) =>
  new OpenAPIHono<AppEnv>()
    .openapi(payRoute, async (c) => {
      const body = c.req.valid('json');
      const key = c.req.valid('header')['idempotency-key'];
      const employer = await employerFor(c.var, body.employerCreditCode, 'pay');
      const now = clock();
      if (body.paidOn > shanghaiDateOf(now.getTime())) throw new ValidationError([{ path: 'paidOn', message: 'is in the future' }]);
      const policy = await loadContributionPolicy(c.var.em);
      const r = await recordPayment(c.var.em, {
        idempotencyKey: `api:${key}`,
        employer: employer.creditCode,
        amount: Money.of(body.amount),
        paidOn: body.paidOn,
        source: 'api',
        reference: body.reference ?? null,
        rule: policy.allocationRule,
        lateFeePolicy: policy.lateFee,
        receivedBy: { id: c.var.actor.id, role: c.var.actor.role },
        requestId: c.get('requestId'),
        now,
      });
      if (!r.duplicate) await tellArrearsCase(c.var, cases, employer.creditCode, r.paymentId);
      return c.json({ paymentId: r.paymentId, idempotencyKey: `api:${key}`, duplicate: r.duplicate, allocation: allocationOut(r.allocation) }, r.duplicate ? 200 : 201);
    })
    .openapi(importRoute, async (c) => {
      const form = await c.req.formData();
      const file = form.get('file');
      const source = form.get('source');
      if (!(file instanceof File)) throw new ValidationError([{ path: 'file', message: 'attach the payment file as the multipart field "file"' }]);
      if (source !== 'bank' && source !== 'tax') throw new ValidationError([{ path: 'source', message: 'must be bank or tax' }]);
      const decoded = decodeRosterBytes(new Uint8Array(await file.arrayBuffer()));
      if (!decoded.ok) throw new ValidationError([{ path: 'file', message: decoded.message }]);
      const now = clock();
      const { payments, issues } = readPaymentFile(decoded.text, source, shanghaiDateOf(now.getTime()));
      // Every employer must exist and be in the caller's reach before anything is booked.
      for (const [i, p] of payments.entries()) {
        try {
          await employerFor(c.var, p.employer, 'pay');
        } catch (error) {
          if (error instanceof Error && 'code' in error && error.code === 'EMPLOYER_NOT_FOUND') issues.push({ path: `rows[${i}].employer`, message: 'unknown employer' });
          else throw error;
        }
      }
      if (issues.length > 0) throw new ValidationError(issues);
      const policy = await loadContributionPolicy(c.var.em);
      const results = [];
      for (const p of payments) {
        const r = await recordPayment(c.var.em, {
          idempotencyKey: p.idempotencyKey,
          employer: p.employer,
          amount: Money.of(p.amount),
          paidOn: p.paidOn,
          source,
          reference: p.reference,
          rule: policy.allocationRule,
          lateFeePolicy: policy.lateFee,
          receivedBy: { id: c.var.actor.id, role: c.var.actor.role },
          requestId: c.get('requestId'),
          now,
        });
        if (!r.duplicate) await tellArrearsCase(c.var, cases, p.employer, r.paymentId);
        results.push({ paymentId: r.paymentId, idempotencyKey: p.idempotencyKey, duplicate: r.duplicate, allocation: allocationOut(r.allocation) });
      }
      return c.json({ booked: results.filter((r) => !r.duplicate).length, duplicates: results.filter((r) => r.duplicate).length, payments: results }, 200);
    });
