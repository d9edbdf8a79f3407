import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { DEADLINE_UNITS } from '../../domain/calendar/holiday-calendar.js';
import { loadCalendarYear } from '../../services/calendars/load-calendar-year.js';
import { computeDeadline, readCalendar } from '../../services/calendars/read-calendar.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';
import { IsoDate } from '../schemas/common.js';

const DeadlineQuery = z.object({
  from: IsoDate,
  days: z.coerce
    .number({ error: 'must be a whole number of days' })
    .int({ error: 'must be a whole number of days' })
    .min(0)
    .max(3_650)
    .openapi({ type: 'integer', minimum: 0, maximum: 3_650, param: { name: 'days', in: 'query', required: true } }),
  unit: z.enum(DEADLINE_UNITS, { error: 'must be working or calendar' }),
});

const deadlineRoute = createRoute({
  method: 'get',
  path: '/calendar/deadline',
  tags: ['Calculators'],
  summary: 'The last day of a period of N working or calendar days from a date, with the holiday calendar (rules §9)',
  request: { query: DeadlineQuery },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z
            .object({
              from: z.string(),
              days: z.number(),
              unit: z.string(),
              due: z.string(),
              provisional: z.boolean().openapi({ description: 'A year on the way has no holiday calendar loaded: counted on weekends alone' }),
            })
            .openapi('DeadlineCount'),
        },
      },
      description: 'The due date',
    },
    400: problemResponse('Invalid input, naming the field'),
  },
});

const YearParam = z.object({
  year: z.coerce
    .number({ error: 'must be a year' })
    .int()
    .min(1950)
    .max(2200)
    .openapi({ param: { name: 'year', in: 'path' }, example: 2027 }),
});
const Day = IsoDate;
const CalendarOut = z
  .object({
    year: z.number().int(),
    status: z.enum(['official', 'provisional']),
    notice: z.string().nullable(),
    loadedAt: z.string().nullable(),
    holidays: z.array(z.string()),
    workdays: z.array(z.string()).openapi({ description: 'Make-up workdays (调休上班日): weekend days worked' }),
  })
  .openapi('CalendarYear');

const getCalendar = createRoute({
  method: 'get',
  path: '/calendars/{year}',
  tags: ['Reference data'],
  summary: "A year's holiday arrangement: official once its State Council notice is loaded, else provisional (weekends only)",
  request: { params: YearParam },
  responses: { 200: { content: { 'application/json': { schema: CalendarOut } }, description: 'The year' }, 400: problemResponse('Not a year') },
});

const putCalendar = createRoute({
  method: 'put',
  path: '/calendars/{year}',
  tags: ['Reference data'],
  summary: "Admin: load a year's State Council arrangement; provisional deadlines across it are counted again",
  request: {
    params: YearParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              notice: z.string().trim().min(1, { error: 'name the notice it comes from' }).max(200),
              holidays: z.array(Day).min(1, { error: 'list every day off of each holiday block' }).max(60),
              workdays: z.array(Day).max(20).default([]),
            })
            .openapi('CalendarLoad'),
        },
      },
    },
  },
  responses: {
    200: {
      content: { 'application/json': { schema: CalendarOut.extend({ replaced: z.boolean(), billsRecounted: z.number().int(), casesTold: z.number().int() }) } },
      description: 'Loaded; what was counted provisionally is counted again',
    },
    400: problemResponse('A day outside the year, a make-up day that is not a weekend day, a day listed as both'),
    403: problemResponse('Only an administrator loads a calendar'),
  },
});

export const calendarRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(deadlineRoute, async (c) => {
      const { from, days, unit } = c.req.valid('query');
      const due = await computeDeadline(c.var.ctx, from, days, unit);
      return c.json({ from, days, unit, due: due.dueDate, provisional: due.provisional }, 200);
    })
    .openapi(getCalendar, async (c) => c.json(await readCalendar(c.var.ctx, c.req.valid('param').year), 200))
    .openapi(putCalendar, async (c) => {
      const { year } = c.req.valid('param');
      const body = c.req.valid('json');
      const loaded = await loadCalendarYear(c.var.ctx, year, { notice: body.notice, holidays: body.holidays, makeupWorkdays: body.workdays });
      return c.json(
        { ...(await readCalendar(c.var.ctx, year)), replaced: loaded.replaced, billsRecounted: loaded.billsRecounted, casesTold: loaded.casesTold },
        200,
      );
    });
