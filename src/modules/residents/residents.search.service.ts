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
  hanReadings,
  type NameStages,
  type NearWord,
  nameWordsNear,
  type RankedRow,
  type RankPosition,
  STAGE_RANK,
  searchByIdentifier,
  searchNameCandidates,
} from './residents.search.queries.ts';
import {
  cardNumberOf,
  type NameQuery,
  nameQueryOf,
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

/** Who searches: the places their roles are for (a station's commune), whose residents rank first among equals. */
export interface Searcher {
  homes: string[];
}

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
export async function listResidents(
  ctx: AppContext,
  query: ResidentListQuery,
  searcher: Searcher = { homes: [] },
): Promise<PageOf<Resident>> {
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
    const page = await searchResidents(ctx, query.q, filter, searcher, limit, rankPositionOf(query.cursor));
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
  return encodeCursor({ v: null, id: r.id, more: [r.rank, r.score, r.activity] });
}

function rankPositionOf(raw: string | undefined): RankPosition | undefined {
  const c = decodeCursor(raw);
  if (!c) return undefined;
  const [rank, score, activity] = c.more ?? [];
  if (typeof rank !== 'number' || typeof score !== 'number' || typeof activity !== 'number')
    throw badRequest(
      "The cursor is not a search's: pass the nextCursor of the previous page of the same search",
      'query.cursor',
    );
  return { rank, score, activity, id: c.id };
}

async function searchResidents(
  ctx: AppContext,
  q: string,
  filter: ResidentFilter,
  searcher: Searcher,
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
  const found = await searchNames(ctx, term, f, areas, searcher.homes, limit + 1, after);
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
 * A name search: every stage's candidates in one statement (see `searchNameCandidates`), then, when
 * they leave room on the page, the same with the near misses (regional family names, one typing slip)
 * ranked after them. The total is exact when no stage was cut by its cap, else "at least".
 */
async function searchNames(
  ctx: AppContext,
  term: NameTerm,
  f: ResidentFilter,
  areas: AreaRange[] | undefined,
  homes: string[],
  want: number,
  after: RankPosition | undefined,
): Promise<{ rows: RankedRow[]; total: Total }> {
  const rules = ctx.profile.names ?? {};
  const han = [...new Set([...term.text].filter((ch) => /\p{Script=Han}/u.test(ch)))];
  const readings = han.length > 0 ? await hanReadings(ctx.db, han) : undefined;
  const q = nameQueryOf(term.text, rules, readings);
  if (!q) throw invalidFields([{ field: 'query.q', message: 'has nothing to search for' }]);
  const stages: NameStages = { ...q, key: q.primary.key, homes };
  const caps = { whole: SEARCH_COUNT_CAP + 1, other: STAGE_CAP };
  if (!after || after.rank > STAGE_RANK.fuzzy) {
    const found = await searchNameCandidates(ctx.db, stages, f, areas, want, caps, after);
    // The near misses were not looked for: the count is a lower bound.
    if (found.rows.length >= want)
      return { rows: found.rows, total: { count: Math.min(found.count, SEARCH_COUNT_CAP), exact: false } };
    if (!after) {
      // A first page the other stages did not fill holds all they found: the near misses, ranked
      // after them, are looked for alone among the others (their probes are not run again).
      const more = await searchNameCandidates(
        ctx.db,
        { ...stages, fuzzy: await nearMissesOf(ctx, q) },
        f,
        areas,
        want - found.rows.length,
        caps,
        undefined,
        { fuzzy: true, excluded: found.rows.map((r) => r.id) },
      );
      return {
        rows: [...found.rows, ...more.rows],
        total: totalOfCandidates({
          count: found.count + more.count,
          capped: found.capped || more.capped,
        }),
      };
    }
  }
  const withNearMisses = { ...stages, fuzzy: await nearMissesOf(ctx, q) };
  const found = await searchNameCandidates(ctx.db, withNearMisses, f, areas, want, caps, after);
  return { rows: found.rows, total: totalOfCandidates(found) };
}

/**
 * The total of a candidate set: exact when no index probe stopped at its cap, else a lower bound, at
 * most SEARCH_COUNT_CAP ("200+").
 */
function totalOfCandidates(found: { count: number; capped: boolean }): Total {
  if (!found.capped) return { count: found.count, exact: true };
  return { count: Math.min(found.count, SEARCH_COUNT_CAP), exact: false };
}

/** Words this short are corrected by one edit only: two would reach half the words of their length. */
const TWO_EDITS_FROM_LENGTH = 4;

/** Pairs of a corrected family name and a corrected given name: at most this many of each. */
const BOTH_CORRECTED = 5;

/** The typed words to look up among the name words: the family and given names (one or two slips away). */
function wordsToCorrect(q: NameQuery): { word: string; maxEdits: number }[] {
  const t = q.primary;
  const words = t.tokens > 1 ? [t.family, t.given] : [t.given];
  return [...new Set(words)]
    .filter((w) => w.length > 1 && !w.includes(' '))
    .map((word) => ({ word, maxEdits: word.length >= TWO_EDITS_FROM_LENGTH ? 2 : 1 }));
}

/**
 * The near-miss keys (see `nearMisses`), the whole names one slip away kept only when every word of
 * theirs is a stored name word: the others cannot match a stored name (a long name has hundreds of
 * such variants, each an index probe otherwise).
 */
async function nearMissesOf(ctx: AppContext, q: NameQuery): Promise<NonNullable<NameStages['fuzzy']>> {
  const t = q.primary;
  const wholes = t.tokens > 1 ? oneEditVariants(t.key, true) : [];
  const words = [...new Set(wholes.flatMap((w) => w.split(' ')))];
  const { near, stored } = await nameWordsNear(ctx.db, wordsToCorrect(q), words);
  const fuzzy = nearMisses(q, near);
  return { ...fuzzy, wholes: fuzzy.wholes.filter((w) => w.split(' ').every((x) => stored.has(x))) };
}

/**
 * The near-miss keys: regional family names, the whole name one slip away (a space dropped or added
 * too), and the family and given names as the stored words they may be a slip or two from (`near`,
 * from `nameWordsNear`): one of them corrected, or both (then one slip each, at the most two).
 */
function nearMisses(q: NameQuery, near: Map<string, NearWord[]>): NonNullable<NameStages['fuzzy']> {
  const t = q.primary;
  const stored = (word: string) => (near.get(word) ?? []).map((n) => n.word);
  // One slip (a swap of neighbours counts as one, where Levenshtein counts two), or a stored word up
  // to two slips away.
  const alike = (word: string) => [...new Set([...oneEditVariants(word), ...stored(word)])];
  // The stored words one slip away, for a slip in each name.
  const oneSlip = (word: string) => {
    const variants = new Set(oneEditVariants(word));
    return stored(word).filter((w) => variants.has(w));
  };
  const pairs = [...q.familyVariants];
  if (t.tokens > 1) {
    for (const given of alike(t.given)) pairs.push({ family: t.family, given });
    for (const family of alike(t.family)) pairs.push({ family, given: t.given });
    for (const family of oneSlip(t.family).slice(0, BOTH_CORRECTED))
      for (const given of oneSlip(t.given).slice(0, BOTH_CORRECTED)) pairs.push({ family, given });
  }
  return {
    wholes: t.tokens > 1 ? oneEditVariants(t.key, true) : [],
    pairs,
    givens: t.tokens === 1 ? alike(t.given) : [],
  };
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
