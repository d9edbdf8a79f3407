// The defaultHook every OpenAPIHono in this API is built with: one validation format for body, query and params.
import type { z } from '@hono/zod-openapi';
import { ValidationError } from './errors.js';
import type { FieldIssue } from './problem.js';

/** Where a root-level issue (the whole body, the whole query) is reported, since its own path is empty. */
const targetNames: Record<string, string> = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'params',
  header: 'headers',
};

type HookResult = { target: string } & ({ success: true; data?: unknown } | { success: false; error: z.ZodError });

const NUL_MESSAGE = 'must not contain the character U+0000, which no stored text can hold';

/**
 * Paths of every string in the parsed input holding U+0000. PostgreSQL text and jsonb refuse that character,
 * so a schema-valid string carrying it would otherwise fail at the write as a 500; checking here keeps the rule
 * in one place for every route instead of in every schema.
 */
function nulPaths(value: unknown, path: string[] = [], found: string[][] = []): string[][] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => nulPaths(item, [...path, String(index)], found));
  } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) found.push([...path, key]);
      nulPaths(item, [...path, key], found);
    }
  }
  return found;
}

const pathText = (path: readonly PropertyKey[], target: string) => (path.length === 0 ? (targetNames[target] ?? target) : path.map(String).join('.'));

/**
 * Throws ValidationError instead of answering, so onError renders it as problem+json 400 with
 * `errors: [{ path: 'person.citizenId', message }]` — paths are the issue path joined by '.'.
 */
export const defaultHook = (result: HookResult): void => {
  if (result.success) {
    const issues: FieldIssue[] = nulPaths(result.data).map((path) => ({ path: pathText(path, result.target), message: NUL_MESSAGE }));
    if (issues.length > 0) throw new ValidationError(issues);
    return;
  }
  const issues = result.error.issues.map((issue) => ({ path: pathText(issue.path, result.target), message: issue.message }));
  throw new ValidationError(issues);
};
