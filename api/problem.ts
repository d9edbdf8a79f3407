// RFC 9457 problem+json: the one shape every error leaves the API in (docs/api.md, Errors).
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { maskCitizenId } from '../domain/identity/masking.js';

export const FieldIssue = z
  .object({
    path: z.string().openapi({ example: 'person.citizenId' }),
    message: z.string(),
  })
  .openapi('FieldIssue');

export type FieldIssue = z.infer<typeof FieldIssue>;

export const Problem = z
  .object({
    type: z.string().openapi({ example: 'about:blank' }),
    title: z.string().openapi({ example: 'Bad Request' }),
    status: z.number().int().openapi({ example: 400 }),
    detail: z.string(),
    instance: z.string().openapi({ example: '/v1/enrollments' }),
    code: z.string().openapi({ example: 'VALIDATION_FAILED' }),
    errors: z.array(FieldIssue).optional(),
  })
  .openapi('Problem');

export type Problem = z.infer<typeof Problem>;

/** For `responses:` in createRoute: `409: problemResponse('Task already decided')`. */
export const problemResponse = (description: string) => ({
  content: { 'application/problem+json': { schema: Problem } },
  description,
});

const TITLES: Partial<Record<ContentfulStatusCode, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** RFC 9457 allows extension members; `errors` is the one every client relies on. */
export type ProblemExtras = { errors?: FieldIssue[] } & Record<string, unknown>;

/**
 * Answers with `application/problem+json`. `instance` is the request path without the query string, so a
 * search term never travels back into logs or caches through an error body, and with ID numbers in it masked
 * (`/v1/persons/330102********2256`): a refusal never repeats a person's number (issue 15 point 4).
 */
export function problem(c: Context, status: ContentfulStatusCode, code: string, detail: string, extra: ProblemExtras = {}): Response {
  const { errors, ...extensions } = extra;
  const body = {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    instance: maskIdsInPath(c.req.path),
    code,
    ...extensions,
    ...(errors === undefined ? {} : { errors }),
  };
  return c.json(body, status, { 'Content-Type': 'application/problem+json' });
}

// An 18-character resident ID as a path segment (or part of one).
const ID_IN_PATH = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const maskIdsInPath = (path: string): string => path.replace(ID_IN_PATH, (id) => maskCitizenId(id));
