import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { BaseChangeRow } from '../../db/writers/person-changes.js';
import { maskCitizenId } from '../../domain/identity/masking.js';
import { requestBaseChange, decideBaseDrop } from '../../services/persons/change-base.js';
import { changePerson } from '../../services/persons/change-person.js';
import { correctBirthDate } from '../../services/persons/correct-identity.js';
import { readIdentityCorrections } from '../../services/persons/read-identity-corrections.js';
import { readInsuranceHistory } from '../../services/persons/read-insurance-history.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';
import { Amount, CitizenIdField, CreditCodeField, IsoDate, IsoMonth, RegionCode } from '../schemas/common.js';

const PersonParams = z.object({ citizenId: CitizenIdField });
const Month = IsoMonth;
const MonthsByInsurance = z.record(z.string(), z.number().int());

const HistoryOut = z
  .object({
    citizenId: z.string().openapi({ description: 'Masked unless the caller may see it whole' }),
    periods: z.array(
      z.object({
        insuranceType: z.string(),
        region: z.string(),
        employerCreditCode: z.string().nullable(),
        personnelCategory: z.string(),
        status: z.string(),
        startMonth: z.string(),
        endMonth: z.string().nullable(),
        endReason: z.string().nullable(),
        contributionBase: z.string(),
        recordedMonths: z.number().int(),
        paidMonths: z.number().int(),
      }),
    ),
    contributionMonths: MonthsByInsurance.openapi({ description: 'Distinct months paid per insurance (overlaps counted once)' }),
    unpaidMonths: MonthsByInsurance.openapi({ description: 'Distinct months recorded but not (yet) paid per insurance' }),
  })
  .openapi('InsuranceHistory');

const historyRoute = createRoute({
  method: 'get',
  path: '/persons/{citizenId}/insurance-history',
  tags: ['Enrollment 参保登记'],
  summary: '个人权益记录: periods per insurance and employer, and the months contributed (from records and paid bills)',
  request: { params: PersonParams },
  responses: {
    200: { content: { 'application/json': { schema: HistoryOut } }, description: 'The history' },
    400: problemResponse('Not an ID number'),
    404: problemResponse('No record of this person, or not visible to the caller'),
  },
});

const PersonChangeBody = z
  .object({
    name: z.string().trim().min(1).max(50).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, { error: 'must be a mainland mobile or landline number' })
      .optional(),
    hukouRegion: RegionCode.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { error: 'change at least one of name, phone, hukouRegion' })
  .openapi({ anyOf: [{ required: ['name'] }, { required: ['phone'] }, { required: ['hukouRegion'] }] })
  .openapi('PersonChange');

const changeRoute = createRoute({
  method: 'patch',
  path: '/persons/{citizenId}',
  tags: ['Enrollment 参保登记'],
  summary: '个人信息变更: staff correct the name, phone or household registration; a person changes their own phone',
  request: { params: PersonParams, body: { required: true, content: { 'application/json': { schema: PersonChangeBody } } } },
  responses: {
    200: {
      content: {
        'application/json': { schema: z.object({ citizenId: z.string(), name: z.string(), phone: z.string().nullable(), hukouRegion: z.string().nullable() }) },
      },
      description: 'Changed (audited)',
    },
    400: problemResponse('Invalid input, naming the field'),
    403: problemResponse('Not allowed to change these fields'),
    404: problemResponse('No record of this person, or not visible to the caller'),
  },
});

const identityCorrectionRoute = createRoute({
  method: 'post',
  path: '/persons/{citizenId}/identity-corrections',
  tags: ['Enrollment 参保登记'],
  summary: '身份信息更正: staff correct the recorded birth date on a legal document (audited; checked by fund supervision, rules §8)',
  request: {
    params: PersonParams,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              birthDate: IsoDate.openapi({ description: 'The corrected birth date; not after today' }),
              reason: z.string().trim().min(1).max(500),
              legalDocumentReference: z
                .string()
                .trim()
                .min(1)
                .max(100)
                .openapi({ description: 'The document the correction rests on (户籍证明, a court ruling), by its reference', example: '公户证字〔2026〕12号' }),
              legalDocumentDate: IsoDate.openapi({ description: 'The date of that legal document; not after the business day (422 otherwise)' }),
            })
            .openapi('IdentityCorrectionRequest'),
        },
      },
    },
  },
  responses: {
    201: {
      content: {
        'application/json': {
          schema: z
            .object({
              correctionId: z.string(),
              citizenId: z.string().openapi({ description: 'Masked' }),
              field: z.literal('birthDate'),
              previous: z.string(),
              corrected: z.string(),
              legalDocumentReference: z.string(),
              legalDocumentDate: z.string().openapi({ format: 'date' }),
              correctedOn: z.string(),
            })
            .openapi('IdentityCorrection'),
        },
      },
      description: 'Corrected (audited)',
    },
    400: problemResponse('Invalid input, naming the field (a birth date after today, or the one already recorded)'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Not staff who may change the person (the person themself, an employer, another role)'),
    404: problemResponse('No record of this person, or not visible to the caller'),
    422: problemResponse('INVALID_DATE: the legal document is dated after the business day (names legalDocumentDate)'),
  },
});

