import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { importBankReturn } from '../../services/payroll/import-bank-return.js';
import { readBankFile } from '../../services/payroll/bank-file.js';
import { readOwnPayments } from '../../services/payroll/read-payments.js';
import { readPayroll, readPayrolls } from '../../services/payroll/read-payroll.js';
import { startPayroll } from '../../services/payroll/start-payroll.js';
import type { AppEnv } from '../env.js';
import { uploadedText } from '../upload-text.js';
import { decodeCursorOf, encodeCursor, PageQuery, pageOf } from '../pagination.js';
import { presentOwnPayment, presentPayroll, presentPayrollSummary } from '../presenters/payroll.presenter.js';
import { problemResponse } from '../problem.js';
import { RegionCode } from '../schemas/common.js';

const TAG = 'Payrolls 待遇拨付';
const Period = z.string().openapi({ example: '2026-12', description: 'The payroll month, YYYY-MM' });

const StartBody = z.object({ region: RegionCode, period: Period }).openapi('PayrollRequest');

const Progress = z.object({
  entitlementsSeen: z.number(),
  entitlementsTotal: z.number(),
  linesGathered: z.number(),
  linesChecked: z.number(),
  linesHeld: z.number(),
});

const PayrollSummary = z
  .object({
    caseId: z.string(),
    reference: z.string(),
    region: z.string(),
    period: z.string(),
    status: z.string().openapi({ description: 'gathering → approval → paying → paid' }),
    startedBy: z.string(),
    approvedBy: z.string().nullable(),
    progress: Progress,
    totals: z.object({ due: z.string(), held: z.string() }),
    createdAt: z.string(),
  })
  .openapi('PayrollSummary');

const Line = z.object({
  lineKey: z.string(),
  citizenId: z.string(),
  benefit: z.string(),
  kind: z.string(),
  amount: z.string(),
  status: z.string(),
  reasons: z.array(z.object({ code: z.string(), reason: z.string() })),
  taskId: z.string().nullable(),
  decidedBy: z.string().nullable(),
  bankReason: z.object({ code: z.string(), text: z.string().nullable() }).nullable(),
  workings: z.array(z.string()).nullable().openapi({ description: 'A back-pay line: how its amount came about (the months held by a suspension)' }),
});

const PayrollView = PayrollSummary.extend({
  lines: z.array(z.object({ status: z.string(), count: z.number(), amount: z.string() })).openapi({ description: 'Lines and amounts by status' }),
  banks: z
    .array(z.object({ bankCode: z.string(), lines: z.number(), total: z.string() }))
    .openapi({ description: 'The banks of the approved batch, one payment file each (empty before approval)' }),
  held: z.array(Line.extend({ reference: z.string(), reason: z.string() })),
  failed: z.array(Line),
  backPay: z.array(Line).openapi({ description: 'Back-pay lines (months held by a suspension, or before a late first payroll), with their workings' }),
}).openapi('Payroll');

const RefParams = z.object({ reference: z.string().min(1).max(64).openapi({ description: 'Reference (PR2026000001) or case ID' }) });

const ReturnIssue = z.object({ path: z.string(), code: z.string(), message: z.string() });
const Totals = z.object({ count: z.number(), amount: z.string() });
const BankReturnReport = z
  .object({
    fingerprint: z.string(),
    bank: z.string().nullable(),
    applied: z.number(),
    failed: z.number(),
    outstanding: z.number(),
    issues: z.array(ReturnIssue),
    totals: z.object({ sent: Totals, paid: Totals, failed: Totals, outstanding: Totals, reconciled: z.boolean(), complete: z.boolean() }),
    workings: z.array(z.string()),
  })
  .openapi('BankReturnReport');

