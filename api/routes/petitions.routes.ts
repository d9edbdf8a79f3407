import { createHash } from 'node:crypto';
import { ForbiddenError, subject } from '@casl/ability';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { Region } from '../../db/entities/index.js';
import { loadCalendarYears } from '../../db/queries/calendar.query.js';
import { caseTimeline, findCase, type CaseRow } from '../../db/queries/case.query.js';
import { findAttachments, findPetition, petitionerDocuments } from '../../db/queries/petition.query.js';
import { businessKeyOf, caseIdFor, registerCase } from '../../db/writers/case-intake.js';
import { daysBetween, shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { REFERENCE_PATTERN } from '../../domain/case/case-type.js';
import { DomainError } from '../../domain/errors.js';
import { assertReviewWindowOpen } from '../../domain/petition/petition-clocks.js';
import { DEFAULT_PETITION_POLICY } from '../../domain/petition/petition-policy.js';
import { normalisedMatter, PETITION_CHANNELS, type PetitionSubmission } from '../../domain/petition/petition-submission.js';
import { explainRefusal } from '../../policies/abilities.js';
import type { AppEnv } from '../env.js';
import { ValidationError } from '../errors.js';
import type { CaseWorkflows } from '../../services/workflow-port.js';
import { problemResponse } from '../problem.js';
import { CaseAccepted, Deadline } from '../schemas/case.schemas.js';
import { CitizenIdField, RegionCode } from '../schemas/common.js';

const Text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max);
const policy = DEFAULT_PETITION_POLICY;

