import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { readBills } from '../../services/contributions/read-bills.js';
import type { AppEnv } from '../env.js';
import { presentStatement } from '../presenters/contribution.presenter.js';
import { problemResponse } from '../problem.js';
import { PeriodOut } from '../schemas/contribution.schemas.js';
import { CreditCodeField, IsoDate } from '../schemas/common.js';

const BillsAnswer = z
  .object({
    employerCreditCode: z.string(),
    asOf: z.string(),
    items: z.array(PeriodOut.extend({ provisional: z.boolean() })),
    principal: z.string(),
    lateFee: z.string(),
    total: z.string().openapi({ description: 'Principal and late fee of the bills; fines are `fine`' }),
    credit: z.string(),
    fine: z.string().openapi({ description: 'Fines decided and not yet paid (all arrears cases of the employer)' }),
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
    400: problemResponse('Staff must name the employer'),
    404: problemResponse('Unknown employer, or not yours'),
    422: problemResponse('The bills cannot be counted as of that date (INVALID_AMOUNT: more repaid than owed by then)'),
  },
});

export const billRoutes = () =>
  new OpenAPIHono<AppEnv>().openapi(billsRoute, async (c) => {
    const bills = await readBills(c.var.ctx, c.req.valid('query'));
    const shown = presentStatement(bills.statement);
    return c.json(
      {
        employerCreditCode: bills.employerCreditCode,
        asOf: shown.asOf,
        items: shown.periods.map((p) => ({ ...p, provisional: bills.provisional.has(p.period) })),
        principal: shown.principal,
        lateFee: shown.lateFee,
        total: shown.total,
        credit: bills.credit.toString(),
        fine: bills.fine.toString(),
      },
      200,
    );
  });
