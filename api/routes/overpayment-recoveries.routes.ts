import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { agreeRecoveryInstalments } from '../../services/overpayment-recoveries/agree-instalment-plan.js';
import { readRecoveries, readRecovery } from '../../services/overpayment-recoveries/read-overpayment-recovery.js';
import { recordRecoveryRepayment } from '../../services/overpayment-recoveries/record-repayment.js';
import { waiveOverpaymentRecovery } from '../../services/overpayment-recoveries/waive-recovery.js';
import { decideRecoveryWriteOff, proposeRecoveryWriteOff } from '../../services/overpayment-recoveries/write-off-part.js';
import type { AppEnv } from '../env.js';
import { decodeCursorOf, encodeCursor, PageQuery, pageOf } from '../pagination.js';
import { presentRecovery } from '../presenters/overpayment-recovery.presenter.js';
import { problemResponse } from '../problem.js';
import { Amount, IsoMonth } from '../schemas/common.js';
import { Recovery, RecoveryParams } from '../schemas/overpayment-recovery.schemas.js';

const TAG = 'Payrolls 待遇拨付';

const Params = RecoveryParams;

const RepaymentBody = z
  .object({
    amount: Amount.openapi({ description: 'More than 0 and at most `repayable` (else 422 on amount)' }),
    note: z.string().max(200).optional().openapi({ description: 'E.g. the bank transfer or receipt number' }),
  })
  .openapi('RecoveryRepaymentRequest');

const PlanBody = z
  .object({
    monthlyAmount: Amount.openapi({ description: 'Withheld each month from firstMonth instead of the offset share; more than 0, at most the outstanding' }),
    firstMonth: IsoMonth.openapi({ description: 'The first payroll month that withholds it; this month or later' }),
  })
  .openapi('RecoveryInstalmentPlanRequest');

/** Words that are not blank: at least one character other than a space. */
const Text = z.string().regex(/\S/, { error: 'must not be blank' });

const WaiverBody = z
  .object({
    reason: Text.max(500).openapi({ description: 'Why it cannot be recovered, e.g. the estate has nothing; not blank', example: '遗产不足以清偿' }),
    legalBasis: Text.max(200).openapi({ description: 'The rule or decision the write-off rests on; not blank', example: '社会保险经办条例第四十六条' }),
    amount: Amount.optional().openapi({ description: 'The outstanding the supervisor saw: when given it must still be the outstanding (else 422 on amount)' }),
  })
  .openapi('RecoveryWaiverRequest');

const WriteOffBody = z
  .object({
    amount: Amount.openapi({ description: 'The part written off: more than 0, at most `repayable` (else 422 on amount)', example: '500.00' }),
    reason: Text.max(500).openapi({ description: 'Why this part cannot be recovered; not blank', example: '家庭生活困难，经审批部分核销' }),
    legalBasis: Text.max(200).openapi({ description: 'The rule or decision the write-off rests on; not blank', example: '社会保险经办条例第四十六条' }),
  })
  .openapi('RecoveryWriteOffRequest');

const WriteOffDecisionBody = z
  .object({
    approve: z.boolean().openapi({ description: 'true: the part is written off (a writeOff entry); false: rejected, nothing booked' }),
    comment: z.string().max(500).optional(),
  })
  .openapi('RecoveryWriteOffDecision');

const WriteOffParams = Params.extend({
  writeOffId: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, { error: 'must be a write-off number' })
    .openapi({ param: { name: 'writeOffId', in: 'path' }, example: '3' }),
});

const Agreement = z.object({
  instalments: z.number(),
  lastInstalment: z.string(),
  lastMonth: z.string(),
  workings: z.array(z.string()),
});

const listRoute = createRoute({
  method: 'get',
  path: '/overpayment-recoveries',
  tags: [TAG],
  summary: 'Overpayment recoveries (追回) the caller may read, newest first: a citizen their own, staff their regions',
  request: {
    query: PageQuery.extend({
      status: z
        .enum(['open', 'closed', 'waived'])
        .optional()
        .openapi({
          param: { name: 'status', in: 'query' },
          description: '`closed`: no longer collected (repaid in full or written off); `waived`: written off only',
        }),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: pageOf(Recovery) } }, description: 'A page' },
    400: problemResponse('A bad limit, cursor or status'),
    401: problemResponse('No or bad token'),
  },
});

