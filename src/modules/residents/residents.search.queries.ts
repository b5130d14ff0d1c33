import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { countUpTo } from '../../platform/db/count.ts';
import type { Db } from '../../platform/db/database.ts';
import { type Total, totalOf } from '../../platform/http/pagination.ts';
import { type ResidentFilter, residentConditions } from './residents.queries.ts';
import type { ResidentRow } from './residents.table.ts';

// The ranked resident search: by identifier, exact name, near names and one-edit variants, each
// stage an index range scan per area range of the caller (residents.search.ts runs the stages).

export type RankedRow = ResidentRow & { rank: number; similarity: number };

/**
 * A row's place in a ranked search's order: stage rank (highest first), similarity to the typed name
 * (highest first), then name, place and id. A page's cursor is the last row's place.
 */
export interface RankPosition {
  rank: number;
  similarity: number;
  nameKey: string;
  areaPath: string;
  id: string;
}

/** A ranked stage's answer: its next rows after the cursor, and how many rows the whole stage holds. */
export interface StageRows {
  rows: RankedRow[];
  count: number;
}

/** A subtree of areas as a btree range on `area_path` (see `subtreeRange`), with its path. */
export interface AreaRange {
  path: string;
  from: string;
  to: string;
}

/**
 * The area part of a search branch: the btree range, an index condition on the name indexes' last
 * column, so rows outside the caller's places are skipped in the index. No `<@` beside it: the planner
 * would prefer the area's GiST index and read the whole commune. Where the range is wider than the
 * subtree (see `subtreeRange`), row-level security (for the caller's places) or the caller (for an
 * area filter) keeps the answer exact.
 */
function inArea(range: AreaRange | undefined): RawBuilder<unknown> {
  if (!range) return sql``;
  return sql`and r.area_path >= ${range.from}::ltree and r.area_path < ${range.to}::ltree`;
}

/** One copy of a branch per area range (a handful: the caller's places), or one without. */
function perArea(
  ranges: AreaRange[] | undefined,
  branch: (area: RawBuilder<unknown>) => RawBuilder<unknown>,
): RawBuilder<unknown> {
  const parts = ranges && ranges.length > 0 ? ranges.map((a) => branch(inArea(a))) : [branch(sql``)];
  return sql.join(
    parts.map((p) => sql`(${p})`),
    sql` union all `,
  );
}

/** What a search identifier may be: citizen id, code or phone, and a card number or its 10 digits. */
export interface IdentifierKeys {
  value: string;
  phones: string[];
  /** Resident ids holding the typed insurance card (looked up beforehand). */
  cardHolderIds: string[];
}

/**
 * Residents by citizen id, phone, external code or insurance card (indexed equality lookups, one
 * branch each), in the ranking order after `after`, and how many there are in all.
 */
export async function searchByIdentifier(
  db: Db,
  keys: IdentifierKeys,
  f: ResidentFilter,
  limit: number,
  after?: RankPosition,
): Promise<{ rows: RankedRow[]; total: Total }> {
  const cond = residentConditions(f);
  const branches = [
    sql`select r.id from resident r where r.citizen_id = ${keys.value} and ${cond}`,
    sql`select r.id from resident r where r.code = ${keys.value} and ${cond}`,
  ];
  if (keys.phones.length > 0)
    branches.push(sql`select r.id from resident r where r.phone = any(${keys.phones}::text[]) and ${cond}`);
  if (keys.cardHolderIds.length > 0)
    branches.push(
      sql`select r.id from resident r where r.id = any(${keys.cardHolderIds}::uuid[]) and ${cond}`,
    );
  const found = sql.join(branches, sql` union `);
  const [result, total] = await Promise.all([
    sql<RankedRow>`
      select * from (
        select r.*, 1 as rank, 1::real as similarity from (${found}) found join resident r on r.id = found.id
      ) x
      where ${afterRank(after)}
      order by name_key, area_path, id
      limit ${limit}`.execute(db),
    countUpTo(db, sql`select 1 from (${found}) found`),
  ]);
  return { rows: result.rows, total };
}

/** The smallest string above every string that starts with `prefix` (byte order, as text_pattern_ops). */
export function prefixEnd(prefix: string): string {
  if (prefix === '') return '\u{10FFFF}';
  return prefix.slice(0, -1) + String.fromCodePoint(prefix.codePointAt(prefix.length - 1)! + 1);
}

