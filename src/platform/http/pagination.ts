import type { PageOf } from '../schema.ts';
import { badRequest } from './errors.ts';

/**
 * Cursor (keyset) pagination: the cursor carries the sort value and id of the last row, so a page is
 * an index range scan however deep it is, and rows added meanwhile never shift pages. The schemas of
 * a list's query and answer (PageQuery, Page) are in ../schema.ts, which the web app reads too.
 */
export type { PageOf };

export interface Cursor {
  /** The sort column's value in the last row (string or number), or null. */
  v: string | number | null;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.id !== 'string' || !('v' in c)) throw new Error('shape');
    return c;
  } catch {
    throw badRequest(
      'The cursor is not valid: pass the nextCursor of the previous page unchanged',
      'query.cursor',
    );
  }
}

/**
 * Cuts a page out of `limit + 1` fetched rows and builds the next cursor from the last row kept.
 */
export function toPage<R extends { id: string }, T>(
  rows: R[],
  limit: number,
  sortValue: (row: R) => string | number | null,
  map: (row: R) => T,
): PageOf<T> {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return {
    items: kept.map(map),
    nextCursor: hasMore && last ? encodeCursor({ v: sortValue(last), id: last.id }) : null,
  };
}
