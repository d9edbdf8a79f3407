// A page of an append-only ledger, newest first, keyset on its id (docs/api.md, General): the special medical
// ledgers and the personal medical account ledger answer the same way, with the total of the lines asked for.
import { ValidationError } from './errors.js';
import { decodeCursor, encodeCursor } from './pagination.js';

/** The id a ledger page continues before, from the `nextCursor` of the previous page. */
export function ledgerCursor(cursor: string | undefined): number | undefined {
  const before = cursor ? decodeCursor(cursor)[0] : undefined;
  if (before !== undefined && typeof before !== 'number') throw new ValidationError([{ path: 'cursor', message: 'is not a cursor this API issued' }]);
  return before;
}

/** The answer from a ledger read with one row more than `limit` (which says whether a next page exists). */
export function ledgerPage<E extends { id: number }, O>(ledger: { entries: E[]; total: string; count: number }, limit: number, present: (entry: E) => O) {
  const entries = ledger.entries.slice(0, limit);
  const last = entries.at(-1);
  return {
    items: entries.map(present),
    nextCursor: ledger.entries.length > limit && last ? encodeCursor([last.id]) : null,
    total: ledger.total,
    count: ledger.count,
  };
}