const viewRoute = createRoute({
  method: 'get',
  path: '/overpayment-recoveries/{recoveryId}',
  tags: [TAG],
  summary: 'One overpayment recovery: amount, ledger, outstanding, instalment plan',
  request: { params: Params },
  responses: {
    200: { content: { 'application/json': { schema: Recovery } }, description: 'The recovery' },
    400: problemResponse('Not a recovery number'),
    401: problemResponse('No or bad token'),
    404: problemResponse('Unknown, or not visible to the caller (RECOVERY_NOT_FOUND)'),
  },
});

const repaymentRoute = createRoute({
  method: 'post',
  path: '/overpayment-recoveries/{recoveryId}/repayments',
  tags: [TAG],
  summary: 'Record money the person repaid (退还, 经办条例 art. 46; Idempotency-Key header required); reaching zero closes the recovery',
  request: {
    params: Params,
    headers: z.object({ 'idempotency-key': z.string().min(8).max(100) }),
    body: { required: true, content: { 'application/json': { schema: RepaymentBody } } },
  },
  responses: {
    201: { content: { 'application/json': { schema: Recovery } }, description: 'Booked' },
    200: { content: { 'application/json': { schema: Recovery } }, description: 'Already booked under this key: counted once' },
    400: problemResponse('Invalid input, naming the field (amount not a decimal string, no Idempotency-Key)'),
    401: problemResponse('No or bad token'),
    403: problemResponse('The caller may read the recovery but not book on it (a citizen, an auditor)'),
    404: problemResponse('Unknown, or not visible to the caller (RECOVERY_NOT_FOUND)'),
    409: problemResponse('NOT_ALLOWED_NOW: the recovery is closed'),
    422: problemResponse('INVALID_AMOUNT on amount (0, or more than repayable); IDEMPOTENCY_KEY_REUSED (the key booked another amount)'),
  },
});

const planRoute = createRoute({
  method: 'post',
  path: '/overpayment-recoveries/{recoveryId}/instalment-plan',
  tags: [TAG],
  summary: 'Agree instalments (退还协议, 经办条例 art. 46): the payroll withholds the monthly amount from the first month instead of the share',
  request: { params: Params, body: { required: true, content: { 'application/json': { schema: PlanBody } } } },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ recovery: Recovery, agreement: Agreement }) } }, description: 'Agreed' },
    400: problemResponse('Invalid input, naming the field'),
    401: problemResponse('No or bad token'),
    403: problemResponse('The caller may read the recovery but not agree instalments'),
    404: problemResponse('Unknown, or not visible to the caller (RECOVERY_NOT_FOUND)'),
    409: problemResponse('NOT_ALLOWED_NOW: the recovery is closed'),
    422: problemResponse('INVALID_AMOUNT on monthlyAmount (0, or more than outstanding); INVALID_DATE on firstMonth (a month already past)'),
  },
});

const waiverRoute = createRoute({
  method: 'post',
  path: '/overpayment-recoveries/{recoveryId}/waiver',
  tags: [TAG],
  summary: 'Write off what is outstanding (核销) when it cannot be recovered: a supervisor of the region; one waiver entry, the recovery waived',
  request: { params: Params, body: { required: true, content: { 'application/json': { schema: WaiverBody } } } },
  responses: {
    200: { content: { 'application/json': { schema: Recovery } }, description: 'Written off: status `waived`, a `waiver` entry of what was outstanding' },
    400: problemResponse('Invalid input, naming the field (reason or legalBasis missing or blank, too long; amount not a decimal string)'),
    401: problemResponse('No or bad token'),
    403: problemResponse('The caller may read the recovery but not write it off (a caseworker, an auditor, the person)'),
    404: problemResponse('Unknown, or not visible to the caller (RECOVERY_NOT_FOUND)'),
    409: problemResponse('NOT_ALLOWED_NOW: the recovery is closed or already waived, or payroll lines not yet paid still withhold for it'),
    422: problemResponse('INVALID_AMOUNT on amount: not the outstanding any more'),
  },
});

