import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { TRANSFER_INSURANCES } from '../../domain/transfer/transfer-policy.js';
import { COLLECTION_TRIGGERS } from '../../domain/transfer/temporary-account-collection.js';
import { collectTemporaryAccount } from '../../services/transfers/collect-temporary-account.js';
import { readTransfer } from '../../services/transfers/read-transfer.js';
import { startTransfer } from '../../services/transfers/start-transfer.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';
import { CaseAccepted } from '../schemas/case.schemas.js';
import { CitizenIdField, RegionCode } from '../schemas/common.js';

const TransferBody = z
  .object({
    citizenId: CitizenIdField,
    insurance: z.enum(TRANSFER_INSURANCES, { error: `must be one of ${TRANSFER_INSURANCES.join(', ')} (work injury and maternity do not transfer)` }),
    fromRegion: RegionCode.openapi({
      description: 'Where the relationship is now (转出地); a region this system does not serve is reached through the national transfer platform',
    }),
    toRegion: RegionCode.openapi({ description: 'The receiving region (转入地): one this system serves' }),
    approvedTransfer: z
      .boolean()
      .optional()
      .openapi({ description: 'The move was approved by an organisation or 人社 department (国办发〔2009〕66号 art. 5)' }),
  })
  // The same region twice is the same pooling area, which the command refuses with 422 SAME_POOLING_AREA on toRegion:
  // a rule across two fields that a schema cannot state, so it is not a 400 of the schema.
  .openapi('TransferRequest');

const Amounts = z.object({ pooledFund: z.string().openapi({ example: '62136.00' }), personalAccount: z.string().openapi({ example: '41424.00' }) });

const TemporaryPensionAccount = z
  .object({
    poolingArea: z.string().openapi({ description: 'Where the account is kept (the person pays there)' }),
    region: z.string(),
    keptInPoolingArea: z.string().openapi({ description: 'Where the relationship stayed: the collection goes there' }),
    openedOn: z.string(),
    months: z.number().int().openapi({ description: 'Contribution months recorded in it' }),
    throughMonth: z.string().openapi({ description: 'The last month counted: this month while open, the collection’s month once collected' }),
    amounts: Amounts.openapi({ description: 'The pooled part (12 %) and the personal part the collection moves (moved)' }),
    workings: z.array(z.string()),
    collection: z
      .object({
        collectedOn: z.string(),
        collectedInto: z.string(),
        trigger: z.enum(COLLECTION_TRIGGERS),
        byCase: z.string().nullable().openapi({ description: 'The transfer that set it off (trigger nextTransfer)' }),
        reconciliation: z
          .object({ balanced: z.boolean(), differences: z.array(z.unknown()) })
          .passthrough()
          .nullable(),
      })
      .nullable(),
  })
  .openapi('TemporaryPensionAccount');

const TransferOut = z
  .object({
    reference: z.string(),
    caseId: z.string(),
    status: z.string().openapi({ description: 'acceptanceLetter | transferOut | inTransit | completion | completed | refused | temporaryAccount' }),
    insurance: z.string(),
    citizenId: z.string().nullable().openapi({ description: 'Masked unless the caller may see it whole' }),
    personName: z.string().nullable(),
    fromRegion: z.string(),
    toRegion: z.string(),
    fromPoolingArea: z.string().nullable(),
    toPoolingArea: z.string().nullable(),
    legs: z.array(
      z.object({
        name: z.string().openapi({ description: 'acceptanceLetter | transferOut | completion (pension); transferOut | load (medical, unemployment)' }),
        office: z.enum(['old', 'new']),
        region: z.string().openapi({ description: 'The office’s region, or the counterpart’s pooling area' }),
        served: z.boolean().openapi({ description: 'False when the counterpart agency runs the leg through the national platform' }),
        dueDate: z.string().nullable(),
        unit: z.enum(['working', 'calendar']),
        daysLeft: z.number().int().nullable().openapi({ description: 'Working days to the due date, negative once it passed' }),
        provisional: z.boolean(),
        status: z.enum(['waiting', 'open', 'overdue', 'done', 'refused', 'cancelled']),
      }),
    ),
    amounts: Amounts.nullable().openapi({ description: 'What moves; null until the counterpart’s information table arrives' }),
    months: z.number().int().nullable(),
    amountWorkings: z.array(z.string()),
    reconciliation: z
      .object({ balanced: z.boolean(), differences: z.array(z.unknown()) })
      .passthrough()
      .nullable(),
    pensionPaymentPlace: z
      .object({ paymentPlace: z.string(), rule: z.string(), workings: z.array(z.string()) })
      .passthrough()
      .nullable()
      .optional(),
    temporaryAccount: z
      .object({ temporaryAccount: z.boolean(), rule: z.string(), workings: z.array(z.string()) })
      .passthrough()
      .nullable()
      .optional(),
    temporaryPensionAccount: TemporaryPensionAccount.nullable()
      .optional()
      .openapi({ description: 'Pension: the temporary contribution account the transfer opened (临时基本养老保险缴费账户), and its collection (归集)' }),
    medicalContinuity: z.record(z.string(), z.unknown()).nullable().optional(),
    unemploymentCarryOver: z.record(z.string(), z.unknown()).nullable().optional(),
    refusal: z.object({ office: z.string(), reason: z.string() }).nullable(),
    ledger: z.array(
      z.object({
        side: z.enum(['out', 'in']),
        fund: z.string(),
        poolingArea: z.string(),
        amount: z.string(),
        source: z.string(),
        reference: z.string(),
        bookedAt: z.string(),
      }),
    ),
    timeline: z.array(
      z.object({ at: z.string(), actor: z.string(), action: z.string(), taskId: z.string().nullable(), detail: z.record(z.string(), z.unknown()) }),
    ),
  })
  .openapi('Transfer');

