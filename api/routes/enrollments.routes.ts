import { ForbiddenError, subject } from '@casl/ability';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { caseSubjectOf, findCase } from '../../db/queries/case.query.js';
import { loadEnrollmentPolicy } from '../../db/queries/settings.query.js';
import { Region } from '../../db/entities/index.js';
import { businessKeyOf, caseIdFor, registerCase } from '../../db/writers/case-intake.js';
import { addDays, shanghaiDateOf } from '../../domain/calendar/local-date.js';
import type { EnrollmentApplication } from '../../domain/enrollment/enrollment-application.js';
import { DomainError } from '../../domain/errors.js';
import { RETIREMENT_CATEGORIES } from '../../domain/retirement-age.js';
import { explainRefusal } from '../../policies/abilities.js';
import type { AppEnv } from '../env.js';
import { ValidationError } from '../errors.js';
import { ReferenceCache } from '../cache/reference-cache.js';
import type { CaseWorkflows } from '../../services/workflow-port.js';
import { problemResponse } from '../problem.js';
import { CaseAccepted } from '../schemas/case.schemas.js';
import { Amount, CitizenIdField, CreditCodeField, InsuranceTypeField, IsoDate, RegionCode } from '../schemas/common.js';

const Name = z.string().trim().min(1, { error: 'must not be empty' }).max(50);
const Phone = z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, { error: 'must be a mainland mobile or landline number' });

const EnrollmentBody = z
  .object({
    person: z.object({ citizenId: CitizenIdField, name: Name, phone: Phone.optional(), hukouRegion: RegionCode.optional() }),
    employerCreditCode: CreditCodeField.optional(),
    hireDate: IsoDate,
    insuranceTypes: z
      .array(InsuranceTypeField)
      .min(1, { error: 'choose at least one insurance' })
      .refine((types) => new Set(types).size === types.length, { error: 'lists an insurance twice' }),
    monthlyWage: Amount,
    region: RegionCode,
    retirementCategory: z.enum(RETIREMENT_CATEGORIES).optional(),
  })
  .openapi('EnrollmentRequest');

const CorrectionBody = z
  .object({
    person: z.object({ name: Name.optional(), phone: Phone.optional(), hukouRegion: RegionCode.optional() }).optional(),
    hireDate: IsoDate.optional(),
    insuranceTypes: z.array(InsuranceTypeField).min(1).optional(),
    monthlyWage: Amount.optional(),
    comment: z.string().trim().min(1, { error: 'say what was corrected' }).max(2_000),
  })
  .openapi('EnrollmentCorrection');

