// Keyset pagination (docs/api.md, General): `?limit=` 1..100 (default 20) and an opaque `?cursor=`.
import { z } from '@hono/zod-openapi';
import { ValidationError } from './errors.js';

export const PageQuery = z.object({
  limit: z.coerce
    .number({ error: 'must be a whole number from 1 to 100' })
    .int({ error: 'must be a whole number from 1 to 100' })
    .min(1, { error: 'must be at least 1' })
    .max(100, { error: 'must be at most 100' })
    .default(20)
    .openapi({ param: { name: 'limit', in: 'query' }, example: 20 }),
  // Opaque: only a `nextCursor` this API issued for the same list is valid, which no pattern can say; `format:
  // page-cursor` names that (docs/api.md, Formats).
  cursor: z
    .string()
    .min(1)
    .max(2_000)
    .optional()
    .openapi({
      param: { name: 'cursor', in: 'query' },
      description: 'The `nextCursor` of the previous page of the same list',
      pattern: '^[A-Za-z0-9_-]+$',
      format: 'page-cursor',
    }),
});

export type PageQuery = z.infer<typeof PageQuery>;

export type Page<T> = { items: T[]; nextCursor: string | null };

/** Response schema for a page of `item`: `{ items, nextCursor }`. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export type CursorKey = (string | number | null)[];

/** The sort key of the last row of a page, as an opaque base64url token. */
export const encodeCursor = (key: readonly (string | number | null)[]): string => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

const CursorKeySchema = z.array(z.union([z.string(), z.number(), z.null()])).min(1);

/** Reads a cursor made by encodeCursor; anything else is a 400 on `cursor` rather than a 500 in the query. */
export function decodeCursor(cursor: string): CursorKey {
  const invalid = () => new ValidationError([{ path: 'cursor', message: 'is not a cursor this API issued' }]);
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const parsed = CursorKeySchema.safeParse(json);
  if (!parsed.success) throw invalid();
  return parsed.data;
}

/**
 * Reads a cursor whose key must have exactly the given shape (e.g. ['number', 'string', 'string'] for a worklist);
 * a cursor from another list, or one made by hand, is a 400 on `cursor` instead of an empty or wrong page.
 */
export function decodeCursorOf(cursor: string, shape: readonly ('string' | 'number')[]): (string | number)[] {
  const key = decodeCursor(cursor);
  const fits = key.length === shape.length && key.every((part, i) => typeof part === shape[i]);
  if (!fits) throw new ValidationError([{ path: 'cursor', message: 'is not a cursor this API issued for this list' }]);
  return key as (string | number)[];
}