/** A typed name, normalised: the whole key, its first and last words, and how many words. */
export interface NameKeys {
  key: string;
  family: string;
  given: string;
  tokens: number;
}

/**
 * Ranks candidate ids (with their stage rank) by rank, then trigram similarity to the typed key, then
 * name: only the best `limit` are read whole.
 */
async function rankCandidates(
  db: Db,
  candidates: RawBuilder<unknown>,
  key: string,
  limit: number,
  after: RankPosition | undefined,
): Promise<StageRows> {
  // The count is of the whole candidate set (every page of the stage); the one row with no resident
  // carries it when no candidate is left after the cursor.
  const result = await sql<RankedRow & { candidates: number }>`
    with candidates as materialized (${candidates}),
    ranked as (
      select id, max(rank) as rank, name_key, area_path, max(similarity(name_key, ${key})) as similarity
      from candidates group by id, name_key, area_path
    ),
    best as (
      select * from ranked where ${afterRank(after)}
      order by rank desc, similarity desc, name_key, area_path, id
      limit ${limit}
    )
    select r.*, b.rank, b.similarity, c.n as candidates
    from (select count(*) as n from ranked) c
    left join best b on true left join resident r on r.id = b.id
    order by b.rank desc, b.similarity desc, b.name_key, b.area_path, b.id`.execute(db);
  return {
    rows: result.rows.filter((r) => r.id !== null),
    count: Number(result.rows[0]?.candidates ?? 0),
  };
}

/** The rows after a position in the ranking order (rank and similarity descending, then ascending). */
function afterRank(p: RankPosition | undefined): RawBuilder<SqlBool> {
  if (!p) return sql<SqlBool>`true`;
  return sql<SqlBool>`(rank < ${p.rank} or (rank = ${p.rank} and (similarity < ${p.similarity}::real
    or (similarity = ${p.similarity}::real and (name_key, area_path, id) > (${p.nameKey}, ${p.areaPath}::ltree, ${p.id}::uuid)))))`;
}

/**
 * Residents whose normalised name is exactly the typed one ("nguyen van an" -> Nguyễn Văn An), in
 * the given areas, after `after` in (place, id) order, at most `limit`: an index range scan on
 * (name, place) that reads only matching entries from the cursor on. In the same statement, how many
 * have the name in all, counted up to `countCap` (a common name holds thousands in a province).
 */
export async function searchExactName(
  db: Db,
  key: string,
  f: ResidentFilter,
  areas: AreaRange[] | undefined,
  limit: number,
  countCap: number,
  after?: { areaPath: string; id: string },
): Promise<{ rows: RankedRow[]; total: Total }> {
  const cond = residentConditions(f);
  const from = after
    ? sql`and r.area_path >= ${after.areaPath}::ltree and (r.area_path, r.id) > (${after.areaPath}::ltree, ${after.id}::uuid)`
    : sql``;
  const result = await sql<RankedRow & { counted: number }>`
    with page as (${perArea(
      areas,
      (area) => sql`select r.*, 3 as rank, 1::real as similarity from resident r
        where r.name_key = ${key} ${area} ${from} and ${cond} order by r.area_path, r.id limit ${limit}`,
    )}),
    counted as (select count(*) as n from (${perArea(
      areas,
      (area) =>
        sql`select 1 from resident r where r.name_key = ${key} ${area} and ${cond} limit ${countCap + 1}`,
    )}) e)
    select p.*, c.n as counted from counted c left join (
      select * from page order by area_path, id limit ${limit}
    ) p on true
    order by p.area_path, p.id`.execute(db);
  return {
    rows: result.rows.filter((r) => r.id !== null),
    total: totalOf(Number(result.rows[0]?.counted ?? 0), countCap),
  };
}

/**
 * The near stages of the name search, each an index range scan that stops at `cap` rows: the name as
 * a prefix ("nguyen van an" -> "nguyen van anh", rank 2), the same family name with a given name
 * starting as typed ("nguyen an" -> "nguyen van an", rank 1). Each runs per area range of the caller,
 * so a station reads its own commune's entries only. Only the best `limit` are read whole.
 */
