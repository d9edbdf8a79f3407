import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { csvRows, CSV_HEADER, toCsv } from '../../domain/statistics/monthly-statistics.js';
import { statisticsWorkbook, XLSX_TYPE } from '../presenters/statistics-workbook.js';
import { readMonthlyStatistics } from '../../services/statistics/read-monthly-statistics.js';
import type { AppEnv } from '../env.js';
import { presentMonthlyStatistics } from '../presenters/statistics.presenter.js';
import { problemResponse } from '../problem.js';
import { Amount, IsoDate, IsoMonth, RegionCode } from '../schemas/common.js';

const Count = z.number().int().nonnegative();
const Link = z.string().openapi({ description: 'A list route of the API with its filters' });

const MonthlyStatistics = z
  .object({
    region: z.string(),
    from: z.string(),
    to: z.string(),
    asOf: IsoDate.openapi({ description: 'The business day counted on: a bill is in arrears once its due date is before it' }),
    months: z.array(
      z.object({
        month: z.string(),
        insured: z.array(z.object({ insuranceType: z.string(), insured: Count, joined: Count, left: Count })),
        contributions: z.object({ billed: Amount, received: Amount, arrears: Amount, lateFees: Amount }),
        benefits: z.array(z.object({ benefit: z.string(), granted: Count, paidLines: Count, paid: Amount })),
        cases: z.array(z.object({ caseType: z.string(), opened: Count, closed: Count, decided: Count, onTime: Count })),
        fund: z.object({
          income: Amount,
          expenditure: Amount,
          net: z.string().openapi({ description: 'income − expenditure; negative when more was paid out' }),
        }),
      }),
    ),
    drillDown: z.object({
      cases: z.record(z.string(), Link),
      overdueCases: z.record(z.string(), Link),
      arrears: Link,
      benefits: Link,
      payrolls: Link,
    }),
  })
  .openapi('MonthlyStatistics');

const monthlyRoute = createRoute({
  method: 'get',
  path: '/statistics/monthly',
  tags: ['Statistics'],
  summary: '统计: monthly figures of a region and the regions below it — insured persons, contributions, benefits, SLA, fund',
  request: {
    query: z.object({
      region: RegionCode.optional().openapi({ description: 'The caller’s region (default) or one below it' }),
      from: IsoMonth.optional().openapi({ description: 'First month; default eleven months before `to`' }),
      to: IsoMonth.optional().openapi({ description: 'Last month; default this month. At most 36 months in all' }),
      format: z
        .enum(['json', 'csv', 'xlsx'])
        .optional()
        .openapi({ description: 'csv: one figure a row (also with Accept: text/csv); xlsx: the same rows as a spreadsheet (also with its Accept type)' }),
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': { schema: MonthlyStatistics },
        'text/csv': { schema: z.string().openapi({ description: `UTF-8, header ${CSV_HEADER.join(',')}; money as decimal strings` }) },
        [XLSX_TYPE]: {
          schema: z
            .string()
            .openapi({ type: 'string', format: 'binary', description: 'One sheet, the CSV’s rows; values as number cells (money with two places)' }),
        },
      },
      description: 'The figures',
    },
    400: problemResponse('A bad month or region, `from` after `to`, or more than 36 months'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Only a supervisor, auditor or administrator, and only of their region or one below it'),
  },
});

/** GET /v1/statistics/monthly (services/statistics/read-monthly-statistics.ts; docs/statistics.md). */
export const statisticsRoutes = () =>
  new OpenAPIHono<AppEnv>().openapi(monthlyRoute, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const report = await readMonthlyStatistics(c.var.ctx, query);
    const accept = c.req.header('accept') ?? '';
    const filename = `statistics-${report.region}-${report.from}-${report.to}`;
    if (format === 'xlsx' || (format === undefined && accept.includes(XLSX_TYPE))) {
      c.header('content-disposition', `attachment; filename="${filename}.xlsx"`);
      return c.body(new Uint8Array(await statisticsWorkbook(report)), 200, { 'content-type': XLSX_TYPE });
    }
    const wantsCsv = format === 'csv' || (format === undefined && accept.includes('text/csv'));
    if (wantsCsv) {
      c.header('content-disposition', `attachment; filename="${filename}.csv"`);
      return c.body(toCsv([[...CSV_HEADER], ...csvRows(report.months)]), 200, { 'content-type': 'text/csv; charset=utf-8' });
    }
    return c.json(presentMonthlyStatistics(report), 200);
  });
