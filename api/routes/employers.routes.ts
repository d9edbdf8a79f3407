import { ForbiddenError, subject } from '@casl/ability';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { Employer, Region } from '../../db/entities/index.js';
import type { IEmployer } from '../../db/entities/employer.entity.js';
import { appendAudit } from '../../db/writers/case-log.js';
import { DomainError } from '../../domain/errors.js';
import { parseCreditCode } from '../../domain/identity/credit-code.js';
import { explainRefusal } from '../../policies/abilities.js';
import { accessibleFilter } from '../../policies/sql-scope.js';
import type { AppEnv } from '../env.js';
import { decodeCursorOf, encodeCursor, PageQuery, pageOf } from '../pagination.js';
import { problemResponse } from '../problem.js';
import { CreditCodeField, RegionCode } from '../schemas/common.js';

const EmployerOut = z
  .object({ creditCode: z.string(), name: z.string(), region: z.string(), status: z.string(), industryCode: z.string().nullable(), workInjuryClass: z.number().nullable(), warnings: z.array(z.string()).optional() })
  .openapi('Employer');

const present = (e: IEmployer, warnings?: string[]) => ({
  creditCode: e.creditCode,
  name: e.name,
  region: e.region,
  status: e.status,
  industryCode: e.industryCode ?? null,
  workInjuryClass: e.workInjuryClass ?? null,
  ...(warnings && warnings.length ? { warnings } : {}),
});

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
              industryCode: z.string().regex(/^[A-T]\d{0,4}$/, { error: 'must be a GB/T 4754 industry code such as I6510' }).optional(),
              workInjuryClass: z.number().int().min(1).max(8).optional(),
            })
            .openapi('EmployerInput'),
        },
      },
    },
  },
  responses: {
    201: { content: { 'application/json': { schema: EmployerOut } }, description: 'Registered' },
    400: problemResponse('Invalid input, naming the field'),
    403: problemResponse('Not allowed, with the reason'),
    409: problemResponse('The credit code is already registered'),
  },
});

export const employerRoutes = (clock: () => Date) =>
  new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) => {
      const { em, ability } = c.var;
      const q = c.req.valid('query');
      const scope = accessibleFilter(ability, 'read', 'Employer');
      if (scope === null) return c.json({ items: [], nextCursor: null }, 200);
      const where: FilterQuery<IEmployer>[] = [scope];
      if (q.region) where.push({ region: q.region });
      if (q.cursor) where.push({ creditCode: { $gt: String(decodeCursorOf(q.cursor, ['string'])[0]) } });
      const rows = await em.find(Employer, { $and: where }, { orderBy: { creditCode: 'asc' }, limit: q.limit + 1 });
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return c.json({ items: page.map((e) => present(e)), nextCursor: rows.length > q.limit && last ? encodeCursor([last.creditCode]) : null }, 200);
    })
    .openapi(createEmployer, async (c) => {
      const { em, ability, actor } = c.var;
      const body = c.req.valid('json');
      const target = { creditCode: body.creditCode, region: body.region };
      if (ability.cannot('create', subject('Employer', target))) {
        throw new ForbiddenError(ability).setMessage(explainRefusal(ability, actor, 'create', 'Employer', target));
      }
      // A failed check character on an otherwise well-formed code is a warning for a person to confirm (§1.2).
      const { warnings } = parseCreditCode(body.creditCode, 'warn');
      if (!(await em.findOne(Region, { code: body.region }))) {
        throw new DomainError('REGION_NOT_FOUND', `region ${body.region} is not served by this system`, { path: 'region' });
      }
      const employer = await em.transactional(async (tx) => {
        const inserted = await tx.execute<{ credit_code: string }[]>(
          `insert into employer (credit_code, name, region, status, industry_code, work_injury_class, created_by, created_at)
           values (?, ?, ?, 'active', ?, ?, ?, ?) on conflict (credit_code) do nothing returning credit_code`,
          [body.creditCode, body.name, body.region, body.industryCode ?? null, body.workInjuryClass ?? null, actor.id, clock()],
        );
        if (inserted.length === 0) throw new DomainError('EMPLOYER_EXISTS', `employer ${body.creditCode} is already registered`, { path: 'creditCode' });
        await appendAudit(tx, {
          at: clock(),
          actorId: actor.id,
          actorRole: actor.role,
          region: body.region,
          action: 'employer.registered',
          objectType: 'Employer',
          objectId: body.creditCode,
          requestId: c.get('requestId'),
          detail: { name: body.name, warnings },
        });
        return tx.findOneOrFail(Employer, { creditCode: body.creditCode });
      });
      return c.json(present(employer, warnings), 201);
    });
