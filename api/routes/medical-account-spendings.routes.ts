import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { SPENDING_KINDS } from '../../domain/declarations/medical-account-spending.js';
import { maskCitizenId } from '../../domain/identity/masking.js';
import { spendFromMedicalAccount } from '../../services/medical-accounts/spend-from-medical-account.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';
import { CitizenIdField, IsoDate, PositiveAmount } from '../schemas/common.js';

const SpendingBody = z
  .object({
    citizenId: CitizenIdField,
    kind: z.enum(SPENDING_KINDS, { error: `must be one of ${SPENDING_KINDS.join(', ')}` }),
    amount: PositiveAmount,
    receiptNo: z.string().trim().min(1, { error: 'must not be empty' }).max(20, { error: 'at most 20 characters' }).openapi({
      description: 'The settlement or receipt number of the visit or sale',
      example: 'MZ20261203001',
    }),
    spentOn: IsoDate.optional().openapi({ description: 'The day of the visit or sale, not after today; today when left out' }),
  })
  .openapi('MedicalAccountSpendingRequest');

const SpendingAnswer = z
  .object({
    id: z.number().int().openapi({ description: 'The ledger line' }),
    spendingId: z.string(),
    citizenId: z.string().openapi({ description: 'Masked unless the caller reads the person unmasked' }),
    region: z.string(),
    kind: z.string(),
    amount: z.string().openapi({ description: 'Paid from the account (the ledger line holds it negative)' }),
    receiptNo: z.string(),
    period: z.string(),
    bookedAt: z.string(),
    balanceAfter: z.string().openapi({ description: 'The account balance after this payment' }),
  })
  .openapi('MedicalAccountSpending');

const spendRoute = createRoute({
  method: 'post',
  path: '/medical-account-spendings',
  tags: ['Declarations 基层申报'],
  summary:
    '个人账户支付: the personal medical account pays an outpatient or pharmacy amount (Idempotency-Key header required); an append-only ledger line, audited',
  request: {
    headers: z.object({ 'idempotency-key': z.string().min(8).max(100) }),
    body: { required: true, content: { 'application/json': { schema: SpendingBody } } },
  },
  responses: {
    201: { content: { 'application/json': { schema: SpendingAnswer } }, description: 'Paid from the account' },
    200: { content: { 'application/json': { schema: SpendingAnswer } }, description: 'Already paid under this key: counted once' },
    400: problemResponse('Invalid input, naming the field (an amount of 0 or with three decimals, an unknown kind, a day after today); nothing written'),
    401: problemResponse('No or bad token'),
    403: problemResponse('A role that does not pay from medical accounts'),
    404: problemResponse('PERSON_NOT_FOUND: no record of the person, or not an account the caller may pay from'),
    422: problemResponse('INSUFFICIENT_BALANCE naming `amount`: the account holds less; IDEMPOTENCY_KEY_REUSED; nothing written'),
  },
});

export const medicalAccountSpendingRoutes = () =>
  new OpenAPIHono<AppEnv>().openapi(spendRoute, async (c) => {
    const { duplicate, unmasked, ...paid } = await spendFromMedicalAccount(c.var.ctx, {
      ...c.req.valid('json'),
      idempotencyKey: c.req.valid('header')['idempotency-key'],
    });
    return c.json({ ...paid, citizenId: unmasked ? paid.citizenId : maskCitizenId(paid.citizenId) }, duplicate ? 200 : 201);
  });
