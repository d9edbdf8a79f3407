// The defaultHook every OpenAPIHono in this API is built with: one validation format for body, query and params.
import type { z } from '@hono/zod-openapi';
import { ValidationError } from './errors.js';

/** Where a root-level issue (the whole body, the whole query) is reported, since its own path is empty. */
const targetNames: Record<string, string> = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'params',
  header: 'headers',
};

type HookResult = { target: string } & ({ success: true } | { success: false; error: z.ZodError });

/**
 * Throws ValidationError instead of answering, so onError renders it as problem+json 400 with
 * `errors: [{ path: 'person.citizenId', message }]` — paths are the issue path joined by '.'.
 */
export const defaultHook = (result: HookResult): void => {
  if (result.success) return;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.length === 0 ? (targetNames[result.target] ?? result.target) : issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw new ValidationError(issues);
};
