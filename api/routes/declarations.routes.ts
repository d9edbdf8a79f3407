import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { declareWageFile, declareWages } from '../../services/contributions/declare-wages.js';
import type { AppEnv } from '../env.js';
import { ValidationError } from '../errors.js';
import { presentDeclaration } from '../presenters/contribution.presenter.js';
import { problemResponse } from '../problem.js';
import { Amount, citizenIdDocumentation, CreditCodeField, FilePart, InsuranceTypeField, IsoMonth } from '../schemas/common.js';

const Period = IsoMonth;

const LineBody = z.object({
  // Checked by the declaration itself, so a bad ID is reported with the other rows' faults rather than alone.
  citizenId: z.string().max(18).openapi(citizenIdDocumentation),
  name: z.string().max(50).openapi({ minLength: 1 }),
  monthlyWage: Amount,
  insuranceTypes: z.array(InsuranceTypeField).min(1).openapi({ uniqueItems: true }),
  workInjuryClass: z
    .string()
    .regex(/^[1-8]$/)
    .optional(),
  workInjuryTier: z
    .string()
    .regex(/^\d(\.\d{1,2})?$/)
    .optional(),
});

const DeclarationBody = z
  .object({ employerCreditCode: CreditCodeField.optional(), period: Period, lines: z.array(LineBody).min(1).max(5_000) })
  .openapi('DeclarationRequest');

const DeclarationAnswer = z
  .object({
    declarationId: z.string(),
    billId: z.string(),
    employerCreditCode: z.string(),
    period: z.string(),
    dueDate: z.string(),
    parametersFrom: z.string(),
    duplicate: z.boolean(),
    adjustment: z.string().nullable(),
    lineCount: z.number(),
    totals: z.object({
      employer: z.string(),
      employee: z.string(),
      total: z.string(),
      byInsurance: z.record(z.string(), z.object({ employer: z.string(), employee: z.string() })),
    }),
    lines: z.array(
      z.object({
        citizenId: z.string(),
        name: z.string(),
        base: z.string(),
        lines: z.array(z.object({ insurance: z.string(), employerRate: z.string(), employeeRate: z.string(), employer: z.string(), employee: z.string() })),
        employerTotal: z.string(),
        employeeTotal: z.string(),
        total: z.string(),
        workings: z.array(z.string()),
      }),
    ),
  })
  .openapi('DeclarationAnswer');

const IdempotencyHeader = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() });

const declareRoute = createRoute({
  method: 'post',
  path: '/declarations',
  tags: ['Contributions 征缴'],
  summary: "Declare a month's wages for one or more employees; the period's bill follows (rules §3.3)",
  request: { headers: IdempotencyHeader, body: { required: true, content: { 'application/json': { schema: DeclarationBody } } } },
  responses: {
    201: { content: { 'application/json': { schema: DeclarationAnswer } }, description: 'Declared; amounts per employee and insurance with workings' },
    200: { content: { 'application/json': { schema: DeclarationAnswer } }, description: 'The same declaration again (idempotency key)' },
    400: problemResponse('Refused as a whole; `errors` names every bad line and field; nothing was written'),
    403: problemResponse('Not allowed to declare for this employer'),
    404: problemResponse('Unknown employer'),
    422: problemResponse('The employer is closed and cannot declare (EMPLOYER_INACTIVE)'),
  },
});

const declareFileRoute = createRoute({
  method: 'post',
  path: '/declarations/files',
  tags: ['Contributions 征缴'],
  summary: 'Declare a whole roster as a CSV file (UTF-8 or GBK; columns in docs/contributions.md) — all rows or none',
  request: {
    headers: IdempotencyHeader,
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({ file: FilePart('The roster CSV'), employerCreditCode: CreditCodeField.optional(), period: Period }),
        },
      },
    },
  },
  responses: {
    201: { content: { 'application/json': { schema: DeclarationAnswer } }, description: 'Declared (the first 100 lines listed in full)' },
    200: { content: { 'application/json': { schema: DeclarationAnswer } }, description: 'The same file again' },
    400: problemResponse('Refused as a whole; `errors` names every bad row and field (rows[0] is the first data row); nothing was written'),
    403: problemResponse('Not allowed to declare for this employer'),
    404: problemResponse('Unknown employer'),
    422: problemResponse('The employer is closed and cannot declare (EMPLOYER_INACTIVE)'),
  },
});

/** A multipart text field, trimmed; '' when absent. */
const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

export const declarationRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(declareRoute, async (c) => {
      const body = c.req.valid('json');
      const outcome = await declareWages(c.var.ctx, { ...body, idempotencyKey: c.req.valid('header')['idempotency-key'] });
      if (!outcome.ok) throw new ValidationError(outcome.issues);
      return c.json(presentDeclaration(outcome), outcome.duplicate ? 200 : 201);
    })
    .openapi(declareFileRoute, async (c) => {
      const form = await c.req.formData();
      const file = form.get('file');
      if (!(file instanceof File)) throw new ValidationError([{ path: 'file', message: 'attach the roster as the multipart field "file"' }]);
      const code = field(form, 'employerCreditCode');
      const outcome = await declareWageFile(c.var.ctx, {
        employerCreditCode: code === '' ? undefined : code.toUpperCase(),
        period: field(form, 'period'),
        file: new Uint8Array(await file.arrayBuffer()),
        idempotencyKey: c.req.valid('header')['idempotency-key'],
      });
      if (!outcome.ok) throw new ValidationError(outcome.issues);
      return c.json(presentDeclaration(outcome), outcome.duplicate ? 200 : 201);
    });