const startRoute = createRoute({
  method: 'post',
  path: '/transfers',
  tags: ['Transfers 转移接续'],
  summary: 'Apply at the receiving office to transfer a pension, medical or unemployment relationship; repeats return the same case',
  request: { body: { required: true, content: { 'application/json': { schema: TransferBody } } } },
  responses: {
    202: { content: { 'application/json': { schema: CaseAccepted } }, description: 'The transfer case (new or the existing one), reference TR…' },
    400: problemResponse('Invalid input, naming the field (also: a receiving region this system does not serve)'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Not allowed to file this transfer, with the reason'),
    409: problemResponse('Someone else’s transfer of this relationship is open'),
    422: problemResponse(
      'Refused with every reason, nothing written: DRAWING_PENSION, SAME_POOLING_AREA, NOT_INSURED_IN_NEW_AREA, TRANSFER_ALREADY_OPEN, NOT_INSURED_IN_OLD_AREA',
    ),
  },
});

const readRoute = createRoute({
  method: 'get',
  path: '/transfers/{reference}',
  tags: ['Transfers 转移接续'],
  summary: 'A transfer as the person and both offices see it: each leg with its office, due date, days left and state; amounts; payment place',
  request: { params: z.object({ reference: z.string().min(1).max(64).openapi({ description: 'TR… reference or case ID' }) }) },
  responses: {
    200: { content: { 'application/json': { schema: TransferOut } }, description: 'The transfer' },
    401: problemResponse('No or bad token'),
    404: problemResponse('Unknown, or not visible to the caller'),
  },
});

const collectRoute = createRoute({
  method: 'post',
  path: '/transfers/{reference}/temporary-account/collection',
  tags: ['Transfers 转移接续'],
  summary: 'Collect (归集) the temporary pension account a transfer opened into the relationship’s place: booked once, reconciled; a repeat answers the same',
  request: { params: z.object({ reference: z.string().min(1).max(64).openapi({ description: 'TR… reference or case ID of the transfer that opened it' }) }) },
  responses: {
    200: { content: { 'application/json': { schema: TemporaryPensionAccount } }, description: 'The account with its collection' },
    401: problemResponse('No or bad token'),
    403: problemResponse('Only staff of the region that keeps the account'),
    404: problemResponse('Unknown, or not visible to the caller'),
    409: problemResponse('NOT_ALLOWED_NOW: the transfer opened no temporary account, or another pension transfer of the person is open'),
    422: problemResponse('NOT_INSURED: no contribution is recorded in the account'),
  },
});

export const transferRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(startRoute, async (c) => {
      const row = await startTransfer(c.var.ctx, c.req.valid('json'));
      return c.json({ caseId: row.caseId, reference: row.reference, status: row.status, links: { self: `/v1/cases/${row.caseId}` } }, 202);
    })
    .openapi(readRoute, async (c) => c.json(await readTransfer(c.var.ctx, c.req.valid('param').reference), 200))
    .openapi(collectRoute, async (c) => c.json(await collectTemporaryAccount(c.var.ctx, c.req.valid('param').reference), 200));
