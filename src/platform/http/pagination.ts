import type { PageOf, Total } from '../schema.ts';
import { badRequest } from './errors.ts';

/**
 * Cursor (keyset) pagination: the cursor carries the sort value and id of the last row, so a page is
 * an index range scan however deep it is, and rows added meanwhile never shift pages. The schemas of
 * a list's query and answer (PageQuery, Page) are in ../schema.ts, which the web app reads too.
 */
export type { PageOf, Total };

/**
 * How far a list counts its matches: a count stops at this many rows (an index range of at most
 * `COUNT_CAP + 1` entries), so a total costs little however large the list, and reads "1,000+"
 * beyond it.
 */
export const COUNT_CAP = 1000;

/**
 * The total of a count that read at most `cap + 1` rows: exact up to the cap, a lower bound past it.
 */
export function totalOf(counted: number, cap = COUNT_CAP): Total {
  return counted > cap ? { count: cap, exact: false } : { count: counted, exact: true };
}

export interface Cursor {
  /** The sort column's value in the last row (string or number), or null. */
  v: string | number | null;
  id: string;
  /** Further sort values of the last row, for an order of several columns (a ranked search's). */
  more?: (string | number)[];
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function badCursor() {
  return badRequest(
    'The cursor is not valid: pass the nextCursor of the previous page unchanged',
    'query.cursor',
  );
}

/**
 * A sort value a cursor may carry back into a query: a text without control characters (PostgreSQL
 * refuses a NUL) or a finite number a column holds; a forged cursor is a bad cursor, never a 500.
 */
function isSortValue(v: unknown): v is string | number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (typeof v === 'string') return v.length <= 500 && !/[\u0000-\u001f\uD800-\uDFFF]/.test(v);
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER;
}

export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  let c: Cursor;
  try {
    c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
  } catch {
    throw badCursor();
  }
  const ok =
    c !== null &&
    typeof c === 'object' &&
    typeof c.id === 'string' &&
    UUID.test(c.id) &&
    'v' in c &&
    (c.v === null || isSortValue(c.v)) &&
    (c.more === undefined || (Array.isArray(c.more) && c.more.length <= 5 && c.more.every(isSortValue)));
  if (!ok) throw badCursor();
  return c;
}

/**
 * A cursor that is a row's numeric id (the audit log's): digits that a bigint column holds and a
 * JavaScript number keeps exactly. Twenty digits is a bad cursor, not a database error.
 */
export function decodeNumericCursor(raw: string | undefined): number | undefined {
  if (!raw) return undefined;
  const n = /^[0-9]{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw badCursor();
  return n;
}

/** The page a list asks its rows for, after its filters: the order, the page size and where the last one ended. */
export interface PageWindow {
  order: 'asc' | 'desc';
  limit: number;
  cursor?: Cursor | undefined;
}

/** A page window over rows sorted by one of the list's columns `S` (then by id). */
export interface SortedWindow<S extends string> extends PageWindow {
  sort: S;
}

/**
 * The page a list query asks for: its order (ascending unless asked), its size (50 unless asked, as
 * `PageQuery` documents) and the decoded cursor. Every list service reads its query through this.
 */
export function pageRequest(query: { order?: 'asc' | 'desc'; limit?: number; cursor?: string }): PageWindow {
  return { order: query.order ?? 'asc', limit: query.limit ?? 50, cursor: decodeCursor(query.cursor) };
}

/**
 * Cuts a page out of `limit + 1` fetched rows and builds the next cursor from the last row kept.
 * The total is the list's own count (see `countUpTo`); a page that shows there is more never
 * reports a total below what has been seen.
 */
export function toPage<R extends { id: string }, T>(
  rows: R[],
  limit: number,
  sortValue: (row: R) => string | number | null,
  map: (row: R) => T,
  total: Total,
): PageOf<T> {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return {
    items: kept.map(map),
    nextCursor: hasMore && last ? encodeCursor({ v: sortValue(last), id: last.id }) : null,
    total,
  };
}