export async function searchNearNames(
  db: Db,
  t: NameKeys,
  f: ResidentFilter,
  areas: AreaRange[] | undefined,
  limit: number,
  cap: number,
  after?: RankPosition,
): Promise<StageRows> {
  const cond = residentConditions(f);
  // Prefixes as ranges with the leakproof text_pattern operators: under row-level security a LIKE
  // (not leakproof) cannot be used as an index condition and turns into a sequential scan.
  const keyEnd = prefixEnd(t.key);
  const givenEnd = prefixEnd(t.given);
  const family = t.tokens > 1 ? sql`and r.family_key = ${t.family}` : sql``;
  const candidates = sql`
    ${perArea(
      areas,
      (area) => sql`select r.id, 2 as rank, r.name_key, r.area_path from resident r
        where r.name_key ~>=~ ${t.key} and r.name_key ~<~ ${keyEnd} and r.name_key <> ${t.key} ${area} and ${cond}
        limit ${cap}`,
    )}
    union all
    ${perArea(
      areas,
      (area) => sql`select r.id, 1 as rank, r.name_key, r.area_path from resident r
        where r.given_key ~>=~ ${t.given} and r.given_key ~<~ ${givenEnd} ${family} ${area}
          and r.name_key <> ${t.key} and ${cond}
        limit ${cap}`,
    )}`;
  return rankCandidates(db, candidates, t.key, limit, after);
}

/**
 * The typo-tolerant stage: names one edit away from what was typed (dropped, added, changed or
 * swapped letters), looked up as exact keys: the whole name (`variants.key`, on the name index), or
 * the given name or the family name with the other word as typed (on the (given, family, area)
 * index); then ranked by trigram similarity to the typed name. A trigram scan is not used: Vietnamese names share most trigrams
 * ("nguyen van ..."), so its bitmap covers a province (see the performance anchors).
 */
export async function searchFuzzy(
  db: Db,
  t: NameKeys,
  variants: { key: string[]; given: string[]; family: string[] },
  f: ResidentFilter,
  areas: AreaRange[] | undefined,
  limit: number,
  cap: number,
  after?: RankPosition,
): Promise<StageRows> {
  // A name the exact or near stages match is theirs, found or cut by their caps: each resident
  // belongs to one stage, so paging through the stages meets nobody twice.
  const keyEnd = prefixEnd(t.key);
  const givenEnd = prefixEnd(t.given);
  const family = t.tokens > 1 ? sql`and r.family_key = ${t.family}` : sql``;
  const cond = sql`${residentConditions(f)}
    and not (r.name_key ~>=~ ${t.key} and r.name_key ~<~ ${keyEnd})
    and not (r.given_key ~>=~ ${t.given} and r.given_key ~<~ ${givenEnd} ${family})`;
  // One index probe per variant (a lateral subquery with its own limit): with the variants as one
  // `= any(array)` the planner expects a thousand keys to match a province and reads the table whole.
  const probes = (words: string[], match: RawBuilder<unknown>) =>
    perArea(
      areas,
      (area) => sql`select x.id, 0 as rank, x.name_key, x.area_path from unnest(${words}::text[]) as k(word)
        cross join lateral (select r.id, r.name_key, r.area_path from resident r where ${match} ${area} and ${cond} limit ${cap}) x
        limit ${cap}`,
    );
  const branches: RawBuilder<unknown>[] = [];
  if (variants.key.length > 0) branches.push(probes(variants.key, sql`r.name_key = k.word`));
  if (variants.given.length > 0) {
    const family = t.tokens > 1 ? sql`and r.family_key = ${t.family}` : sql``;
    branches.push(probes(variants.given, sql`r.given_key = k.word ${family}`));
  }
  if (t.tokens > 1 && variants.family.length > 0)
    branches.push(probes(variants.family, sql`r.given_key = ${t.given} and r.family_key = k.word`));
  if (branches.length === 0) return { rows: [], count: 0 };
  return rankCandidates(db, sql.join(branches, sql` union all `), t.key, limit, after);
}

/** The caller's scope as the request set it: everywhere, or a list of area paths. */
export async function currentScope(db: Db): Promise<{ all: boolean; paths: string[] } | null> {
  const result = await sql<{ all: string | null; scope: string | null }>`
    select current_setting('app.scope_all', true) as all, current_setting('app.scope', true) as scope`.execute(
    db,
  );
  const row = result.rows[0];
  if (!row || ((row.all ?? '') === '' && (row.scope ?? '') === '')) return null;
  if (row.all === 'on') return { all: true, paths: [] };
  const paths = (row.scope ?? '')
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean)
    .map((p) => p.replace(/"/g, ''));
  return { all: false, paths };
}
