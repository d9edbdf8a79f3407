import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { verifyCertificate } from '../../services/records/verify-certificate.js';
import { problemResponse } from '../problem.js';
import type { PublicEnv } from '../public-env.js';

const checkRoute = createRoute({
  method: 'get',
  path: '/certificates/{code}',
  tags: ['Public service 公共服务'],
  summary: 'Check a 参保证明 by its verification code (no sign-in): valid or not, and the masked name only',
  security: [],
  request: {
    params: z.object({
      code: z
        .string()
        .max(40, { error: 'at most 40 characters' })
        .openapi({ param: { name: 'code', in: 'path' }, example: '7K2M-QX4P-9T3B-H8RW' }),
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({ valid: z.boolean(), maskedName: z.string().nullable().openapi({ example: '张*' }) }).openapi('CertificateCheck'),
        },
      },
      description: 'Valid with the masked name, or invalid (unknown and malformed codes answer alike)',
    },
    400: problemResponse('A code longer than 40 characters'),
    429: problemResponse('Too many checks from this address'),
  },
});

/** GET /v1/certificates/{code}: public and rate-limited (api/routes/v1.ts mountPublicV1). */
export const certificateCheckRoutes = () =>
  new OpenAPIHono<PublicEnv>().openapi(checkRoute, async (c) => c.json(await verifyCertificate(c.var.em, c.req.valid('param').code), 200));