const writeOffRoute = createRoute({
  method: 'post',
  path: '/overpayment-recoveries/{recoveryId}/write-offs',
  tags: [TAG],
  summary: 'Propose writing off part of what is outstanding (部分核销): a supervisor of the region; another supervisor decides',
  request: { params: Params, body: { required: true, content: { 'application/json': { schema: WriteOffBody } } } },
  responses: {
    201: { content: { 'application/json': { schema: Recovery } }, description: 'Proposed: the recovery with the proposal in writeOffs' },
    400: problemResponse('Invalid input, naming the field (amount not a decimal string; reason or legalBasis missing, blank or too long)'),
    401: problemResponse('No or bad token'),
    403: problemResponse('The caller may read the recovery but not write it off (a caseworker, an auditor, the person)'),
    404: problemResponse('Unknown, or not visible to the caller (RECOVERY_NOT_FOUND)'),
    409: problemResponse('NOT_ALLOWED_NOW: the recovery is closed or waived, or another write-off waits for its decision'),
    422: problemResponse('INVALID_AMOUNT on amount: 0, or more than repayable'),
  },
});

const writeOffDecisionRoute = createRoute({
  method: 'post',
  path: '/overpayment-recoveries/{recoveryId}/write-offs/{writeOffId}/decision',
  tags: [TAG],
  summary: 'Approve or reject a proposed partial write-off (四眼: a supervisor other than the one who proposed it)',
  request: { params: WriteOffParams, body: { required: true, content: { 'application/json': { schema: WriteOffDecisionBody } } } },
  responses: {
    200: {
      content: { 'application/json': { schema: Recovery } },
      description: 'Decided: approved books a writeOff entry (closing the recovery when nothing is left)',
    },
    400: problemResponse('Invalid input, naming the field'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Not a supervisor of the region, or the one who proposed it (FOUR_EYES)'),
    404: problemResponse('Unknown recovery or write-off, or not visible to the caller (RECOVERY_NOT_FOUND)'),
    409: problemResponse('NOT_ALLOWED_NOW: already decided, or the recovery is no longer open'),
    422: problemResponse('INVALID_AMOUNT on amount: more than may be written off now (a repayment or withholding since)'),
  },
});

export const overpaymentRecoveryRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) => {
      const q = c.req.valid('query');
      const after = q.cursor ? Number(decodeCursorOf(q.cursor, ['number'])[0]) : null;
      const page = await readRecoveries(c.var.ctx, { limit: q.limit, after, status: q.status });
      const last = page.items.at(-1);
      return c.json(
        { items: page.items.map((r) => presentRecovery(r, c.var.ctx.ability)), nextCursor: page.more && last ? encodeCursor([last.id]) : null },
        200,
      );
    })
    .openapi(viewRoute, async (c) => c.json(presentRecovery(await readRecovery(c.var.ctx, Number(c.req.valid('param').recoveryId)), c.var.ctx.ability), 200))
    .openapi(repaymentRoute, async (c) => {
      const body = c.req.valid('json');
      const done = await recordRecoveryRepayment(c.var.ctx, {
        recoveryId: Number(c.req.valid('param').recoveryId),
        amount: body.amount,
        note: body.note,
        idempotencyKey: c.req.valid('header')['idempotency-key'],
      });
      return c.json(presentRecovery(done.recovery, c.var.ctx.ability), done.duplicate ? 200 : 201);
    })
    .openapi(planRoute, async (c) => {
      const done = await agreeRecoveryInstalments(c.var.ctx, { recoveryId: Number(c.req.valid('param').recoveryId), ...c.req.valid('json') });
      return c.json({ recovery: presentRecovery(done.recovery, c.var.ctx.ability), agreement: done.agreement }, 200);
    })
    .openapi(waiverRoute, async (c) => {
      const done = await waiveOverpaymentRecovery(c.var.ctx, { recoveryId: Number(c.req.valid('param').recoveryId), ...c.req.valid('json') });
      return c.json(presentRecovery(done, c.var.ctx.ability), 200);
    })
    .openapi(writeOffRoute, async (c) => {
      const done = await proposeRecoveryWriteOff(c.var.ctx, { recoveryId: Number(c.req.valid('param').recoveryId), ...c.req.valid('json') });
      return c.json(presentRecovery(done, c.var.ctx.ability), 201);
    })
    .openapi(writeOffDecisionRoute, async (c) => {
      const param = c.req.valid('param');
      const done = await decideRecoveryWriteOff(c.var.ctx, {
        recoveryId: Number(param.recoveryId),
        writeOffId: Number(param.writeOffId),
        ...c.req.valid('json'),
      });
      return c.json(presentRecovery(done, c.var.ctx.ability), 200);
    });
