import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { type FieldError, invalidFields } from '../../platform/http/errors.ts';
import { decodeCursor, type PageOf, toPage } from '../../platform/http/pagination.ts';
import { areaPathFilter } from '../areas/index.ts';
import { cardHolderIds } from './insurance-card-refs.ts';
import { mapResidents } from './residents.mapping.ts';
import { listResidentRows, type ResidentFilter } from './residents.queries.ts';
import { parseSearchTerm, type SearchTerm } from './residents.rules.ts';
import type { Resident, ResidentListQuery } from './residents.schema.ts';
import {
  type AreaRange,
  currentScope,
  type RankedRow,
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
/** Scopes with more places than this are filtered by row-level security alone (no area ranges). */
const MAX_AREA_RANGES = 20;
/**
 * GET /api/residents: without `q` a keyset page by name; with `q` a ranked search (no cursor):
 * identifiers by equality, names exact first ("nguyen van an" -> Nguyễn Văn An), then as a prefix
 * (Nguyễn Văn Anh), then the same family and given name start, then misspellings by similarity in
 * the caller's catchment.
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
    if (query.cursor)
      throw invalidFields([
        { field: 'query.cursor', message: 'a ranked search has no further pages: narrow it' },
      ]);
    const rows = await searchResidents(ctx, query.q, filter, limit);
    return { items: await mapResidents(ctx.db, rows), nextCursor: null };
  }
  const cursor = decodeCursor(query.cursor);
  const rows = await listResidentRows(ctx.db, {
    ...filter,
    limit,
    after: cursor ? { key: String(cursor.v), id: cursor.id } : undefined,
  });
  const page = toPage(
    rows,
    limit,
    (r) => r.name_key,
    (r) => r,
  );
  return { items: await mapResidents(ctx.db, page.items), nextCursor: page.nextCursor };
}

async function searchResidents(
  ctx: AppContext,
  q: string,
  filter: ResidentFilter,
  limit: number,
): Promise<RankedRow[]> {
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
    return searchByIdentifier(
      ctx.db,
      { value: term.value, phones: term.phoneVariants, cardHolderIds: holders },
      filter,
      limit,
    );
  }
  // The area filter becomes the stages' area range (an index condition), checked exactly at the end.
  const within = filter.withinPath;
  const f: ResidentFilter = {
    ...filter,
    withinPath: undefined,
    birthYear: filter.birthYear ?? term.birthYear,
  };
  const areas = await areaRangesOf(ctx, within);
  const rows = await searchNames(ctx, term, f, areas, limit);
  return within ? rows.filter((r) => isWithin(r.area_path, within)) : rows;
}

function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

async function searchNames(
  ctx: AppContext,
  term: NameTerm,
  f: ResidentFilter,
  areas: AreaRange[] | undefined,
  limit: number,
): Promise<RankedRow[]> {
  // Stages in rank order, each only when the earlier ones left room: exact names, then prefixes and
  // the same family and given name, then names one typing slip away.
  const found = await searchExactName(ctx.db, term.key, f, areas, limit);
  if (found.length >= limit) return found;
  const seen = new Set(found.map((r) => r.id));
  const near = await searchNearNames(ctx.db, term, f, areas, limit, STAGE_CAP);
  for (const r of near) {
    if (seen.has(r.id) || found.length >= limit) continue;
    seen.add(r.id);
    found.push(r);
  }
  if (found.length >= limit) return found;
  const variants = {
    key: term.tokens > 1 ? oneEditVariants(term.key, true) : [],
    given: oneEditVariants(term.given),
    family: term.tokens > 1 ? oneEditVariants(term.family) : [],
  };
  const fuzzy = await searchFuzzy(ctx.db, term, variants, f, areas, limit, STAGE_CAP);
  return [...found, ...fuzzy.filter((r) => !seen.has(r.id))].slice(0, limit);
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