const startRoute = createRoute({
  method: 'post',
  path: '/enrollments',
  tags: ['Enrollment 参保登记'],
  summary: 'Register a hire (employer) or yourself as a flexible worker (citizen); repeats return the same case',
  request: { body: { required: true, content: { 'application/json': { schema: EnrollmentBody } } } },
  responses: {
    202: { content: { 'application/json': { schema: CaseAccepted } }, description: 'The case (new or the existing one)' },
    400: problemResponse('Invalid input, naming the field'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Not allowed to file this registration, with the reason'),
    422: problemResponse('Refused by a rule known at the door (e.g. a flexible worker asking for unemployment insurance)'),
  },
});

const CaseParams = z.object({ caseId: z.string().min(1).max(64) });
const correctRoute = createRoute({
  method: 'post',
  path: '/enrollments/{caseId}/corrections',
  tags: ['Enrollment 参保登记'],
  summary: 'Answer a return for correction (补正材料); the case goes back to its reviewer',
  request: { params: CaseParams, body: { required: true, content: { 'application/json': { schema: CorrectionBody } } } },
  responses: {
    200: { content: { 'application/json': { schema: CaseAccepted } }, description: 'Accepted by the case' },
    404: problemResponse('Unknown case, or not yours'),
    409: problemResponse('The case is not waiting for a correction'),
  },
});

const withdrawRoute = createRoute({
  method: 'post',
  path: '/enrollments/{caseId}/withdrawal',
  tags: ['Enrollment 参保登记'],
  summary: 'Withdraw an application that is still under review or waiting for a correction',
  request: {
    params: CaseParams,
    body: { required: true, content: { 'application/json': { schema: z.object({ reason: z.string().trim().min(1).max(500) }) } } },
  },
  responses: {
    200: { content: { 'application/json': { schema: CaseAccepted } }, description: 'Withdrawn' },
    404: problemResponse('Unknown case, or not yours'),
    409: problemResponse('Too late to withdraw'),
  },
});

const REOPENABLE = new Set(['rejected', 'refused', 'withdrawn']);

const accepted = (caseId: string, reference: string, status: string) => ({
  caseId,
  reference,
  status,
  links: { self: `/v1/cases/${caseId}` },
});

export const enrollmentRoutes = (cases: CaseWorkflows, clock: () => Date, reference = new ReferenceCache()) =>
  new OpenAPIHono<AppEnv>()
    .openapi(startRoute, async (c) => {
      const { em, ability, actor } = c.var;
      const body = c.req.valid('json');
      // An employer agent files for its own employer; leaving the code out means "my employer", never flexible work.
      const employerCreditCode = body.employerCreditCode ?? (actor.role === 'employer' ? (actor.employer ?? null) : null);
      const filing = { region: body.region, citizenId: body.person.citizenId, employerCreditCode };
      if (ability.cannot('create', subject('Enrollment', filing))) {
        throw new ForbiddenError(ability).setMessage(explainRefusal(ability, actor, 'create', 'Enrollment', filing));
      }
      const now = clock();
      const today = shanghaiDateOf(now.getTime());
      if (body.hireDate > addDays(today, 31)) {
        throw new ValidationError([{ path: 'hireDate', message: 'is more than 31 days ahead; register a hire when the start is near' }]);
      }
      const policy = await reference.get('enrollment.policy', em, loadEnrollmentPolicy);
      if (employerCreditCode === null) {
        const notAllowed = body.insuranceTypes.filter((type) => !policy.flexibleInsuranceTypes.includes(type));
        if (notAllowed.length > 0) {
          throw new DomainError('ENROLLMENT_REFUSED', `a flexible worker may join only ${policy.flexibleInsuranceTypes.join(' and ')}, not ${notAllowed.join(', ')}`, {
            path: 'insuranceTypes',
          });
        }
      }
      const served = await reference.get('regions', em, async (fork) => new Set((await fork.find(Region, {})).map((r) => r.code)));
      if (!served.has(body.region)) {
        throw new DomainError('REGION_NOT_FOUND', `region ${body.region} is not served by this system`, { path: 'region' });
      }

      const businessKey = businessKeyOf('enrollment', body.person.citizenId, employerCreditCode ?? 'flexible');
      const { caseId, existing } = await caseIdFor(em, 'enrollment', businessKey, REOPENABLE);
      if (existing && ability.cannot('read', subject('Case', caseSubjectOf(existing)))) {
        // Someone else's open case for this person: say so without showing it.
        throw new DomainError('NOT_ALLOWED_NOW', 'an enrollment for this person and employer is already open');
      }
      const row =
        existing ??
        (await registerCase(em, caseId, {
          type: 'enrollment',
          businessKey,
          region: body.region,
          citizenId: body.person.citizenId,
          employerCreditCode,
          applicantId: actor.id,
          applicantRole: actor.role,
          subjectName: body.person.name,
          summary: { hireDate: body.hireDate, insuranceTypes: body.insuranceTypes, monthlyWage: body.monthlyWage },
          requestId: c.get('requestId'),
          now,
        }));
      if (row.closedAt === null) {
        const application: EnrollmentApplication = {
          person: { citizenId: body.person.citizenId, name: body.person.name, phone: body.person.phone ?? null, hukouRegion: body.person.hukouRegion ?? null },
          employerCreditCode,
          hireDate: body.hireDate,
          insuranceTypes: body.insuranceTypes,
          monthlyWage: body.monthlyWage,
          region: body.region,
          retirementCategory: body.retirementCategory ?? null,
        };
        // Always (re)start: if the first attempt wrote the row but never reached Temporal, the retry finishes the job.
        await cases.startEnrollment({
          caseId: row.caseId,
          reference: row.reference,
          application,
          submittedBy: { id: actor.id, role: actor.role },
          submittedOn: shanghaiDateOf(new Date(row.openedAt).getTime()),
          policy,
        });
      }
      return c.json(accepted(row.caseId, row.reference, row.status), 202);
    })
    .openapi(correctRoute, async (c) => {
      const row = await applicantCase(c, c.req.valid('param').caseId);
      const { comment, ...changes } = c.req.valid('json');
      const view = await cases.resubmitEnrollment(row.caseId, { ...changes, comment }, c.var.actor.id, row.statusVersion);
      return c.json(accepted(row.caseId, row.reference, view.status), 200);
    })
    .openapi(withdrawRoute, async (c) => {
      const row = await applicantCase(c, c.req.valid('param').caseId);
      const view = await cases.withdrawEnrollment(row.caseId, c.req.valid('json').reason, c.var.actor.id);
      return c.json(accepted(row.caseId, row.reference, view.status), 200);
    });

/** The applicant's own enrollment (the filer, the person, or the person's employer); 404 for anyone else. */
async function applicantCase(c: { var: AppEnv['Variables'] }, idOrReference: string) {
  const { em, actor, ability } = c.var;
  const row = await findCase(em, idOrReference);
  if (!row || row.type !== 'enrollment' || ability.cannot('read', subject('Case', caseSubjectOf(row)))) {
    throw new DomainError('CASE_NOT_FOUND', `No case ${idOrReference}`);
  }
  const isApplicant =
    actor.id === row.applicantId ||
    (actor.role === 'citizen' && actor.id === row.citizenId) ||
    (actor.role === 'employer' && actor.employer === row.employerCreditCode);
  if (!isApplicant) throw new ForbiddenError(ability).setMessage('applicant: only the applicant answers for this application');
  const version = await em.execute<{ status_version: number }[]>('select status_version from case_record where id = ?', [row.caseId]);
  return { ...row, statusVersion: version[0]?.status_version ?? 0 };
}
