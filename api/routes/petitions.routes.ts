import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { REFERENCE_PATTERN } from '../../domain/case/case-type.js';
import { DEFAULT_PETITION_POLICY } from '../../domain/petition/petition-policy.js';
import { PETITION_CHANNELS } from '../../domain/petition/petition-submission.js';
import { filePetition } from '../../services/petitions/file-petition.js';
import { ratePetition } from '../../services/petitions/rate-petition.js';
import { readPetition } from '../../services/petitions/read-petition.js';
import { recordPetitionDelivery } from '../../services/petitions/record-petition-delivery.js';
import { requestPetitionReview } from '../../services/petitions/request-petition-review.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';
import { CaseAccepted, Deadline } from '../schemas/case.schemas.js';
import { CitizenIdField, IsoDate, RegionCode } from '../schemas/common.js';

// Routes parse, call the command in services/petitions, and present; every rule lives in the command or below it.

const Text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max);
const policy = DEFAULT_PETITION_POLICY;

const PetitionBody = z
  .object({
    channel: z
      .enum(PETITION_CHANNELS, { error: `must be one of ${PETITION_CHANNELS.join(', ')}` })
      .openapi({ description: '信访工作条例 art. 17: online, letter, fax, visit or phone; all but online are answered by letter' }),
    region: RegionCode,
    request: Text(2_000),
    facts: Text(10_000),
    reasons: Text(5_000),
    concerns: z
      .object({ caseReference: z.string().regex(REFERENCE_PATTERN, { error: 'must be a case reference such as EN2026000123' }).optional() })
      .optional(),
    anonymous: z.boolean().optional(),
    sensitive: z.boolean().optional().openapi({ description: 'Visible to reviewers and supervisors only' }),
    representatives: z
      .array(z.object({ name: Text(50), citizenId: CitizenIdField }))
      .max(policy.maxRepresentatives, { error: `a group petition names at most ${policy.maxRepresentatives} representatives (信访工作条例 art. 20)` })
      .optional(),
    attachmentIds: z
      .array(z.uuid({ error: 'must be an attachment ID from POST /v1/attachments' }))
      .max(20)
      .optional(),
    whistleblowing: z
      .object({ accusedStaff: z.array(z.string().trim().min(1).max(64)).min(1).max(20) })
      .optional()
      .openapi({ description: 'Reporting staff members: the petition is never shown to them' }),
  })
  .openapi('PetitionRequest');

const RefParams = z.object({ reference: z.string().min(1).max(64).openapi({ description: 'Reference (XF2026000001) or case ID' }) });

const PetitionView = z
  .object({
    reference: z.string(),
    caseId: z.string(),
    status: z.string(),
    timeline: z.array(z.object({ at: z.string(), action: z.string(), detail: z.record(z.string(), z.unknown()) })),
    deadlines: z.array(Deadline),
    documents: z.array(z.object({ kind: z.string(), sentAt: z.string(), content: z.record(z.string(), z.unknown()) })),
    deliveredOn: z.string().nullable().openapi({ description: 'The day the latest written opinion reached you; the review window counts from it' }),
    allowedActions: z.array(z.string()),
  })
  .openapi('PetitionView');

const submitRoute = createRoute({
  method: 'post',
  path: '/petitions',
  tags: ['Petitions 信访'],
  summary: 'Submit a petition (citizen); the same submission again (Idempotency-Key or identical body) returns the same case',
  request: {
    headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }),
    body: { required: true, content: { 'application/json': { schema: PetitionBody } } },
  },
  responses: {
    202: { content: { 'application/json': { schema: CaseAccepted } }, description: 'Registered (or the existing case)' },
    400: problemResponse('Invalid input, naming the field (e.g. six representatives, an empty request, a foreign attachment)'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Only a citizen petitions, in their own name'),
    404: problemResponse('Unknown region'),
  },
});

const viewRoute = createRoute({
  method: 'get',
  path: '/petitions/{reference}',
  tags: ['Petitions 信访'],
  summary: "The petitioner's view: status, timeline, each statutory deadline with the days left, the documents sent",
  request: { params: RefParams },
  responses: {
    200: { content: { 'application/json': { schema: PetitionView } }, description: 'Your petition' },
    404: problemResponse('Unknown, or not your petition'),
  },
});

