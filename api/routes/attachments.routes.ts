import { randomUUID } from 'node:crypto';
import { subject } from '@casl/ability';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { ATTACHMENT_TYPES, type AttachmentStore, MAX_ATTACHMENT_BYTES, sniffMediaType } from '../../services/adapters/attachment-store.js';
import { caseSubjectOf, findCase } from '../../db/queries/case.query.js';
import { findAttachments } from '../../db/queries/petition.query.js';
import { appendAudit } from '../../db/writers/case-log.js';
import { DomainError } from '../../domain/errors.js';
import type { AppEnv } from '../env.js';
import { ValidationError } from '../errors.js';
import { problemResponse } from '../problem.js';

const allowed = Object.keys(ATTACHMENT_TYPES);

const UploadForm = z.object({
  file: z
    .custom<File>((value) => value instanceof File, { error: 'must be a file part named "file"' })
    .openapi({ type: 'string', format: 'binary', description: `PDF, JPEG or PNG, at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB` }),
});

const uploadRoute = createRoute({
  method: 'post',
  path: '/attachments',
  tags: ['Petitions 信访'],
  summary: 'Upload a document or photo to attach to a petition (multipart/form-data, field "file")',
  request: { body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
  responses: {
    201: {
      content: {
        'application/json': {
          schema: z.object({ attachmentId: z.uuid(), sha256: z.string(), size: z.number().int(), mediaType: z.string() }).openapi('AttachmentStored'),
        },
      },
      description: 'Stored under its sha256',
    },
    400: problemResponse('No file, an empty or oversized file, or content that is not PDF, JPEG or PNG'),
    401: problemResponse('No or bad token'),
  },
});

const downloadRoute = createRoute({
  method: 'get',
  path: '/attachments/{attachmentId}',
  tags: ['Petitions 信访'],
  summary: 'Download an attachment: the uploader, or staff who may read the case it is filed with',
  request: { params: z.object({ attachmentId: z.uuid() }) },
  responses: {
    200: { content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'The file' },
    404: problemResponse('Unknown, or not visible to the caller'),
  },
});

export const attachmentRoutes = (store: AttachmentStore, clock: () => Date) => {
  const app = new OpenAPIHono<AppEnv>().openapi(uploadRoute, async (c) => {
    const { em, actor } = c.var;
    const { file } = c.req.valid('form');
    if (file.size === 0) throw new ValidationError([{ path: 'file', message: 'is empty' }]);
    if (file.size > MAX_ATTACHMENT_BYTES) throw new ValidationError([{ path: 'file', message: `is larger than ${MAX_ATTACHMENT_BYTES} bytes` }]);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const mediaType = sniffMediaType(bytes);
    // The content decides; a declared type that names an allowed type must also match it (a renamed file is refused).
    const declared = file.type.toLowerCase();
    if (mediaType === null || (allowed.includes(declared) && declared !== mediaType)) {
      throw new ValidationError([{ path: 'file', message: `must be a PDF, JPEG or PNG file (its content is checked, not its name)` }]);
    }
    const stored = await store.put(bytes);
    const id = randomUUID();
    const now = clock();
    await em.transactional(async (tx) => {
      await tx.execute(
        `insert into attachment (id, owner_id, sha256, size, media_type, original_name, case_id, created_at) values (?, ?, ?, ?, ?, ?, null, ?)`,
        [id, actor.id, stored.sha256, stored.size, mediaType, file.name.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || 'attachment', now],
      );
      await appendAudit(tx, {
        at: now,
        actorId: actor.id,
        actorRole: actor.role,
        region: actor.region ?? null,
        action: 'attachment.uploaded',
        objectType: 'Attachment',
        objectId: id,
        requestId: c.get('requestId'),
        detail: { sha256: stored.sha256, size: stored.size, mediaType },
      });
    });
    return c.json({ attachmentId: id, sha256: stored.sha256, size: stored.size, mediaType }, 201);
  });

  // Registered by hand: the answer is the file's bytes, which a typed openapi() handler cannot return.
  app.openAPIRegistry.registerPath(downloadRoute);
  app.get('/attachments/:attachmentId', async (c) => {
    const { em, actor, ability } = c.var;
    const id = c.req.param('attachmentId');
    const [attachment] = /^[0-9a-f-]{36}$/i.test(id) ? await findAttachments(em, [id]) : [];
    let visible = attachment !== undefined && attachment.ownerId === actor.id;
    if (attachment && !visible && attachment.caseId) {
      const row = await findCase(em, attachment.caseId);
      // Staff see it with the case; the accused never (the case is not readable to them, abilities.ts).
      visible = row !== null && actor.role !== 'citizen' && ability.can('read', subject('Case', caseSubjectOf(row)));
    }
    if (!attachment || !visible) throw new DomainError('ATTACHMENT_NOT_FOUND', `No attachment ${id}`);
    const bytes = await store.get(attachment.sha256);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': attachment.mediaType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.originalName)}`,
      'X-Content-SHA256': attachment.sha256,
    });
  });
  return app;
};
