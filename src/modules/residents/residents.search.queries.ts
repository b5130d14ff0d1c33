import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { countUpTo } from '../../platform/db/count.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Total } from '../../platform/http/pagination.ts';
import { type ResidentFilter, residentConditions } from './residents.queries.ts';
import type { HanReading, NameQuery } from './residents.search.rules.ts';
import type { ResidentRow } from './residents.table.ts';

// The ranked resident search: by identifier, exact name, near names and one-edit variants, each
// stage an index range scan per area range of the caller (residents.search.ts runs the stages).

export type RankedRow = ResidentRow & { rank: number; score: number; activity: number };

/**
 * A row's place in a ranked search's order: stage rank, score (spelling, similarity, the searcher's
 * place), recent activity (microseconds since 1970), all highest first, then id. A page's cursor is
 * the last row's place.
 */
export interface RankPosition {
  rank: number;
  score: number;
  activity: number;
  id: string;
}

/** The rows after a position in the ranking order. */
function afterRank(p: RankPosition | undefined): RawBuilder<SqlBool> {
  if (!p) return sql<SqlBool>`true`;
  return sql<SqlBool>`(rank < ${p.rank} or (rank = ${p.rank} and (score < ${p.score}::float8
    or (score = ${p.score}::float8 and (activity < ${p.activity}::float8 or (activity = ${p.activity}::float8 and id > ${p.id}::uuid))))))`;
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
        select r.*, 1 as rank, 0::float8 as score,
          floor(extract(epoch from r.updated_at) * 1000000)::float8 as activity
        from (${found}) found join resident r on r.id = found.id
      ) x
      where ${afterRank(after)}
      order by rank desc, score desc, activity desc, id
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

/** The stages of a name search, as index keys (see `nameQueryOf`), with what ranks their rows. */
export interface NameStages
  extends Pick<NameQuery, 'wholes' | 'prefixes' | 'partials' | 'rests' | 'pairs' | 'givens'> {
  /** The near misses: regional family names, and names one edit away (all exact keys). */
  fuzzy?: Pick<NameQuery, 'wholes' | 'pairs' | 'givens'>;
  /** Typed words as written (lower case): each one a name holds as written ranks it higher. */
  spelled: string[];
  /** The typed key, for trigram similarity. */
  key: string;
  /** The searcher's own places: the deepest one holding a row ranks it higher (same commune first). */
  homes: string[];
}

/** Rank of each stage: a resident met by several keeps the best. */
export const STAGE_RANK = { whole: 7, prefix: 6, rest: 5, pair: 4, given: 3, partial: 2, fuzzy: 1 } as const;

/**
 * One lateral index probe per key, each stopping at `cap` rows: with the keys as one `= any(array)`
 * the planner expects a thousand keys to match a province and reads the table whole.
 */
function probes(
  areas: AreaRange[] | undefined,
  rank: number,
  keys: RawBuilder<unknown>,
  match: RawBuilder<unknown>,
  cond: RawBuilder<unknown>,
  cap: number,
): RawBuilder<unknown> {
  // Each part is numbered with its cap, so the answer can tell whether a part stopped at its cap.
  return perArea(areas, (area) => {
    const part = nextPart++;
    return sql`select x.id, ${sql.lit(rank)} as rank, ${sql.lit(part)} as part, ${sql.lit(cap)} as cap from ${keys}
      cross join lateral (select r.id from resident r where ${match} ${area} and ${cond} limit ${cap}) x
      limit ${cap}`;
  });
}

/** Numbers the probe parts of a statement (only their distinctness matters). */
let nextPart = 0;

/** Keys and the ends of their prefix ranges, as an unnest() of two columns. */
function prefixKeys(words: string[], alias = 'k'): RawBuilder<unknown> {
  return sql`unnest(${words}::text[], ${words.map(prefixEnd)}::text[]) as ${sql.raw(alias)}(word, word_end)`;
}

/**
 * The candidates of a name search, every stage in one statement (a resident met by several stages
 * keeps the best rank, so no one appears twice across pages), then ranked: stage, then how many typed
 * words the name holds as written (diacritics, characters), then trigram similarity of the folded
 * names, then the searcher's own commune (or district), then recent activity; the id last, for a
 * stable cursor. Prefixes are ranges with the leakproof text_pattern operators: under row-level
 * security a LIKE (not leakproof) cannot be an index condition and turns into a sequential scan.
 * A trigram scan is not used: Vietnamese names share most trigrams ("nguyen van ..."), so its bitmap
 * covers a province (see the performance anchors).
 */
