// The answers every route can give because of the layers in front of it, declared once for all routes when the
// OpenAPI document is built (docs/api.md, "How a route declares its answers"). A route declares only what its own
// command can answer (403, 404, 409, 422, …); what authentication, validation, the body limit, the media-type check
// and the rate limit answer is added here, so a route added by anyone is described completely without repeating it.
import type { OpenAPIHono } from '@hono/zod-openapi';

/** The document @hono/zod-openapi builds (OpenAPI 3.1). */
export type OpenAPIDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

type Operation = {
  security?: unknown[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
};

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

const header = (description: string, schema: Record<string, unknown> = { type: 'string' }) => ({ description, schema });

/** One problem+json answer, with the headers the client is told to look at. */
function problemAnswer(description: string, headers?: Record<string, unknown>) {
  return { description, content: problemContent, ...(headers === undefined ? {} : { headers }) };
}

/** The statuses the shared layers give, and when each applies to an operation. */
const COMMON: readonly { status: string; applies: (op: Operation, secured: boolean, method: string) => boolean; answer: () => unknown }[] = [
  {
    status: '400',
    applies: (op) => (op.parameters?.length ?? 0) > 0 || op.requestBody !== undefined,
    answer: () => problemAnswer('The input does not match the schema; `errors[].path` names each field (VALIDATION_FAILED, MALFORMED_JSON)'),
  },
  {
    status: '401',
    applies: (_op, secured) => secured,
    answer: () =>
      problemAnswer('No token, or a bad or expired one (UNAUTHENTICATED)', {
        'WWW-Authenticate': header('The Bearer challenge, with the error'),
      }),
  },
  {
    status: '413',
    applies: (op) => op.requestBody !== undefined,
    answer: () => problemAnswer('The body is larger than the route accepts (PAYLOAD_TOO_LARGE)'),
  },
  {
    status: '415',
    applies: (op) => op.requestBody !== undefined,
    answer: () => problemAnswer('The body is not of a media type the route declares (UNSUPPORTED_MEDIA_TYPE)'),
  },
  {
    // A write may reach a case whose worker is restarting (services/temporal/temporal-case-workflows.ts).
    status: '503',
    applies: (_op, secured, method) => secured && method !== 'get' && method !== 'head',
    answer: () =>
      problemAnswer('The case cannot take the request right now; send the same request again, it is applied once (CASE_UNAVAILABLE)', {
        'Retry-After': header('Seconds to wait before trying again', { type: 'integer', minimum: 0 }),
      }),
  },
  {
    status: '429',
    applies: (_op, secured) => secured,
    answer: () =>
      problemAnswer('Too many requests from this caller (RATE_LIMITED)', {
        'Retry-After': header('Seconds to wait before trying again', { type: 'integer', minimum: 0 }),
      }),
  },
];

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * Adds the common answers to every operation of `doc` that does not declare that status itself (a route's own
 * description wins). An operation is secured unless it says `security: []`, as the document's default is bearerAuth.
 * Returns the same document, changed in place.
 */
export function declareCommonAnswers(doc: OpenAPIDocument): OpenAPIDocument {
  const documentSecured = (doc.security?.length ?? 0) > 0;
  for (const item of Object.values(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (op === undefined) continue;
      const secured = op.security === undefined ? documentSecured : op.security.length > 0;
      op.responses ??= {};
      for (const { status, applies, answer } of COMMON) {
        if (applies(op, secured, method) && op.responses[status] === undefined) op.responses[status] = answer();
      }
    }
  }
  return doc;
}