const startRoute = createRoute({
  method: 'post',
  path: '/payrolls',
  tags: [TAG],
  summary: 'Run the monthly payroll of a region (supervisor, admin); one per region and month — a repeat returns the same one',
  request: { body: { required: true, content: { 'application/json': { schema: StartBody } } } },
  responses: {
    202: { content: { 'application/json': { schema: PayrollSummary } }, description: 'Started: the workflow gathers and checks the lines' },
    200: { content: { 'application/json': { schema: PayrollSummary } }, description: 'This region and month already has its payroll: that one' },
    400: problemResponse('Invalid input, naming the field (a month after next month, a region not served)'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Not allowed to run payrolls of this region'),
    409: problemResponse('NOT_ALLOWED_NOW: a pension recalculation of the region is running (docs/payroll.md "Recalculation")'),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/payrolls',
  tags: [TAG],
  summary: 'The payrolls of the caller’s regions, newest month first',
  request: { query: PageQuery },
  responses: {
    200: { content: { 'application/json': { schema: pageOf(PayrollSummary) } }, description: 'A page' },
    400: problemResponse('A bad limit or cursor'),
    401: problemResponse('No or bad token'),
  },
});

const viewRoute = createRoute({
  method: 'get',
  path: '/payrolls/{reference}',
  tags: [TAG],
  summary: 'The payroll: status, progress, lines and totals by status, held lines with their reasons and tasks, failed lines',
  request: { params: RefParams },
  responses: {
    200: { content: { 'application/json': { schema: PayrollView } }, description: 'The payroll' },
    401: problemResponse('No or bad token'),
    404: problemResponse('Unknown, or not visible to the caller'),
  },
});

const bankFileRoute = createRoute({
  method: 'get',
  path: '/payrolls/{reference}/bank-file',
  tags: [TAG],
  summary: 'The approved batch’s payment file for one bank (CSV, format in docs/payroll.md)',
  request: {
    params: RefParams,
    query: z.object({ bank: z.string().min(1).max(32).optional().openapi({ description: 'Bank code; required when the batch pays into several banks' }) }),
  },
  responses: {
    200: { content: { 'text/csv': { schema: z.string() } }, description: 'The payment file' },
    400: problemResponse('`bank` missing or not a bank of the batch (the problem lists them)'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Only who may run the payroll downloads its bank file'),
    404: problemResponse('Unknown, or not visible to the caller'),
    409: problemResponse('NOT_ALLOWED_NOW: not approved yet'),
  },
});

const returnRoute = createRoute({
  method: 'post',
  path: '/payrolls/{reference}/bank-returns',
  tags: [TAG],
  summary: 'Import a bank return file (multipart field "file", or a text/csv body): lines paid or failed, with a report',
  request: {
    params: RefParams,
    body: {
      required: true,
      content: {
        'multipart/form-data': { schema: z.object({ file: z.any().optional().openapi({ type: 'string', format: 'binary' }) }) },
        'text/csv': { schema: z.string() },
      },
    },
  },
  responses: {
    200: {
      content: { 'application/json': { schema: BankReturnReport } },
      description: 'Applied what could be; every refused row and a repeated file are in `issues`',
    },
    400: problemResponse('No file'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Not allowed to import returns of this payroll'),
    404: problemResponse('Unknown, or not visible to the caller'),
    409: problemResponse('NOT_ALLOWED_NOW: the payroll is not paying'),
  },
});

const OwnPayment = z
  .object({
    period: z.string(),
    payroll: z.string().openapi({ description: 'The payroll reference' }),
    benefit: z.string(),
    kind: z.string().openapi({ description: 'monthly, backPay, oneOff or adjust (a recalculation’s 补发)' }),
    amount: z.string(),
    status: z.string().openapi({ description: 'due, held, stopped, sent, paid, failed, carried' }),
    holds: z.array(z.object({ code: z.string(), reason: z.string() })),
    bankCode: z.string().nullable(),
    bankAccount: z.string().nullable().openapi({ description: 'Masked: the last four digits' }),
    bankReason: z.object({ code: z.string(), text: z.string().nullable() }).nullable(),
    workings: z
      .array(z.string())
      .openapi({ description: 'How an amount other than one month came about (a back pay, a 补发, a 补扣 withheld); empty otherwise' }),
  })
  .openapi('BenefitPayment');

const ownPaymentsRoute = createRoute({
  method: 'get',
  path: '/benefit-payments',
  tags: [TAG],
  summary: 'The signed-in citizen’s own benefit payments (paid, failed, held), newest month first; accounts masked',
  responses: {
    200: { content: { 'application/json': { schema: z.object({ items: z.array(OwnPayment) }).openapi('BenefitPayments') } }, description: 'Their payments' },
    401: problemResponse('No or bad token'),
    403: problemResponse('Only a citizen reads their own payments; staff read the payroll'),
  },
});

export const payrollRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(startRoute, async (c) => {
      const { payroll, created } = await startPayroll(c.var.ctx, c.req.valid('json'));
      return c.json(presentPayrollSummary(payroll), created ? 202 : 200);
    })
    .openapi(listRoute, async (c) => {
      const q = c.req.valid('query');
      const after = q.cursor ? decodeCursorOf(q.cursor, ['string', 'string']) : null;
      const page = await readPayrolls(c.var.ctx, { limit: q.limit, after: after ? { period: String(after[0]), reference: String(after[1]) } : null });
      const last = page.items.at(-1);
      return c.json({ items: page.items.map(presentPayrollSummary), nextCursor: page.more && last ? encodeCursor([last.period, last.reference]) : null }, 200);
    })
    .openapi(viewRoute, async (c) => {
      const detail = await readPayroll(c.var.ctx, c.req.valid('param').reference);
      return c.json(presentPayroll(detail, c.var.ctx.ability), 200);
    })
    .openapi(bankFileRoute, async (c) => {
      const file = await readBankFile(c.var.ctx, c.req.valid('param').reference, c.req.valid('query').bank);
      c.header('content-disposition', `attachment; filename="${file.fileName}"`);
      return c.body(file.text, 200, { 'content-type': 'text/csv; charset=utf-8' });
    })
    .openapi(ownPaymentsRoute, async (c) => c.json({ items: (await readOwnPayments(c.var.ctx)).map(presentOwnPayment) }, 200))
    .openapi(returnRoute, async (c) => {
      const report = await importBankReturn(c.var.ctx, c.req.valid('param').reference, await uploadedText(c.req));
      return c.json(report, 200);
    });
