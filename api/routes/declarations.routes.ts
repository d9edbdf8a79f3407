import { createHash } from 'node:crypto';
import { ForbiddenError, subject } from '@casl/ability';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { declareContributions, type DeclarationOutcome } from '../../services/contributions/declare-contributions.js';
import { decodeRosterBytes, readRoster } from '../../domain/contribution/declaration-csv.js';
import { DomainError } from '../../domain/errors.js';
import { maskCitizenId } from '../../domain/identity/masking.js';
import type { AppEnv } from '../env.js';
import { ValidationError } from '../errors.js';
import { problemResponse } from '../problem.js';
import { Amount, CreditCodeField, InsuranceTypeField } from '../schemas/common.js';

const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month written YYYY-MM' }).openapi({ example: '2026-10' });

const LineBody = z.object({
  // Checked by the declaration itself, so a bad ID is reported with the other rows' faults rather than alone.
  citizenId: z.string().max(18),
  name: z.string().max(50),
  monthlyWage: Amount,
  insuranceTypes: z.array(InsuranceTypeField).min(1),
  workInjuryClass: z.string().regex(/^[1-8]$/).optional(),
  workInjuryTier: z.string().regex(/^\d(\.\d{1,2})?$/).optional(),
});

const DeclarationBody = z
  .object({ employerCreditCode: CreditCodeField.optional(), period: Period, lines: z.array(LineBody).min(1).max(5_000) })
  .openapi('DeclarationRequest');

const DeclarationAnswer = z
  .object({
    declarationId: z.string(),
    billId: z.string(),
    employerCreditCode: z.string(),
    period: z.string(),
    dueDate: z.string(),
    parametersFrom: z.string(),
    duplicate: z.boolean(),
    adjustment: z.string().nullable(),
    lineCount: z.number(),
    totals: z.object({ employer: z.string(), employee: z.string(), total: z.string(), byInsurance: z.record(z.string(), z.object({ employer: z.string(), employee: z.string() })) }),
    lines: z.array(
      z.object({
        citizenId: z.string(),
        name: z.string(),
        base: z.string(),
        lines: z.array(z.object({ insurance: z.string(), employerRate: z.string(), employeeRate: z.string(), employer: z.string(), employee: z.string() })),
        employerTotal: z.string(),
        employeeTotal: z.string(),
        total: z.string(),
        workings: z.array(z.string()),
      }),
    ),
  })
  .openapi('DeclarationAnswer');

const IdempotencyHeader = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() });

const declareRoute = createRoute({
  method: 'post',
  path: '/declarations',
  tags: ['Contributions 征缴'],
  summary: "Declare a month's wages for one or more employees; the period's bill follows (domain-rules §3.3)",
  request: { headers: IdempotencyHeader, body: { required: true, content: { 'application/json': { schema: DeclarationBody } } } },
  responses: {
    201: { content: { 'application/json': { schema: DeclarationAnswer } }, description: 'Declared; amounts per employee and insurance with workings' },
    200: { content: { 'application/json': { schema: DeclarationAnswer } }, description: 'The same declaration again (idempotency key)' },
    400: problemResponse('Refused as a whole; `errors` names every bad line and field; nothing was written'),
    403: problemResponse('Not allowed to declare for this employer'),
    404: problemResponse('Unknown employer'),
  },
});

const declareFileRoute = createRoute({
  method: 'post',
  path: '/declarations/files',
  tags: ['Contributions 征缴'],
  summary: 'Declare a whole roster as a CSV file (UTF-8 or GBK; columns in docs/contributions.md) — all rows or none',
  request: {
    headers: IdempotencyHeader,
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }), employerCreditCode: z.string().optional(), period: z.string() }),
        },
      },
    },
  },
  responses: {
    201: { content: { 'application/json': { schema: DeclarationAnswer } }, description: 'Declared (the first 100 lines listed in full)' },
    200: { content: { 'application/json': { schema: DeclarationAnswer } }, description: 'The same file again' },
    400: problemResponse('Refused as a whole; `errors` names every bad row and field (rows[0] is the first data row); nothing was written'),
    403: problemResponse('Not allowed to declare for this employer'),
    404: problemResponse('Unknown employer'),
  },
});

type Vars = AppEnv['Variables'];

// What each purpose asks of the ability, on the employer's contribution account (policies/abilities.ts).
const NEEDS = {
  read: ['read', 'Bill', 'wages are declared and bills read by the employer or staff of its region'],
  declare: ['create', 'Declaration', 'role: wages are declared by the employer or front-office staff'],
  pay: ['create', 'Payment', 'role: payments are recorded by caseworkers, supervisors or administrators'],
} as const;

/**
 * The employer a request is about, or 404 when it is unknown or its account is not visible to the caller
 * (api-contract.md Errors). `declare` and `pay` then need the right to create a Declaration or a Payment for it.
 */
