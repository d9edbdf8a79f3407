import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { EmployerRow } from '../../db/queries/employer.query.js';
import { LEAVE_REASONS } from '../../domain/enrollment/leaver.js';
import { maskCitizenId } from '../../domain/identity/masking.js';
import { readEmployers } from '../../services/employers/read-employers.js';
import { registerEmployer } from '../../services/employers/register-employer.js';
import { reportLeaver } from '../../services/employers/report-leaver.js';
import type { AppEnv } from '../env.js';
import { decodeCursorOf, encodeCursor, PageQuery, pageOf } from '../pagination.js';
import { problemResponse } from '../problem.js';
import { CitizenIdField, CreditCodeField, IsoDate, RegionCode } from '../schemas/common.js';

const EmployerOut = z
  .object({
    creditCode: z.string(),
    name: z.string(),
    region: z.string(),
    status: z.string(),
    industryCode: z.string().nullable(),
    workInjuryClass: z.number().nullable(),
    warnings: z.array(z.string()).optional(),
  })
  .openapi('Employer');

const present = (e: EmployerRow, warnings?: string[]) => ({ ...e, ...(warnings && warnings.length ? { warnings } : {}) });

const listRoute = createRoute({
  method: 'get',
  path: '/employers',
  tags: ['Reference data'],
  summary: 'Employers (用人单位) the caller may see',
  request: { query: PageQuery.extend({ region: RegionCode.optional() }) },
  responses: { 200: { content: { 'application/json': { schema: pageOf(EmployerOut) } }, description: 'A page of employers' } },
});

const createEmployer = createRoute({
  method: 'post',
  path: '/employers',
  tags: ['Reference data'],
  summary: 'Register an employer (caseworker, admin)',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              creditCode: CreditCodeField,
              name: z.string().trim().min(1).max(200),
              region: RegionCode,
              industryCode: z
                .string()
                .regex(/^[A-T]\d{0,4}$/, { error: 'must be a GB/T 4754 industry code such as I6510' })
                .optional(),
              workInjuryClass: z.number().int().min(1).max(8).optional(),
            })
            .openapi('EmployerInput'),
        },
      },
    },
  },
  responses: {
    201: { content: { 'application/json': { schema: EmployerOut } }, description: 'Registered' },
    400: problemResponse('Invalid input, naming the field (also: a region the system does not serve)'),
    403: problemResponse('Not allowed, with the reason'),
    409: problemResponse('The credit code is already registered'),
  },
});

const LeaverBody = z
  .object({
    citizenId: CitizenIdField,
    leaveDate: IsoDate,
    reason: z.enum(LEAVE_REASONS, { error: `must be one of ${LEAVE_REASONS.join(', ')}` }),
  })
  .openapi('LeaverReport');

const LeaverOut = z
  .object({
    reportId: z.string(),
    repeated: z.boolean(),
    employerCreditCode: z.string(),
    citizenId: z.string().openapi({ description: 'Masked unless the caller may see it whole' }),
    leaveDate: z.string(),
    reason: z.enum(LEAVE_REASONS),
    lastMonth: z.string().openapi({ description: 'The records cover this month and stop from the next' }),
    insuranceTypes: z.array(z.string()),
    reportDeadline: z.string(),
    lateDays: z.number().int().nullable().openapi({ description: 'Days after the statutory 15 days the report came (null: in time)' }),
    provisional: z.boolean(),
  })
  .openapi('LeaverReported');

const leaversRoute = createRoute({
  method: 'post',
  path: '/employers/{creditCode}/leavers',
  tags: ['Enrollment 参保登记'],
  summary: '减员: report that a person left; their records with the employer stop after the leave month (社会保险法 art. 50)',
  request: { params: z.object({ creditCode: CreditCodeField }), body: { required: true, content: { 'application/json': { schema: LeaverBody } } } },
  responses: {
    201: { content: { 'application/json': { schema: LeaverOut } }, description: 'Reported; late reports carry lateDays' },
    200: { content: { 'application/json': { schema: LeaverOut } }, description: 'The same report again: nothing changed' },
    400: problemResponse('Invalid input, naming the field (a leave date in the future or before the records began)'),
    403: problemResponse('Not allowed to report leavers for this employer'),
    404: problemResponse('Unknown employer, or not visible'),
    422: problemResponse('NOT_INSURED: the person has no open record with this employer'),
  },
});

export const employerRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) => {
      const q = c.req.valid('query');
      const after = q.cursor ? String(decodeCursorOf(q.cursor, ['string'])[0]) : undefined;
      const page = await readEmployers(c.var.ctx, { region: q.region, after, limit: q.limit });
      const last = page.items.at(-1);
      return c.json({ items: page.items.map((e) => present(e)), nextCursor: page.more && last ? encodeCursor([last.creditCode]) : null }, 200);
    })
    .openapi(createEmployer, async (c) => {
      const { employer, warnings } = await registerEmployer(c.var.ctx, c.req.valid('json'));
      return c.json(present(employer, warnings), 201);
    })
    .openapi(leaversRoute, async (c) => {
      const { ctx } = c.var;
      const reported = await reportLeaver(ctx, c.req.valid('param').creditCode, c.req.valid('json'));
      // Staff of the region see the ID whole; the employer agent filed it and sees it masked like every employee list.
      const unmasked = ctx.actor.role !== 'employer';
      return c.json({ ...reported, citizenId: unmasked ? reported.citizenId : maskCitizenId(reported.citizenId) }, reported.repeated ? 200 : 201);
    });