const PetitionBody = z
  .object({
    channel: z.enum(PETITION_CHANNELS, { error: `must be one of ${PETITION_CHANNELS.join(', ')}` }),
    region: RegionCode,
    request: Text(2_000),
    facts: Text(10_000),
    reasons: Text(5_000),
    concerns: z.object({ caseReference: z.string().regex(REFERENCE_PATTERN, { error: 'must be a case reference such as EN2026000123' }).optional() }).optional(),
    anonymous: z.boolean().optional(),
    sensitive: z.boolean().optional().openapi({ description: 'Visible to reviewers and supervisors only' }),
    representatives: z
      .array(z.object({ name: Text(50), citizenId: CitizenIdField }))
      .max(policy.maxRepresentatives, { error: `a group petition names at most ${policy.maxRepresentatives} representatives (信访工作条例 art. 20)` })
      .optional(),
    attachmentIds: z.array(z.uuid({ error: 'must be an attachment ID from POST /v1/attachments' })).max(20).optional(),
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

const accepted = (row: CaseRow, status: string) => ({ caseId: row.caseId, reference: row.reference, status, links: { self: `/v1/petitions/${row.reference}` } });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The caller's own petition by reference or ID; anything else — unknown, someone else's, not a petition — is 404. */
async function ownPetition(c: { var: AppEnv['Variables'] }, idOrReference: string) {
  const { em, actor } = c.var;
  const row = await findCase(em, idOrReference);
  const petition = row && row.type === 'petition' ? await findPetition(em, row.caseId) : null;
  if (!row || !petition || actor.role !== 'citizen' || petition.petitionerId !== actor.id) {
    throw new DomainError('CASE_NOT_FOUND', `No petition ${idOrReference}`);
  }
  return { row, petition };
}

export const petitionRoutes = (cases: CaseWorkflows, clock: () => Date) =>
  new OpenAPIHono<AppEnv>()
    .openapi(submitRoute, async (c) => {
      const { em, ability, actor } = c.var;
      const body = c.req.valid('json');
      const filing = { petitionerId: actor.id, region: body.region };
      if (ability.cannot('create', subject('Petition', filing))) {
        throw new ForbiddenError(ability).setMessage(explainRefusal(ability, actor, 'create', 'Petition', filing));
      }
      if (!(await em.findOne(Region, { code: body.region }))) {
        throw new DomainError('REGION_NOT_FOUND', `region ${body.region} is not served by this system`, { path: 'region' });
      }
      // One case per submission: the client's idempotency key, or else the submission itself.
      const submissionKey = c.req.valid('header')['idempotency-key'] ?? sha256(JSON.stringify(body));
      const businessKey = businessKeyOf('petition', actor.id, submissionKey);
      const { caseId, existing } = await caseIdFor(em, 'petition', businessKey, new Set());
      const attachmentIds = [...new Set(body.attachmentIds ?? [])];
      const attachments = await findAttachments(em, attachmentIds);
      // Yours, and not filed with another petition (a repeated submission finds them filed with its own case).
      const foreign = attachmentIds.filter((id) => !attachments.some((a) => a.id === id && a.ownerId === actor.id && (a.caseId === null || a.caseId === caseId)));
      if (foreign.length > 0) {
        throw new ValidationError([{ path: 'attachmentIds', message: `${foreign.join(', ')}: not an unfiled attachment you uploaded` }]);
      }
      const submission: PetitionSubmission = {
        channel: body.channel,
        region: body.region,
        request: body.request,
        facts: body.facts,
        reasons: body.reasons,
        concerns: { caseReference: body.concerns?.caseReference ?? null },
        anonymous: body.anonymous ?? false,
        representatives: body.representatives ?? [],
        attachmentIds,
        accusedStaff: body.whistleblowing?.accusedStaff ?? [],
      };
      const matterKey = sha256(normalisedMatter(submission));
      const now = clock();
      const sensitive = (body.sensitive ?? false) || submission.accusedStaff.length > 0;
      const row =
        existing ??
        (await em.transactional(async (tx) => {
          const registered = await registerCase(tx, caseId, {
            type: 'petition',
            businessKey,
            region: body.region,
            // Anonymous to staff: no ID number or name on the case; the petition row keeps who may read it.
            citizenId: submission.anonymous ? null : actor.id,
            employerCreditCode: null,
            applicantId: submission.anonymous ? `anon-${sha256(actor.id + caseId).slice(0, 16)}` : actor.id,
            applicantRole: actor.role,
            subjectName: submission.anonymous ? null : (actor.name ?? null),
            sensitive,
            accusedStaff: submission.accusedStaff,
            summary: { channel: submission.channel },
            requestId: c.get('requestId'),
            now,
          });
          await tx.execute(
            `insert into petition (case_id, petitioner_id, matter_key, channel, anonymous, representatives, attachment_ids, concerns_case_reference, created_at)
             values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing`,
            [caseId, actor.id, matterKey, submission.channel, submission.anonymous, JSON.stringify(submission.representatives), JSON.stringify(attachmentIds), submission.concerns.caseReference, now],
          );
          if (attachmentIds.length > 0) {
            await tx.execute(`update attachment set case_id = ? where id in (${attachmentIds.map(() => '?').join(', ')}) and case_id is null`, [caseId, ...attachmentIds]);
          }
          return registered;
        }));
      if (row.closedAt === null) {
        await cases.startPetition({
          caseId: row.caseId,
          reference: row.reference,
          petition: submission,
          petitionerId: actor.id,
          matterKey,
          sensitive,
          receivedOn: shanghaiDateOf(new Date(row.openedAt).getTime()),
          policy,
        });
      }
      return c.json(accepted(row, row.status), 202);
    })
    .openapi(viewRoute, async (c) => {
      const { em } = c.var;
      const { row, petition } = await ownPetition(c, c.req.valid('param').reference);
      const today = shanghaiDateOf(clock().getTime());
      const [timeline, documents] = await Promise.all([caseTimeline(em, row.caseId), petitionerDocuments(em, row.caseId, petition.petitionerId)]);
      return c.json(
        {
          reference: row.reference,
          caseId: row.caseId,
          status: row.status,
          // Task lines carry staff names and internal comments: the petitioner sees the case's own steps only.
          timeline: timeline
            .filter((line) => !line.action.startsWith('task.'))
            .map((line) => ({ at: line.at, action: line.action, detail: line.action.startsWith('status.') ? {} : line.detail })),
          deadlines: row.deadlines.map((d) => ({ ...d, remainingDays: daysBetween(today, d.dueDate) })),
          documents,
          allowedActions: row.allowedEvents.flatMap((event) => ({ REQUEST_REVIEW: ['requestReview'], REQUEST_REREVIEW: ['requestRereview'], RATE: ['rate'] })[event] ?? []),
        },
        200,
      );
    })
    .openapi(reviewRoute, async (c) => {
      const { em, actor } = c.var;
      const { row } = await ownPetition(c, c.req.valid('param').reference);
      const { stage } = c.req.valid('json');
      const answered = (row.summary[stage === 'review' ? 'opinion' : 'review'] ?? null) as { issuedOn: string } | null;
      if (answered) {
        // Refused with the last day named, even once the case has concluded because the window ran out (arts. 35, 36).
        assertReviewWindowOpen(await loadCalendarYears(em), policy, stage, answered.issuedOn, shanghaiDateOf(clock().getTime()));
      }
      const view = await cases.requestPetitionReview(row.caseId, stage, actor.id);
      return c.json(accepted(row, view.status), 200);
    })
    .openapi(rateRoute, async (c) => {
      const { row } = await ownPetition(c, c.req.valid('param').reference);
      const { score, comment } = c.req.valid('json');
      const view = await cases.ratePetition(row.caseId, { score, comment: comment ?? '' }, c.var.actor.id);
      return c.json(accepted(row, view.status), 200);
    });
