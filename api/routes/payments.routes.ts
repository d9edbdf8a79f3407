import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { bookPayment } from '../../services/contributions/book-payment.js';
import { importPaymentFile } from '../../services/contributions/import-payment-file.js';
import type { AppEnv } from '../env.js';
import { ValidationError } from '../errors.js';
import { presentPayment } from '../presenters/contribution.presenter.js';
import { problemResponse } from '../problem.js';
import { PaymentAnswer } from '../schemas/contribution.schemas.js';
import { CreditCodeField, FilePart, IsoDate, PositiveAmount } from '../schemas/common.js';

const PaymentBody = z
  .object({
    employerCreditCode: CreditCodeField,
    amount: PositiveAmount,
    paidOn: IsoDate,
    reference: z.string().max(64).optional(),
  })
  .openapi('PaymentRequest');

const payRoute = createRoute({
  method: 'post',
  path: '/payments',
  tags: ['Contributions 征缴'],
  summary: 'Record a payment (Idempotency-Key header required); it is allocated by the configured rule, overpayment becomes credit',
  request: {
    headers: z.object({ 'idempotency-key': z.string().min(8).max(100) }),
    body: { required: true, content: { 'application/json': { schema: PaymentBody } } },
  },
  responses: {
    201: { content: { 'application/json': { schema: PaymentAnswer } }, description: 'Booked and allocated' },
    200: { content: { 'application/json': { schema: PaymentAnswer } }, description: 'Already booked under this key: counted once' },
    400: problemResponse('Invalid input'),
    403: problemResponse('Not allowed to record payments'),
    404: problemResponse('Unknown employer'),
    422: problemResponse('The Idempotency-Key already booked a different payment (IDEMPOTENCY_KEY_REUSED); nothing was booked'),
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
      content: { 'multipart/form-data': { schema: z.object({ file: FilePart('The bank or tax-bureau payment file'), source: z.enum(['bank', 'tax']) }) } },
    },
  },
  responses: {
    200: {
      content: {
        'application/json': { schema: z.object({ booked: z.number(), duplicates: z.number(), payments: z.array(PaymentAnswer) }).openapi('PaymentImport') },
      },
      description: 'Imported',
    },
    400: problemResponse('Refused as a whole; `errors` names every bad row and field; nothing was booked'),
    403: problemResponse('Not allowed to record payments'),
  },
});

export const paymentRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(payRoute, async (c) => {
      const payment = await bookPayment(c.var.ctx, { ...c.req.valid('json'), idempotencyKey: c.req.valid('header')['idempotency-key'] });
      return c.json(presentPayment(payment), payment.duplicate ? 200 : 201);
    })
    .openapi(importRoute, async (c) => {
      const form = await c.req.formData();
      const file = form.get('file');
      const source = form.get('source');
      if (!(file instanceof File)) throw new ValidationError([{ path: 'file', message: 'attach the payment file as the multipart field "file"' }]);
      if (source !== 'bank' && source !== 'tax') throw new ValidationError([{ path: 'source', message: 'must be bank or tax' }]);
      const imported = await importPaymentFile(c.var.ctx, { source, file: new Uint8Array(await file.arrayBuffer()) });
      if (!imported.ok) throw new ValidationError(imported.issues);
      return c.json({ booked: imported.booked, duplicates: imported.duplicates, payments: imported.payments.map(presentPayment) }, 200);
    });
