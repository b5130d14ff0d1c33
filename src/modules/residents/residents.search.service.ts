import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { badRequest, type FieldError, invalidFields } from '../../platform/http/errors.ts';
import {
  decodeCursor,
  encodeCursor,
  type PageOf,
  type Total,
  toPage,
} from '../../platform/http/pagination.ts';
import { areaPathFilter } from '../areas/index.ts';
import { cardHolderIds } from './insurance.refs.ts';
import { mapResidents } from './residents.mapping.ts';
import { countResidentRows, listResidentRows, type ResidentFilter } from './residents.queries.ts';
import { parseSearchTerm, type SearchTerm } from './residents.rules.ts';
import type { Resident, ResidentListQuery } from './residents.schema.ts';
import {
  type AreaRange,
  currentScope,
  type RankedRow,
  type RankPosition,
  searchByIdentifier,
  searchExactName,
  searchFuzzy,
  searchNearNames,
} from './residents.search.queries.ts';
import {
  cardNumberOf,
  oneEditVariants,
  socialInsuranceNumberOf,
  subtreeRange,
} from './residents.search.rules.ts';

type NameTerm = Extract<SearchTerm, { kind: 'name' }>;

/** Rows each near or fuzzy stage may contribute per area before ranking: bounds the work whatever the name. */
const STAGE_CAP = 50;
/**
 * How far a name search counts its exact matches: the count is read on every keystroke, and a common
 * name holds thousands in a province ("200+" says enough at the counter).
 */
const SEARCH_COUNT_CAP = 200;
/** Scopes with more places than this are filtered by row-level security alone (no area ranges). */
const MAX_AREA_RANGES = 20;

/** A page of a ranked search: the rows kept, the cursor after the last, and the total. */
interface RankedPage {
  rows: RankedRow[];
  nextCursor: string | null;
  total: Total;
}

/**
 * GET /api/residents: without `q` a keyset page by name; with `q` a ranked search: identifiers by
 * equality, names exact first ("nguyen van an" -> Nguyễn Văn An), then as a prefix (Nguyễn Văn Anh),
 * then the same family and given name start, then misspellings in the caller's catchment. Both page
 * with a cursor; a search's cursor keeps its ranking order.
 */
export async function listResidents(ctx: AppContext, query: ResidentListQuery): Promise<PageOf<Resident>> {
  const areaErrors: FieldError[] = [];
  const withinPath = await areaPathFilter(ctx.db, query.area, 'query.area', areaErrors);
  if (areaErrors.length > 0) throw invalidFields(areaErrors);
  const filter: ResidentFilter = {
    withinPath,
    birthYear: query.birthYear,
    householdId: query.householdId,
    status: query.status,
    includeInactive: query.includeInactive,
  };
  const limit = query.limit ?? 50;
  if (query.q) {
    const page = await searchResidents(ctx, query.q, filter, limit, rankPositionOf(query.cursor));
    return { items: await mapResidents(ctx.db, page.rows), nextCursor: page.nextCursor, total: page.total };
  }
  const cursor = decodeCursor(query.cursor);
  const [rows, total] = await Promise.all([
    listResidentRows(ctx.db, {
      ...filter,
      limit,
      after: cursor ? { key: String(cursor.v), id: cursor.id } : undefined,
    }),
    countResidentRows(ctx.db, filter),
  ]);
  const page = toPage(
    rows,
    limit,
    (r) => r.name_key,
    (r) => r,
    total,
  );
  return { ...page, items: await mapResidents(ctx.db, page.items) };
}

/** The cursor of a ranked search's page: the last row's place in the ranking order. */
function rankCursor(r: RankedRow): string {
  return encodeCursor({ v: r.name_key, id: r.id, more: [r.rank, r.similarity, r.area_path] });
}

function rankPositionOf(raw: string | undefined): RankPosition | undefined {
  const c = decodeCursor(raw);
  if (!c) return undefined;
  const [rank, similarity, areaPath] = c.more ?? [];
  if (typeof rank !== 'number' || typeof similarity !== 'number' || typeof areaPath !== 'string')
    throw badRequest(
      "The cursor is not a search's: pass the nextCursor of the previous page of the same search",
      'query.cursor',
    );
  return { rank, similarity, areaPath, nameKey: String(c.v), id: c.id };
}

