import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { MEDICAL_CATEGORIES } from '../../domain/declarations/eligibility-list.js';
import { maskCitizenId } from '../../domain/identity/masking.js';
import { importEligibilityList } from '../../services/eligibility/import-eligibility-list.js';
import { readEligibilityList } from '../../services/eligibility/read-eligibility-list.js';
import { declareMedicalExpense } from '../../services/medical-expenses/declare-medical-expense.js';
import { readMedicalExpense } from '../../services/medical-expenses/read-medical-expense.js';
import { readMedicalLedgerOf } from '../../services/medical-expenses/read-medical-ledger.js';
import { may } from '../../services/authorization.js';
import type { AppEnv } from '../env.js';
import { ValidationError } from '../errors.js';
import { ledgerCursor, ledgerPage } from '../ledger-page.js';
import { decodeCursor, encodeCursor, PageQuery, pageOf } from '../pagination.js';
import { presentLedgerEntry, presentMedicalExpense } from '../presenters/medical-expense.presenter.js';
import { problemResponse } from '../problem.js';
import { CaseAccepted, Deadline } from '../schemas/case.schemas.js';
import { Amount, CitizenIdField, IsoDate, RegionCode } from '../schemas/common.js';

const Text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max);
const Category = z.enum(MEDICAL_CATEGORIES, { error: 'must be lixiu (离休) or erYi (二乙)' });

const DeclarationBody = z
  .object({
    category: Category,
    citizenId: CitizenIdField,
    region: RegionCode,
    hospital: z.object({ code: Text(32), name: Text(100) }),
    serviceFrom: IsoDate,
    serviceTo: IsoDate,
    invoices: z
      .array(
        z.object({
          invoiceNo: z.string().trim().min(1, { error: 'must not be empty' }).max(40),
          issuedOn: IsoDate,
          items: z
            .array(z.object({ description: Text(200), amount: Amount }))
            .min(1, { error: 'lists no item' })
            .max(200),
        }),
      )
      .min(1, { error: 'declares no invoice' })
      .max(50),
    attachmentIds: z
      .array(z.uuid({ error: 'must be an attachment id from POST /v1/attachments' }))
      .max(20)
      .optional(),
  })
  .openapi('MedicalExpenseDeclarationRequest');

const Line = z.object({
  benefit: z.string(),
  kind: z.string(),
  payer: z.string(),
  amount: z.string(),
  startMonth: z.string(),
  endMonth: z.string().nullable(),
  firstPayrollMonth: z.string(),
  status: z.string(),
});

const DeclarationView = z
  .object({
    reference: z.string(),
    caseId: z.string(),
    status: z.string().openapi({ description: 'submitted, reviewing, approving, booking, approved or rejected' }),
    closed: z.boolean(),
    category: z.string(),
    citizenId: z.string().nullable(),
    name: z.string().nullable(),
    employerCreditCode: z.string().nullable(),
    declaredOn: z.string().nullable(),
    total: z.string().nullable(),
    reimbursable: z.string().nullable(),
    invoices: z.array(z.object({ invoiceNo: z.string(), total: z.string() })),
    workings: z.array(z.string()),
    medical: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'Hospital, dates and items: null unless the caller’s role needs them' }),
    attachmentIds: z.array(z.string()),
    review: z.object({ reviewedBy: z.unknown(), approvedBy: z.unknown(), returns: z.number() }).nullable(),
    decision: z.object({ outcome: z.string(), on: z.string(), reason: z.string().nullable() }).nullable(),
    deadlines: z.array(Deadline),
    entitlements: z.array(Line.passthrough()),
    timeline: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), detail: z.record(z.string(), z.unknown()) })),
  })
  .openapi('MedicalExpenseDeclaration');

const ImportReport = z
  .object({
    importId: z.string(),
    rows: z.number().int(),
    applied: z.number().int().openapi({ description: 'People newly listed' }),
    alreadyListed: z.number().int().openapi({ description: 'Rows naming someone already on that list: nothing written' }),
    duplicates: z.number().int(),
    duplicateRows: z.array(z.object({ row: z.number().int(), firstRow: z.number().int() })),
    repeated: z.boolean().openapi({ description: 'The same file was imported before: its first report, nothing applied' }),
  })
  .openapi('EligibilityImportReport');

const EligibilityItem = z.object({
  citizenId: z.string(),
  name: z.string(),
  category: z.string(),
  sourceDocument: z.string(),
  region: z.string(),
  importId: z.string(),
  listedAt: z.string(),
});

const RefParams = z.object({ reference: z.string().min(1).max(64).openapi({ description: 'Reference (YL2026000001) or case ID' }) });

