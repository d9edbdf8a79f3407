import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { loadCalendarYears } from '../../db/queries/calendar.query.js';
import { DEADLINE_UNITS, HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';
import { IsoDate } from '../schemas/common.js';

const DeadlineQuery = z.object({
  from: IsoDate,
  days: z.coerce.number({ error: 'must be a whole number of days' }).int({ error: 'must be a whole number of days' }).min(0).max(3_650),
  unit: z.enum(DEADLINE_UNITS, { error: 'must be working or calendar' }),
});

const deadlineRoute = createRoute({
  method: 'get',
  path: '/calendar/deadline',
  tags: ['Calculators'],
  summary: 'The last day of a period of N working or calendar days from a date, with the holiday calendar (domain-rules §9)',
  request: { query: DeadlineQuery },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ from: z.string(), days: z.number(), unit: z.string(), due: z.string(), provisional: z.boolean() }).openapi('Deadline') } },
      description: 'The due date',
    },
    400: problemResponse('Invalid input, naming the field'),
  },
});

export const calendarRoutes = () =>
  new OpenAPIHono<AppEnv>().openapi(deadlineRoute, async (c) => {
    const { from, days, unit } = c.req.valid('query');
    // A year without its holiday table counts as plain weeks and the answer says so (provisional), never a refusal.
    const due = new HolidayCalendar(await loadCalendarYears(c.var.em)).deadlineOf(from, days, unit);
    return c.json({ from, days, unit, due: due.dueDate, provisional: due.provisional }, 200);
  });
