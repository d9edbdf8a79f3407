import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { chaseRecovery } from '../../services/overpayment-recoveries/chase-recovery.js';
import { runMissedInstalmentSweepNow } from '../../services/overpayment-recoveries/run-missed-instalment-sweep.js';
import type { AppEnv } from '../env.js';
import { presentRecovery } from '../presenters/overpayment-recovery.presenter.js';
import { problemResponse } from '../problem.js';
import { RegionCode } from '../schemas/common.js';
import { Recovery, RecoveryParams } from '../schemas/overpayment-recovery.schemas.js';

const TAG = 'Payrolls 待遇拨付';

const ChaseBody = z
  .object({
    outcome: z.enum(['contacted', 'legalAction']).openapi({
      description:
        '`contacted`: the contact with the person or the heirs is recorded; `legalAction`: passed to legal action (移交司法). A new agreement is POST …/instalment-plan',
    }),
    note: z.string().regex(/\S/, { error: 'must not be blank' }).max(500).openapi({
      description: 'Who was contacted, how and what was agreed; or the reason for legal action; not blank',
      example: '电话联系继承人，承诺月底前还款',
    }),
  })
  .openapi('RecoveryChaseDecision');

const chaseRoute = createRoute({
  method: 'post',
  path: '/overpayment-recoveries/{recoveryId}/chase',
  tags: [TAG],
  summary:
    'Decide the chase of a missed instalment (催收, 经办条例 art. 46): record a contact, or pass the recovery to legal action; closes the chase and its task',
  request: { params: RecoveryParams, body: { required: true, content: { 'application/json': { schema: ChaseBody } } } },
  responses: {
    200: {
      content: { 'application/json': { schema: Recovery } },
      description: 'Decided: the recovery with the chase decided (and legalAction when passed on)',
    },
    400: problemResponse('Invalid input, naming the field (outcome not one of the two; note missing, blank or too long)'),
    401: problemResponse('No or bad token'),
    403: problemResponse('The caller may read the recovery but not act on it (an auditor, the person)'),
    404: problemResponse('Unknown, or not visible to the caller (RECOVERY_NOT_FOUND)'),
    409: problemResponse('NOT_ALLOWED_NOW: the recovery is not open, already passed to legal action, or (contacted) has no chase open'),
  },
});

const sweepRoute = createRoute({
  method: 'post',
  path: '/missed-instalment-sweeps',
  tags: [TAG],
  summary: 'Run the missed-instalment sweep of a region now (staff who book its recoveries): every instalment still missed after the grace is chased',
  request: { body: { required: true, content: { 'application/json': { schema: z.object({ region: RegionCode }).openapi('MissedInstalmentSweep') } } } },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ today: z.string(), chased: z.number() }) } },
      description: 'How many chases it opened (each with a task and a notice); 0 the second time',
    },
    400: problemResponse('Invalid input, naming the field (region)'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Not staff who book the recoveries of the region'),
  },
});

/** The chasing of missed instalments of overpayment recoveries (docs/payroll.md "Missed instalments"). */
export const recoveryChaseRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(chaseRoute, async (c) => {
      const done = await chaseRecovery(c.var.ctx, { recoveryId: Number(c.req.valid('param').recoveryId), ...c.req.valid('json') });
      return c.json(presentRecovery(done, c.var.ctx.ability), 200);
    })
    .openapi(sweepRoute, async (c) => c.json(await runMissedInstalmentSweepNow(c.var.ctx, c.req.valid('json').region), 200));
