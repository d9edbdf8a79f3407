import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AuditAnchorStore } from '../../services/adapters/audit-anchor-store.js';
import { verifyVisibleAuditChains } from '../../services/audit/verify-audit-chains.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';

const BrokenLinkOut = z
  .object({
    entryId: z.number().int().openapi({ description: 'The audit entry where the chain first fails' }),
    chainSeq: z.number().int().min(1),
    at: z.string().openapi({ format: 'date-time' }),
    reason: z.enum(['hash', 'link', 'gap', 'anchor', 'cut']).openapi({
      description:
        'hash: the row’s content was changed; link: it does not point at the entry before it; gap: entries are missing before it; ' +
        'anchor, cut (only where the verifier has the anchors kept outside the database: `npm run audit:verify`, and this route when the API is given AUDIT_ANCHOR_FILE): the anchored entry hashes differently, the chain ends before an anchored entry',
    }),
    explanation: z.string(),
  })
  .openapi('AuditBrokenLink');

const ChainVerdictOut = z
  .object({
    chain: z.string().openapi({ description: 'The region code of the chain (`*`: entries about no region)' }),
    checked: z.number().int().min(0).openapi({ description: 'Entries verified before the first broken link (all of them when intact)' }),
    intact: z.boolean(),
    lastGoodSeq: z.number().int().min(0),
    firstBroken: BrokenLinkOut.nullable(),
  })
  .openapi('AuditChainVerdict');

const verifyRoute = createRoute({
  method: 'get',
  path: '/audit-entries/verification',
  tags: ['Audit'],
  summary: 'Verify the hash chain of the audit log of every region the caller may audit; points at the first broken link',
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z
            .object({
              verifiedAt: z.string(),
              anchored: z.boolean().openapi({ description: 'Whether the anchors kept outside the database were checked too (AUDIT_ANCHOR_FILE)' }),
              chains: z.array(ChainVerdictOut),
            })
            .openapi('AuditChainVerification'),
        },
      },
      description: 'One verdict per chain (empty for a caller who may read no audit log)',
    },
    401: problemResponse('No or bad token'),
    429: problemResponse('Too many requests (code RATE_LIMITED; see Retry-After)'),
  },
});

/** GET /v1/audit-entries/verification (经办条例 arts. 36–38; docs/operations.md "Audit chain"). */
export const auditChainRoutes = (anchors?: AuditAnchorStore) =>
  new OpenAPIHono<AppEnv>().openapi(verifyRoute, async (c) => c.json(await verifyVisibleAuditChains(c.var.ctx, anchors), 200));
