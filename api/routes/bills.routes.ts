import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { loadFeeFreePeriods, loadPeriodLedgers, loadCredit } from '../../db/queries/contribution-ledger.query.js';
import { loadContributionPolicy } from '../../db/queries/contribution-policy.query.js';
import { arrearsStatement, type ArrearsStatement } from '../../domain/arrears/arrears-statement.js';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';
import { CreditCodeField, IsoDate } from '../schemas/common.js';
import { employerFor } from './declarations.routes.js';

export const PeriodOut = z.object({
  period: z.string(),
  dueDate: z.string(),
  principal: z.string(),
  lateFeeDays: z.number(),
  lateFeeAccrued: z.string(),
  lateFeePaid: z.string(),
  lateFee: z.string(),
  total: z.string(),
  workings: z.array(z.string()),
});

/** A statement as the API shows it: every amount a decimal string. */
export const presentStatement = (s: ArrearsStatement) => ({
  asOf: s.asOf,
  periods: s.periods.map((p) => ({
    period: p.period,
    dueDate: p.dueDate,
    principal: p.principal.toString(),
    lateFeeDays: p.lateFeeDays,
    lateFeeAccrued: p.lateFeeAccrued.toString(),
    lateFeePaid: p.lateFeePaid.toString(),
    lateFee: p.lateFee.toString(),
    total: p.total.toString(),
    workings: p.workings,
  })),
  principal: s.principal.toString(),
  lateFee: s.lateFee.toString(),
  fine: s.fine.toString(),
  total: s.total.toString(),
});

const BillsAnswer = z
  .object({
    employerCreditCode: z.string(),
    asOf: z.string(),
    items: z.array(PeriodOut.extend({ provisional: z.boolean() })),
    principal: z.string(),
    lateFee: z.string(),
    total: z.string(),
    credit: z.string(),
  })
  .openapi('EmployerBills');

const billsRoute = createRoute({
  method: 'get',
  path: '/bills',
  tags: ['Contributions 征缴'],
  summary: "An employer's bills with what is owed on each as of a date (late fee included); an employer agent sees only its own",
  request: { query: z.object({ employerCreditCode: CreditCodeField.optional(), asOf: IsoDate.optional() }) },
  responses: {
    200: { content: { 'application/json': { schema: BillsAnswer } }, description: 'Bills, oldest first' },
    404: problemResponse('Unknown employer, or not yours'),
  },
});

export const billRoutes = (clock: () => Date) =>
  new OpenAPIHono<AppEnv>().openapi(billsRoute, async (c) => {
    const q = c.req.valid('query');
    const employer = await employerFor(c.var, q.employerCreditCode, 'read');
    const asOf = q.asOf ?? shanghaiDateOf(clock().getTime());
    const { em } = c.var;
    const policy = await loadContributionPolicy(em);
    const statement = arrearsStatement({
      asOf,
      periods: await loadPeriodLedgers(em, employer.creditCode),
      feeFree: await loadFeeFreePeriods(em, employer.creditCode),
      policy: policy.lateFee,
    });
    const provisional = new Set(
      (await em.execute<{ period: string }[]>('select period from bill where employer_credit_code = ? and provisional', [employer.creditCode])).map((r) => r.period),
    );
    const shown = presentStatement(statement);
    return c.json(
      {
        employerCreditCode: employer.creditCode,
        asOf,
        items: shown.periods.map((p) => ({ ...p, provisional: provisional.has(p.period) })),
        principal: shown.principal,
        lateFee: shown.lateFee,
        total: shown.total,
        credit: (await loadCredit(em, employer.creditCode)).toString(),
      },
      200,
    );
  });