async function searchResidents(
  ctx: AppContext,
  q: string,
  filter: ResidentFilter,
  limit: number,
  after: RankPosition | undefined,
): Promise<RankedPage> {
  const cardNumber = cardNumberOf(q, ctx.profile.insurance.card?.pattern);
  const term = cardNumber
    ? { kind: 'identifier' as const, value: cardNumber, phoneVariants: [] }
    : parseSearchTerm(q, todayOf(ctx));
  if (!term) throw invalidFields([{ field: 'query.q', message: 'has nothing to search for' }]);
  if (term.kind === 'identifier') {
    const socialInsuranceNumber = socialInsuranceNumberOf(term.value);
    const holders =
      cardNumber || socialInsuranceNumber
        ? await cardHolderIds(ctx.db, { cardNumber, socialInsuranceNumber })
        : [];
    const found = await searchByIdentifier(
      ctx.db,
      { value: term.value, phones: term.phoneVariants, cardHolderIds: holders },
      filter,
      limit + 1,
      after,
    );
    return { ...cut(found.rows, limit), total: found.total };
  }
  // The area filter becomes the stages' area range (an index condition), checked exactly at the end.
  const within = filter.withinPath;
  const f: ResidentFilter = {
    ...filter,
    withinPath: undefined,
    birthYear: filter.birthYear ?? term.birthYear,
  };
  const areas = await areaRangesOf(ctx, within);
  const found = await searchNames(ctx, term, f, areas, limit + 1, after);
  const page = cut(found.rows, limit);
  // The cursor is the last row read, kept or not, so the next page goes on from there.
  return {
    ...page,
    rows: within ? page.rows.filter((r) => isWithin(r.area_path, within)) : page.rows,
    total: found.total,
  };
}

/** Keeps `limit` of `limit + 1` rows in ranking order, with the cursor after the last kept when more follow. */
function cut(rows: RankedRow[], limit: number): Omit<RankedPage, 'total'> {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return { rows: kept, nextCursor: rows.length > limit && last ? rankCursor(last) : null };
}

function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

/**
 * The stages in rank order, each only when the earlier ones left room on the page: exact names, then
 * prefixes and the same family and given name, then names one typing slip away. Each stage starts
 * after the cursor when the cursor is inside it. The total adds the counts of the stages read: exact
 * when the page reached the last stage and the exact names were counted whole, else "at least".
 */
async function searchNames(
  ctx: AppContext,
  term: NameTerm,
  f: ResidentFilter,
  areas: AreaRange[] | undefined,
  want: number,
  after: RankPosition | undefined,
): Promise<{ rows: RankedRow[]; total: Total }> {
  const exact = await searchExactName(
    ctx.db,
    term.key,
    f,
    areas,
    !after || after.rank >= 3 ? want : 0,
    SEARCH_COUNT_CAP,
    after,
  );
  const found = [...exact.rows];
  if (found.length >= want) return { rows: found, total: { count: exact.total.count, exact: false } };
  const near = await searchNearNames(
    ctx.db,
    term,
    f,
    areas,
    want - found.length,
    STAGE_CAP,
    after && after.rank <= 2 ? after : undefined,
  );
  found.push(...near.rows);
  const counted = exact.total.count + near.count;
  if (found.length >= want) return { rows: found, total: { count: counted, exact: false } };
  const variants = {
    key: term.tokens > 1 ? oneEditVariants(term.key, true) : [],
    given: oneEditVariants(term.given),
    family: term.tokens > 1 ? oneEditVariants(term.family) : [],
  };
  const fuzzy = await searchFuzzy(
    ctx.db,
    term,
    variants,
    f,
    areas,
    want - found.length,
    STAGE_CAP,
    after && after.rank <= 0 ? after : undefined,
  );
  found.push(...fuzzy.rows);
  return { rows: found, total: { count: counted + fuzzy.count, exact: exact.total.exact } };
}

/**
 * Where a name search reads: the area asked for, else the caller's own places when they are a
 * handful, as btree ranges on the area path (row-level security then has nothing left to drop).
 * Undefined for everywhere, or for many places: row-level security alone then filters.
 */
async function areaRangesOf(
  ctx: AppContext,
  withinPath: string | undefined,
): Promise<AreaRange[] | undefined> {
  let paths: string[];
  if (withinPath) paths = [withinPath];
  else {
    const scope = await currentScope(ctx.db);
    if (!scope || scope.all || scope.paths.length === 0 || scope.paths.length > MAX_AREA_RANGES)
      return undefined;
    paths = scope.paths;
  }
  return paths.map((path) => ({ path, ...subtreeRange(path) }));
}