const reviewRoute = createRoute({
  method: 'post',
  path: '/petitions/{reference}/review-requests',
  tags: ['Petitions 信访'],
  summary: 'Ask for review (复查, within 30 days of the reply) or re-review (复核, within 30 days of the review opinion)',
  request: {
    params: RefParams,
    body: { required: true, content: { 'application/json': { schema: z.object({ stage: z.enum(['review', 'rereview']) }) } } },
  },
  responses: {
    200: { content: { 'application/json': { schema: CaseAccepted } }, description: 'Requested; the body one level up decides' },
    404: problemResponse('Unknown, or not your petition'),
    409: problemResponse('Nothing to review now'),
    422: problemResponse('REVIEW_WINDOW_CLOSED: too late, naming the last day'),
  },
});

const rateRoute = createRoute({
  method: 'post',
  path: '/petitions/{reference}/rating',
  tags: ['Petitions 信访'],
  summary: 'Rate the reply, 1 (poor) to 5 (good)',
  request: {
    params: RefParams,
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ score: z.number().int().min(1).max(5), comment: z.string().trim().max(500).optional() }) } },
    },
  },
  responses: {
    200: { content: { 'application/json': { schema: CaseAccepted } }, description: 'Recorded' },
    404: problemResponse('Unknown, or not your petition'),
    409: problemResponse('No reply yet, or already rated'),
  },
});

const DeliveryBody = z
  .object({
    document: z.enum(['opinion', 'review'], { error: 'must be opinion (the reply) or review (the review opinion)' }),
    receivedOn: IsoDate.openapi({ description: 'The day on the delivery receipt (送达回证), from the issue day to today' }),
  })
  .openapi('PetitionDelivery');

const deliveryRoute = createRoute({
  method: 'post',
  path: '/petitions/{reference}/deliveries',
  tags: ['Petitions 信访'],
  summary: 'Staff: record the day the petitioner received a written opinion sent by letter; the review window runs from it',
  request: { params: RefParams, body: { required: true, content: { 'application/json': { schema: DeliveryBody } } } },
  responses: {
    200: {
      content: { 'application/json': { schema: CaseAccepted.extend({ deadlines: z.array(Deadline) }).openapi('PetitionDeliveryRecorded') } },
      description: 'Recorded; the deadlines now count the review window from the day of delivery',
    },
    400: problemResponse('A date that is not YYYY-MM-DD, before the opinion was issued, or after today (`receivedOn`)'),
    403: problemResponse('Not staff of a region deciding on the petition (caseworker and up)'),
    404: problemResponse('Unknown, or not visible to the caller'),
    409: problemResponse('Nothing awaits a delivery record (none issued yet, already recorded, or received online)'),
  },
});

const accepted = (row: { caseId: string; reference: string }, status: string) => ({
  caseId: row.caseId,
  reference: row.reference,
  status,
  links: { self: `/v1/petitions/${row.reference}` },
});

export const petitionRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(submitRoute, async (c) => {
      const row = await filePetition(c.var.ctx, c.req.valid('json'), c.req.valid('header')['idempotency-key']);
      return c.json(accepted(row, row.status), 202);
    })
    .openapi(viewRoute, async (c) => c.json(await readPetition(c.var.ctx, c.req.valid('param').reference), 200))
    .openapi(reviewRoute, async (c) => {
      const { row, status } = await requestPetitionReview(c.var.ctx, c.req.valid('param').reference, c.req.valid('json').stage);
      return c.json(accepted(row, status), 200);
    })
    .openapi(rateRoute, async (c) => {
      const { row, status } = await ratePetition(c.var.ctx, c.req.valid('param').reference, c.req.valid('json'));
      return c.json(accepted(row, status), 200);
    })
    .openapi(deliveryRoute, async (c) => {
      const row = await recordPetitionDelivery(c.var.ctx, c.req.valid('param').reference, c.req.valid('json'));
      return c.json({ ...accepted(row, row.status), links: { self: `/v1/cases/${row.reference}` }, deadlines: row.deadlines }, 200);
    });
