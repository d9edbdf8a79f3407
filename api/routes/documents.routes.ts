import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { invalidInput } from '../../domain/errors.js';
import { readCaseDocument, readCaseDocuments } from '../../services/documents/read-documents.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';

const TAGS = ['Public service 公共服务'];

const CaseIdField = z.string().min(1).max(64).openapi({ description: 'Case ID or reference (EN2026000123)' });

const DocumentOut = z
  .object({
    documentId: z.string(),
    noticeId: z.string().openapi({ description: 'The notice of the outbox this letter is (GET /v1/notices)' }),
    caseId: z.string(),
    kind: z.string().openapi({ description: 'The notice kind: order_to_pay, fine_decision, petition_accepted, benefit_granted, …' }),
    title: z.string().openapi({ example: '社会保险费限期缴纳通知书' }),
    issuedOn: z.string().openapi({ description: 'The day the notice was written (Asia/Shanghai)' }),
    sha256: z.string().openapi({ description: 'SHA-256 of the PDF, to check a copy against the original' }),
    byteSize: z.number().int(),
    href: z.string().openapi({ description: 'Where the PDF is downloaded' }),
  })
  .openapi('OfficialDocument');

const listRoute = createRoute({
  method: 'get',
  path: '/cases/{caseId}/documents',
  tags: TAGS,
  summary: 'Official documents (正式文书) of a case as PDFs: the recipient’s own letters, or all for staff who may read the case',
  request: { params: z.object({ caseId: CaseIdField }) },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ items: z.array(DocumentOut) }) } }, description: 'The documents, oldest first' },
    400: problemResponse('Bad case ID'),
    401: problemResponse('No or bad token'),
    404: problemResponse('No such case, or not visible to the caller'),
  },
});

const downloadRoute = createRoute({
  method: 'get',
  path: '/cases/{caseId}/documents/{documentId}',
  tags: TAGS,
  summary: 'One official document as a PDF (CJK font embedded)',
  request: { params: z.object({ caseId: CaseIdField, documentId: z.string().uuid() }) },
  responses: {
    200: {
      content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
      description: 'The PDF; header X-Content-SHA256',
    },
    400: problemResponse('Bad case or document ID'),
    401: problemResponse('No or bad token'),
    404: problemResponse('No such case or document, or not visible to the caller'),
  },
});

export const documentRoutes = () => {
  const app = new OpenAPIHono<AppEnv>().openapi(listRoute, async (c) => {
    const { caseId } = c.req.valid('param');
    const items = await readCaseDocuments(c.var.ctx, caseId);
    return c.json(
      {
        items: items.map((d) => ({
          documentId: d.id,
          noticeId: d.noticeId,
          caseId: d.caseId,
          kind: d.kind,
          title: d.title,
          issuedOn: d.issuedOn,
          sha256: d.sha256,
          byteSize: d.byteSize,
          href: `/v1/cases/${encodeURIComponent(d.caseId)}/documents/${d.id}`,
        })),
      },
      200,
    );
  });
  // Registered by hand: the answer is the PDF's bytes, which a typed openapi() handler cannot return.
  app.openAPIRegistry.registerPath(downloadRoute);
  app.get('/cases/:caseId/documents/:documentId', async (c) => {
    const parsed = downloadRoute.request.params.safeParse(c.req.param());
    if (!parsed.success) throw invalidInput(parsed.error.issues.map((issue) => ({ path: String(issue.path[0] ?? 'documentId'), message: issue.message })));
    const document = await readCaseDocument(c.var.ctx, parsed.data.caseId, parsed.data.documentId);
    return c.body(new Uint8Array(document.content), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="document-${document.id}.pdf"`,
      'X-Content-SHA256': document.sha256,
    });
  });
  return app;
};