export async function searchNameCandidates(
  db: Db,
  s: NameStages,
  f: ResidentFilter,
  areas: AreaRange[] | undefined,
  limit: number,
  caps: { whole: number; other: number },
  after?: RankPosition,
  /**
   * Only the near-miss stage (`s.fuzzy`), leaving out `excluded` (the residents the other stages
   * found): the second step of a first page whose other stages did not fill it.
   */
  only?: { fuzzy: true; excluded: string[] },
): Promise<StageRows & { capped: boolean }> {
  const cond = residentConditions(f);
  const cap = caps.other;
  // The later stages leave out the names the whole-name stages hold, so a probe's cap counts only
  // names of its own stage (a common name's exact matches would otherwise fill every probe).
  const laterThanWholes =
    s.wholes.length > 0
      ? sql`${cond} and r.name_key <> all(${s.wholes}::text[]) and not exists (select 1 from ${prefixKeys(s.prefixes, 'w')}
          where r.name_key ~>=~ w.word and r.name_key ~<~ w.word_end)`
      : cond;
  const later =
    only && only.excluded.length > 0
      ? sql`${laterThanWholes} and r.id <> all(${only.excluded}::uuid[])`
      : laterThanWholes;
  type KeyColumn = 'name_key' | 'rest_key' | 'given_key';
  // One probe set per stage that has keys: equality on a key column, or its prefix ranges.
  const exactOn = (
    column: KeyColumn,
    words: string[],
    rank: number,
    c: RawBuilder<unknown>,
    capOf: number,
  ) =>
    words.length === 0
      ? undefined
      : probes(
          areas,
          rank,
          sql`unnest(${words}::text[]) as k(word)`,
          sql`${sql.ref(`r.${column}`)} = k.word`,
          c,
          capOf,
        );
  const prefixOn = (
    column: KeyColumn,
    words: string[],
    rank: number,
    c: RawBuilder<unknown>,
    extra = sql``,
  ) => {
    const col = sql.ref(`r.${column}`);
    return words.length === 0
      ? undefined
      : probes(
          areas,
          rank,
          prefixKeys(words),
          sql`${col} ~>=~ k.word and ${col} ~<~ k.word_end ${extra}`,
          c,
          cap,
        );
  };
  const pairsOn = (pairs: { family: string; given: string }[], rank: number, asPrefix: boolean) =>
    pairs.length === 0
      ? undefined
      : asPrefix
        ? probes(
            areas,
            rank,
            sql`unnest(${pairs.map((p) => p.family)}::text[], ${pairs.map((p) => p.given)}::text[], ${pairs.map((p) => prefixEnd(p.given))}::text[]) as k(family, word, word_end)`,
            sql`r.given_key ~>=~ k.word and r.given_key ~<~ k.word_end and r.family_key = k.family`,
            later,
            cap,
          )
        : probes(
            areas,
            rank,
            sql`unnest(${pairs.map((p) => p.family)}::text[], ${pairs.map((p) => p.given)}::text[]) as k(family, word)`,
            sql`r.given_key = k.word and r.family_key = k.family`,
            later,
            cap,
          );
  const fuzzy = s.fuzzy;
  const branches = [
    ...(only ? [] : otherStages()),
    ...(fuzzy
      ? [
          exactOn('name_key', fuzzy.wholes, STAGE_RANK.fuzzy, later, cap),
          pairsOn(fuzzy.pairs, STAGE_RANK.fuzzy, false),
          exactOn('given_key', fuzzy.givens, STAGE_RANK.fuzzy, later, cap),
        ]
      : []),
  ].filter((b): b is RawBuilder<unknown> => b !== undefined);
  function otherStages() {
    return [
      exactOn('name_key', s.wholes, STAGE_RANK.whole, cond, caps.whole),
      prefixOn('name_key', s.prefixes, STAGE_RANK.prefix, cond, sql`and r.name_key <> k.word`),
      prefixOn('rest_key', s.rests, STAGE_RANK.rest, later),
      pairsOn(s.pairs, STAGE_RANK.pair, true),
      prefixOn('given_key', s.givens, STAGE_RANK.given, later),
      prefixOn('name_key', s.partials, STAGE_RANK.partial, later),
    ];
  }
  if (branches.length === 0) return { rows: [], count: 0, capped: false };
  // The count is of the whole candidate set (every page); the one row with no resident carries it
  // when no candidate is left after the cursor.
  const result = await sql<RankedRow & { candidates: number; capped: boolean }>`
    with candidates as materialized (${sql.join(
      branches.map((b) => sql`(${b})`),
      sql` union all `,
    )}),
    ranked as (select id, max(rank) as rank from candidates group by id),
    scored as (
      select k.id, k.rank,
        (select count(*) from unnest(${s.spelled}::text[]) w
          where strpos(' ' || lower(r.full_name) || ' ', ' ' || w || ' ') > 0
             or (w ~ '[一-鿿]' and strpos(r.full_name, w) > 0)) * 1000000.0
        + round(similarity(r.name_key, ${s.key}) * 1000) * 100
        + coalesce((select max(nlevel(h)) from unnest(${s.homes}::ltree[]) h where r.area_path <@ h), 0)
          as score,
        floor(extract(epoch from r.updated_at) * 1000000)::float8 as activity
      from ranked k join resident r on r.id = k.id
    ),
    best as (
      select * from scored where ${afterRank(after)}
      order by rank desc, score desc, activity desc, id
      limit ${limit}
    )
    select r.*, b.rank, b.score, b.activity, c.n as candidates,
      exists (select 1 from candidates group by part having count(*) >= max(cap)) as capped
    from (select count(*) as n from ranked) c
    left join best b on true left join resident r on r.id = b.id
    order by b.rank desc, b.score desc, b.activity desc, b.id`.execute(db);
  return {
    rows: result.rows.filter((r) => r.id !== null),
    count: Number(result.rows[0]?.candidates ?? 0),
    capped: result.rows[0]?.capped === true,
  };
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

/** The readings of typed Chinese characters, from the table the name keys are made with. */
export async function hanReadings(db: Db, chars: string[]): Promise<Map<string, HanReading>> {
  const result = await sql<{ ch: string; reading: string; surname_reading: string }>`
    select ch, reading, surname_reading from han_reading where ch = any(${chars}::text[])`.execute(db);
  return new Map(result.rows.map((r) => [r.ch, { reading: r.reading, surname: r.surname_reading }]));
}

/** A stored name word a typed one may stand for, and how many edits apart they are. */
export interface NearWord {
  word: string;
  edits: number;
}

/** Words a typed word may stand for: at most this many, nearest first. */
const NEAR_WORDS_PER_WORD = 30;

/**
 * The name words (`name_word`: every word the stored names are made of) within `maxEdits` of each
 * typed word, itself excluded, nearest first: a short list whatever the population, so the distance is
 * computed for each word of similar length. With them, which of `known` are stored name words (one
 * index probe each, in the same statement): a near-miss key with a word no stored name holds cannot
 * match, and need not be probed.
 */
export async function nameWordsNear(
  db: Db,
  typed: readonly { word: string; maxEdits: number }[],
  known: readonly string[] = [],
): Promise<{ near: Map<string, NearWord[]>; stored: Set<string> }> {
  const near = new Map<string, NearWord[]>();
  const stored = new Set<string>();
  if (typed.length === 0 && known.length === 0) return { near, stored };
  const result = await sql<{ typed: string | null; word: string; edits: number }>`
    select q.typed, n.word, n.edits
    from unnest(${typed.map((t) => t.word)}::text[], ${typed.map((t) => t.maxEdits)}::int[]) as q(typed, max_edits)
    cross join lateral (
      select w.word, levenshtein_less_equal(w.word, q.typed, q.max_edits) as edits
      from name_word w
      where length(w.word) between length(q.typed) - q.max_edits and length(q.typed) + q.max_edits
        and w.word <> q.typed
        and levenshtein_less_equal(w.word, q.typed, q.max_edits) <= q.max_edits
      order by edits, w.word
      limit ${NEAR_WORDS_PER_WORD}
    ) n
    union all
    select null, w.word, 0 from name_word w where w.word = any(${[...known]}::text[])`.execute(db);
  for (const r of result.rows) {
    if (r.typed === null) stored.add(r.word);
    else near.set(r.typed, [...(near.get(r.typed) ?? []), { word: r.word, edits: Number(r.edits) }]);
  }
  return { near, stored };
}
