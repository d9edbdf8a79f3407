import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { type AttachmentStore, MAX_ATTACHMENT_BYTES } from '../../services/adapters/attachment-store.js';
import { readAttachment } from '../../services/attachments/read-attachment.js';
import { uploadAttachment } from '../../services/attachments/upload-attachment.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';

// Routes parse, call the command in services/attachments, and present.

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
    200: {
      // The stored file's own type: uploads are sniffed as PDF, JPEG or PNG (POST /v1/attachments).
      content: {
        'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
        'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) },
        'image/png': { schema: z.string().openapi({ format: 'binary' }) },
        'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
      },
      description: 'The file',
    },
    404: problemResponse('Unknown, or not visible to the caller'),
  },
});

export const attachmentRoutes = (store: AttachmentStore) => {
  const app = new OpenAPIHono<AppEnv>().openapi(uploadRoute, async (c) => c.json(await uploadAttachment(c.var.ctx, store, c.req.valid('form').file), 201));

  // Registered by hand: the answer is the file's bytes, which a typed openapi() handler cannot return.
  app.openAPIRegistry.registerPath(downloadRoute);
  app.get('/attachments/:attachmentId', async (c) => {
    const file = await readAttachment(c.var.ctx, store, c.req.param('attachmentId'));
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': file.mediaType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
      'X-Content-SHA256': file.sha256,
    });
  });
  return app;
};