export async function employerFor(v: Vars, code: string | undefined, purpose: 'read' | 'declare' | 'pay') {
  const creditCode = code ?? (v.actor.role === 'employer' ? v.actor.employer : undefined);
  if (!creditCode) throw new ValidationError([{ path: 'employerCreditCode', message: 'is required' }]);
  const [row] = await v.em.execute<{ credit_code: string; region: string; status: string; work_injury_class: number | null; name: string }[]>(
    'select credit_code, region, status, work_injury_class, name from employer where credit_code = ?',
    [creditCode],
  );
  const account = row ? { employerCreditCode: row.credit_code, region: row.region } : null;
  if (!row || !account || v.ability.cannot('read', subject('Bill', { ...account }))) {
    throw new DomainError('EMPLOYER_NOT_FOUND', `No employer ${creditCode}`, { path: 'employerCreditCode' });
  }
  const [action, subjectType, reason] = NEEDS[purpose];
  if (v.ability.cannot(action, subject(subjectType, { ...account }))) throw new ForbiddenError(v.ability).setMessage(reason);
  return { creditCode: row.credit_code, region: row.region, status: row.status, workInjuryClass: row.work_injury_class, name: row.name };
}

// A roster file can hold a million lines: its answer lists the first ones in full with workings, and only those are
// computed with workings (the rest go the integer path, domain/contribution/fen-calculator.ts).
const FILE_LINES_LISTED = 100;

const keyOf = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40);

function answer(outcome: Extract<DeclarationOutcome, { ok: true }>, employer: string, period: string, listUpTo: number) {
  const money = (m: { toString(): string }) => m.toString();
  return {
    declarationId: outcome.declarationId,
    billId: outcome.billId,
    employerCreditCode: employer,
    period,
    dueDate: outcome.dueDate,
    parametersFrom: outcome.parametersFrom,
    duplicate: outcome.duplicate,
    adjustment: outcome.adjustment,
    lineCount: outcome.lineCount,
    totals: {
      employer: money(outcome.totals.employer),
      employee: money(outcome.totals.employee),
      total: money(outcome.totals.total),
      byInsurance: Object.fromEntries(Object.entries(outcome.totals.byInsurance).map(([k, v]) => [k, { employer: money(v.employer), employee: money(v.employee) }])),
    },
    lines: outcome.lines.slice(0, listUpTo).map((l) => ({
      citizenId: maskCitizenId(l.citizenId),
      name: l.name,
      base: money(l.base),
      lines: l.lines.map((x) => ({ insurance: x.insurance, employerRate: x.employerRate, employeeRate: x.employeeRate, employer: money(x.employer), employee: money(x.employee) })),
      employerTotal: money(l.employerTotal),
      employeeTotal: money(l.employeeTotal),
      total: money(l.total),
      workings: l.workings,
    })),
  };
}

export const declarationRoutes = (clock: () => Date) =>
  new OpenAPIHono<AppEnv>()
    .openapi(declareRoute, async (c) => {
      const body = c.req.valid('json');
      const employer = await employerFor(c.var, body.employerCreditCode, 'declare');
      const key = c.req.valid('header')['idempotency-key'] ?? keyOf('declaration', employer.creditCode, body.period, JSON.stringify(body.lines));
      const outcome = await declareContributions(c.var.em, {
        employer,
        period: body.period,
        lines: body.lines,
        source: 'api',
        idempotencyKey: key,
        declaredBy: { id: c.var.actor.id, role: c.var.actor.role },
        requestId: c.get('requestId'),
        now: clock(),
        detailUpTo: 5_000,
      });
      if (!outcome.ok) throw new ValidationError(outcome.issues);
      return c.json(answer(outcome, employer.creditCode, body.period, 5_000), outcome.duplicate ? 200 : 201);
    })
    .openapi(declareFileRoute, async (c) => {
      const form = await c.req.formData();
      const file = form.get('file');
      const rawPeriod = form.get('period');
      const period = typeof rawPeriod === 'string' ? rawPeriod.trim() : '';
      const code = form.get('employerCreditCode');
      if (!(file instanceof File)) throw new ValidationError([{ path: 'file', message: 'attach the roster as the multipart field "file"' }]);
      const employer = await employerFor(c.var, typeof code === 'string' && code !== '' ? code.trim().toUpperCase() : undefined, 'declare');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const decoded = decodeRosterBytes(bytes);
      if (!decoded.ok) throw new ValidationError([{ path: 'file', message: decoded.message }]);
      const roster = readRoster(decoded.text);
      const key = c.req.valid('header')['idempotency-key'] ?? keyOf('declaration-file', employer.creditCode, period, createHash('sha256').update(bytes).digest('hex'));
      const outcome = await declareContributions(c.var.em, {
        employer,
        period,
        lines: roster.lines,
        readIssues: roster.issues,
        source: 'file',
        idempotencyKey: key,
        declaredBy: { id: c.var.actor.id, role: c.var.actor.role },
        requestId: c.get('requestId'),
        now: clock(),
        detailUpTo: FILE_LINES_LISTED,
      });
      if (!outcome.ok) throw new ValidationError(outcome.issues);
      return c.json(answer(outcome, employer.creditCode, period, FILE_LINES_LISTED), outcome.duplicate ? 200 : 201);
    });
