import type { AppContext } from '../../platform/app-context.ts';
import { todayIso } from '../../platform/dates.ts';
import { type FieldError, invalidFields } from '../../platform/http/errors.ts';
import { decodeCursor, type PageOf, toPage } from '../../platform/http/pagination.ts';
import { areaPathFilter } from '../areas/index.ts';
import { mapResidents } from './residents.mapping.ts';
import {
  countResidentsUpTo,
  currentScope,
  listResidentRows,
  type RankedRow,
  type ResidentFilter,
  searchByIdentifier,
  searchByNameKeys,
  searchFuzzy,
} from './residents.queries.ts';
import { parseSearchTerm } from './residents.rules.ts';
import type { Resident, ResidentListQuery } from './residents.schema.ts';

/** Rows each fast stage may contribute before ranking: bounds the work whatever the name. */
const STAGE_CAP = 200;
/** Below this similarity a fuzzy candidate is noise. */
const FUZZY_MIN_SIMILARITY = 0.4;
/** Scopes with more places than this are searched fuzzily through the trigram index instead. */
const MAX_CATCHMENT_PATHS = 20;
/** A catchment with this many residents or more is too big to read whole for a fuzzy search. */
const MAX_CATCHMENT_RESIDENTS = 30_000;

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
  const term = parseSearchTerm(q, todayIso());
  if (!term) throw invalidFields([{ field: 'query.q', message: 'has nothing to search for' }]);
  if (term.kind === 'identifier')
    return searchByIdentifier(ctx.db, term.value, term.phoneVariants, filter, limit);
  const f =
    term.birthYear !== undefined && filter.birthYear === undefined
      ? { ...filter, birthYear: term.birthYear }
      : filter;
  const found = await searchByNameKeys(ctx.db, term, f, limit, STAGE_CAP);
  if (found.length >= limit) return found;
  const catchment = await catchmentOf(ctx, f.withinPath);
  const fuzzy = await searchFuzzy(ctx.db, term, f, catchment, limit, FUZZY_MIN_SIMILARITY);
  const seen = new Set(found.map((r) => r.id));
  return [...found, ...fuzzy.filter((r) => !seen.has(r.id))].slice(0, limit);
}

/**
 * Where a fuzzy search reads first: the area asked for, else the caller's own places when few, and
 * only when they hold few people (a commune, not a province: reading a whole province's rows to rank
 * them is what makes a trigram search slow). Otherwise null: candidates come from the name keys.
 */
async function catchmentOf(ctx: AppContext, withinPath: string | undefined): Promise<string[] | null> {
  let paths: string[];
  if (withinPath) paths = [withinPath];
  else {
    const scope = await currentScope(ctx.db);
    if (!scope || scope.all || scope.paths.length === 0 || scope.paths.length > MAX_CATCHMENT_PATHS)
      return null;
    paths = scope.paths;
  }
  return (await countResidentsUpTo(ctx.db, paths, MAX_CATCHMENT_RESIDENTS)) < MAX_CATCHMENT_RESIDENTS
    ? paths
    : null;
}