const BaseChangeOut = z
  .object({
    id: z.string(),
    citizenId: z.string(),
    employerCreditCode: z.string().nullable(),
    insuranceTypes: z.array(z.string()),
    fromMonth: z.string(),
    oldBase: z.string(),
    newBase: z.string(),
    status: z.enum(['applied', 'pending', 'rejected']),
    requestedBy: z.string(),
    decidedBy: z.string().nullable(),
  })
  .openapi('BaseChange');

const baseChangeRoute = createRoute({
  method: 'post',
  path: '/persons/{citizenId}/base-changes',
  tags: ['Enrollment 参保登记'],
  summary: '缴费基数变更: a raise applies at once; a drop waits for a second person (four eyes)',
  request: {
    params: PersonParams,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              employerCreditCode: CreditCodeField.nullable(),
              newBase: Amount,
              fromMonth: Month,
              reason: z.string().trim().min(1, { error: 'say why the base changes' }).max(500),
            })
            .openapi('BaseChangeRequest'),
        },
      },
    },
  },
  responses: {
    201: { content: { 'application/json': { schema: BaseChangeOut } }, description: 'Applied (a raise) or pending approval (a drop)' },
    400: problemResponse('Invalid input, naming the field (also: outside the region’s base bounds for that month)'),
    403: problemResponse('Not allowed'),
    404: problemResponse('No parameters in force for that month'),
    422: problemResponse('NOT_INSURED: no open record with this employer'),
  },
});

const decisionRoute = createRoute({
  method: 'post',
  path: '/base-changes/{id}/decision',
  tags: ['Enrollment 参保登记'],
  summary: 'A reviewer approves or rejects a base drop (never the one who asked for it)',
  request: {
    params: z.object({ id: z.uuid() }),
    body: { required: true, content: { 'application/json': { schema: z.object({ approve: z.boolean(), comment: z.string().trim().max(500).default('') }) } } },
  },
  responses: {
    200: { content: { 'application/json': { schema: BaseChangeOut } }, description: 'Decided' },
    400: problemResponse('A rejection without a reason'),
    403: problemResponse('FOUR_EYES: you asked for this change; or not a reviewer of the region'),
    404: problemResponse('Unknown change'),
    409: problemResponse('Already decided'),
  },
});

const identityCorrectionsRoute = createRoute({
  method: 'get',
  path: '/persons/{citizenId}/identity-corrections',
  tags: ['Enrollment 参保登记'],
  summary: '身份信息更正的记录: the person’s identity corrections, oldest first, each with its legal document’s reference and date',
  request: { params: PersonParams },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z
            .object({
              items: z.array(
                z.object({
                  correctionId: z.string(),
                  field: z.literal('birthDate'),
                  previous: z.string(),
                  corrected: z.string(),
                  reason: z.string(),
                  legalDocumentReference: z.string(),
                  legalDocumentDate: z
                    .string()
                    .nullable()
                    .openapi({ format: 'date', description: 'Null on corrections recorded before the date was asked for' }),
                  correctedBy: z.string().nullable().openapi({ description: 'The staff member; null for the person themself' }),
                  correctedOn: z.string(),
                }),
              ),
            })
            .openapi('IdentityCorrectionHistory'),
        },
      },
      description: 'The history',
    },
    400: problemResponse('Not an ID number'),
    401: problemResponse('No or bad token'),
    404: problemResponse('No record of this person, or not visible to the caller'),
  },
});

const presentBaseChange = (change: BaseChangeRow, unmasked: boolean) => ({
  id: change.id,
  citizenId: unmasked ? change.citizenId : maskCitizenId(change.citizenId),
  employerCreditCode: change.employerCreditCode,
  insuranceTypes: change.insuranceTypes,
  fromMonth: change.fromMonth,
  oldBase: change.oldBase,
  newBase: change.newBase,
  status: change.status,
  requestedBy: change.requestedBy,
  decidedBy: change.decidedBy,
});

/** The person's record: insurance history, contact changes, contribution base changes. */
export const personRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(historyRoute, async (c) => {
      const { unmasked, ...history } = await readInsuranceHistory(c.var.ctx, c.req.valid('param').citizenId);
      return c.json({ ...history, citizenId: unmasked ? history.citizenId : maskCitizenId(history.citizenId) }, 200);
    })
    .openapi(changeRoute, async (c) => c.json(await changePerson(c.var.ctx, c.req.valid('param').citizenId, c.req.valid('json')), 200))
    .openapi(identityCorrectionRoute, async (c) => c.json(await correctBirthDate(c.var.ctx, c.req.valid('param').citizenId, c.req.valid('json')), 201))
    .openapi(identityCorrectionsRoute, async (c) => c.json(await readIdentityCorrections(c.var.ctx, c.req.valid('param').citizenId), 200))
    .openapi(baseChangeRoute, async (c) =>
      c.json(presentBaseChange(await requestBaseChange(c.var.ctx, c.req.valid('param').citizenId, c.req.valid('json')), true), 201),
    )
    .openapi(decisionRoute, async (c) => c.json(presentBaseChange(await decideBaseDrop(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), true), 200));