const importRoute = createRoute({
  method: 'post',
  path: '/eligibility-lists/imports',
  tags: ['Declarations 基层申报'],
  summary: 'Import the 离休 / 二乙 eligibility list of the administrator’s region (CSV, docs/declarations.md); idempotent',
  request: {
    body: {
      required: true,
      content: {
        'text/csv': { schema: z.string().openapi({ description: 'The file itself, UTF-8 or GBK' }) },
      },
    },
  },
  responses: {
    200: { content: { 'application/json': { schema: ImportReport } }, description: 'Applied (or the same file again: its first report)' },
    400: problemResponse('Refused as a whole; `errors` names every bad row and field (rows[0] is the first row after the header); nothing applied'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Not an administrator of a region'),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/eligibility-lists',
  tags: ['Declarations 基层申报'],
  summary: 'The 离休 / 二乙 lists of the caller’s region (staff, auditors, administrators)',
  request: {
    query: PageQuery.extend({
      category: Category.optional().openapi({ param: { name: 'category', in: 'query' } }),
      citizenId: CitizenIdField.optional().openapi({ param: { name: 'citizenId', in: 'query' } }),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: pageOf(EligibilityItem) } }, description: 'A page of the lists, by category then ID number' },
    400: problemResponse('A bad query parameter, named'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Not staff of a region'),
  },
});

const declareRoute = createRoute({
  method: 'post',
  path: '/medical-expense-declarations',
  tags: ['Declarations 基层申报'],
  summary: 'Declare a 离休 / 二乙 person’s itemised medical expenses (the employer or the agency); the same declaration again returns its case',
  request: { body: { required: true, content: { 'application/json': { schema: DeclarationBody } } } },
  responses: {
    202: { content: { 'application/json': { schema: CaseAccepted } }, description: 'The declaration (new, or the existing one)' },
    400: problemResponse('Invalid input, naming the field (an amount with three decimals, dates out of order, an empty invoice); nothing written'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Not allowed to declare for this person or region'),
    422: problemResponse('NOT_ELIGIBLE: not on the category’s list; DUPLICATE_INVOICE: an invoice already declared, naming it; UNKNOWN_HOSPITAL'),
  },
});

const viewRoute = createRoute({
  method: 'get',
  path: '/medical-expense-declarations/{reference}',
  tags: ['Declarations 基层申报'],
  summary: 'The declaration: status, amounts with workings, review, booking and the payroll line; medical details when the role needs them',
  request: { params: RefParams },
  responses: {
    200: { content: { 'application/json': { schema: DeclarationView } }, description: 'The declaration as the caller may see it' },
    401: problemResponse('No or bad token'),
    404: problemResponse('Unknown, or not visible to the caller'),
  },
});

const LedgerEntry = z.object({
  id: z.number().int(),
  category: z.string(),
  reference: z.string(),
  caseId: z.string(),
  citizenId: z.string(),
  region: z.string(),
  amount: z.string(),
  decidedBy: z.string(),
  bookedAt: z.string(),
});

const ledgerRoute = createRoute({
  method: 'get',
  path: '/medical-ledgers/{category}',
  tags: ['Declarations 基层申报'],
  summary: 'The 离休 or 二乙 medical expense ledger of the caller’s region, newest first, with its total (staff, auditors)',
  request: { params: z.object({ category: Category }), query: PageQuery },
  responses: {
    200: {
      content: { 'application/json': { schema: pageOf(LedgerEntry).extend({ total: z.string(), count: z.number().int() }).openapi('MedicalLedger') } },
      description: 'The ledger page and the ledger’s total',
    },
    400: problemResponse('A bad category or query parameter, named'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Not staff or an auditor of a region'),
  },
});

const accepted = (caseId: string, reference: string, status: string) => ({
  caseId,
  reference,
  status,
  links: { self: `/v1/medical-expense-declarations/${reference}` },
});

const cursorPair = (cursor: string | undefined): [string, string] | undefined => {
  if (!cursor) return undefined;
  const key = decodeCursor(cursor);
  if (key.length !== 2 || typeof key[0] !== 'string' || typeof key[1] !== 'string')
    throw new ValidationError([{ path: 'cursor', message: 'is not a cursor this API issued' }]);
  return [key[0], key[1]];
};

export const medicalExpenseRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(importRoute, async (c) => c.json(await importEligibilityList(c.var.ctx, { bytes: new Uint8Array(await c.req.arrayBuffer()) }), 200))
    .openapi(listRoute, async (c) => {
      const q = c.req.valid('query');
      const page = await readEligibilityList(c.var.ctx, { category: q.category, citizenId: q.citizenId, after: cursorPair(q.cursor), limit: q.limit });
      const region = c.var.actor.region ?? '';
      const items = page.items.map((item) => ({
        ...item,
        citizenId: may(c.var.ctx, 'readUnmasked', 'Person', { region, citizenId: item.citizenId }) ? item.citizenId : maskCitizenId(item.citizenId),
      }));
      return c.json({ items, nextCursor: page.full && page.last ? encodeCursor(page.last) : null }, 200);
    })
    .openapi(declareRoute, async (c) => {
      const row = await declareMedicalExpense(c.var.ctx, c.req.valid('json'));
      return c.json(accepted(row.caseId, row.reference, row.status), 202);
    })
    .openapi(viewRoute, async (c) => c.json(presentMedicalExpense(await readMedicalExpense(c.var.ctx, c.req.valid('param').reference), c.var.actor), 200))
    .openapi(ledgerRoute, async (c) => {
      const q = c.req.valid('query');
      const ledger = await readMedicalLedgerOf(c.var.ctx, { category: c.req.valid('param').category, beforeId: ledgerCursor(q.cursor), limit: q.limit + 1 });
      return c.json(
        ledgerPage(ledger, q.limit, (e) => presentLedgerEntry(e, ledger.unmasked)),
        200,
      );
    });
