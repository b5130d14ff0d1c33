import { type RawBuilder, type SqlBool, sql, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type {
  HouseholdRow,
  NewHouseholdRow,
  NewResidentRow,
  ResidentMergeRow,
  ResidentRow,
  ResidentStatusChangeRow,
  ResidentTable,
} from './residents.table.ts';

/** A LIKE pattern with LIKE's own wildcards in `s` taken literally. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, '\\$&');
}

// ---- households ----

export function findHouseholdRowById(db: Db, id: string): Promise<HouseholdRow | undefined> {
  return db.selectFrom('household').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findHouseholdRowByCode(db: Db, code: string): Promise<HouseholdRow | undefined> {
  return db.selectFrom('household').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function householdRowsByCodes(db: Db, codes: string[]): Promise<HouseholdRow[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('household').selectAll().where('code', 'in', codes).execute();
}

/** Household addresses by id, for lists of residents (one read per page). */
export async function householdAddresses(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('household')
    .select(['id', 'address'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((h) => [h.id, h.address]));
}

export async function insertHousehold(db: Db, row: NewHouseholdRow): Promise<void> {
  await db.insertInto('household').values(row).execute();
}

export async function updateHouseholdRow(
  db: Db,
  id: string,
  patch: Partial<Omit<HouseholdRow, 'id' | 'created_at' | 'updated_at'>>,
): Promise<void> {
  await db
    .updateTable('household')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export interface HouseholdFilter {
  withinPath?: string;
  q?: string;
  includeInactive?: boolean;
  limit: number;
  afterId?: string;
}

/** One keyset page of households in id (creation) order, plus one row to tell whether more follow. */
export function listHouseholdRows(db: Db, f: HouseholdFilter): Promise<HouseholdRow[]> {
  let query = db.selectFrom('household').selectAll();
  if (!f.includeInactive) query = query.where('active', '=', true);
  if (f.withinPath) query = query.where(sql<SqlBool>`area_path <@ ${f.withinPath}::ltree`);
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    query = query.where(
      sql<SqlBool>`(lower(f_unaccent(address)) like lower(f_unaccent(${pattern})) or code ilike ${pattern})`,
    );
  }
  if (f.afterId) query = query.where('id', '>', f.afterId);
  return query
    .orderBy('id')
    .limit(f.limit + 1)
    .execute();
}

// ---- residents ----

export function findResidentRowById(db: Db, id: string, forUpdate = false): Promise<ResidentRow | undefined> {
  const query = db.selectFrom('resident').selectAll().where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

export function findResidentByCitizenId(db: Db, citizenId: string): Promise<ResidentRow | undefined> {
  return db.selectFrom('resident').selectAll().where('citizen_id', '=', citizenId).executeTakeFirst();
}

export function findResidentByCode(db: Db, code: string): Promise<ResidentRow | undefined> {
  return db.selectFrom('resident').selectAll().where('code', '=', code).executeTakeFirst();
}

export function householdMembers(db: Db, householdId: string): Promise<ResidentRow[]> {
  return db
    .selectFrom('resident')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('merged_into_id', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertResident(db: Db, row: NewResidentRow): Promise<void> {
  await db.insertInto('resident').values(row).execute();
}

export type ResidentPatch = Omit<Updateable<ResidentTable>, 'id' | 'created_at' | 'updated_at'>;

export async function updateResidentRow(db: Db, id: string, patch: ResidentPatch): Promise<void> {
  await db
    .updateTable('resident')
    .set({ ...patch, updated_at: new Date() } as never)
    .where('id', '=', id)
    .execute();
}

/** Common filters of the resident list and search. */
export interface ResidentFilter {
  withinPath?: string;
  birthYear?: number;
  householdId?: string;
  status?: string;
  includeInactive?: boolean;
}

function residentConditions(f: ResidentFilter): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [sql`r.merged_into_id is null`];
  if (!f.includeInactive) parts.push(sql`r.active`);
  if (f.withinPath) parts.push(sql`r.area_path <@ ${f.withinPath}::ltree`);
  if (f.birthYear !== undefined) parts.push(sql`r.birth_year = ${f.birthYear}`);
  if (f.householdId) parts.push(sql`r.household_id = ${f.householdId}`);
  if (f.status) parts.push(sql`r.status = ${f.status}`);
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** One keyset page of residents by normalised name, then id. */
export async function listResidentRows(
  db: Db,
  f: ResidentFilter & { limit: number; after?: { key: string; id: string } },
): Promise<ResidentRow[]> {
  const after = f.after ? sql`and (r.name_key, r.id) > (${f.after.key}, ${f.after.id}::uuid)` : sql``;
  const result = await sql<ResidentRow>`
    select r.* from resident r
    where ${residentConditions(f)} ${after}
    order by r.name_key, r.id
    limit ${f.limit + 1}`.execute(db);
  return result.rows;
}

export type RankedRow = ResidentRow & { rank: number; similarity: number };

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

/** Residents by citizen id, phone, external code or insurance card (indexed equality lookups, one branch each). */
export async function searchByIdentifier(
  db: Db,
  keys: IdentifierKeys,
  f: ResidentFilter,
  limit: number,
): Promise<RankedRow[]> {
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
  const result = await sql<RankedRow>`
    with found as (${sql.join(branches, sql` union `)})
    select r.*, 1 as rank, 1 as similarity from found join resident r on r.id = found.id
    order by r.name_key, r.id
    limit ${limit}`.execute(db);
  return result.rows;
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
): Promise<RankedRow[]> {
  const result = await sql<RankedRow>`
    with candidates as materialized (${candidates}),
    best as (
      select id, max(rank) as rank, min(name_key) as name_key, max(similarity(name_key, ${key})) as similarity
      from candidates group by id
      order by rank desc, similarity desc, name_key, id
      limit ${limit}
    )
    select r.*, b.rank, b.similarity
    from best b join resident r on r.id = b.id
    order by b.rank desc, b.similarity desc, r.name_key, r.id`.execute(db);
  return result.rows;
}

/**
 * Residents whose normalised name is exactly the typed one ("nguyen van an" -> Nguyễn Văn An), in
 * the given areas, at most `limit`: an index range scan that reads only matching entries.
 */
export async function searchExactName(
  db: Db,
  key: string,
  f: ResidentFilter,
  areas: AreaRange[] | undefined,
  limit: number,
): Promise<RankedRow[]> {
  const cond = residentConditions(f);
  const result = await sql<RankedRow>`
    select * from (${perArea(
      areas,
      (area) => sql`select r.*, 3 as rank, 1 as similarity from resident r
        where r.name_key = ${key} ${area} and ${cond} limit ${limit}`,
    )}) found
    order by id
    limit ${limit}`.execute(db);
  return result.rows;
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
): Promise<RankedRow[]> {
  const cond = residentConditions(f);
  // Prefixes as ranges with the leakproof text_pattern operators: under row-level security a LIKE
  // (not leakproof) cannot be used as an index condition and turns into a sequential scan.
  const keyEnd = prefixEnd(t.key);
  const givenEnd = prefixEnd(t.given);
  const family = t.tokens > 1 ? sql`and r.family_key = ${t.family}` : sql``;
  const candidates = sql`
    ${perArea(
      areas,
      (area) => sql`select r.id, 2 as rank, r.name_key from resident r
        where r.name_key ~>=~ ${t.key} and r.name_key ~<~ ${keyEnd} and r.name_key <> ${t.key} ${area} and ${cond}
        limit ${cap}`,
    )}
    union all
    ${perArea(
      areas,
      (area) => sql`select r.id, 1 as rank, r.name_key from resident r
        where r.given_key ~>=~ ${t.given} and r.given_key ~<~ ${givenEnd} ${family} ${area} and ${cond}
        limit ${cap}`,
    )}`;
  return rankCandidates(db, candidates, t.key, limit);
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
): Promise<RankedRow[]> {
  const cond = residentConditions(f);
  // One index probe per variant (a lateral subquery with its own limit): with the variants as one
  // `= any(array)` the planner expects a thousand keys to match a province and reads the table whole.
  const probes = (words: string[], match: RawBuilder<unknown>) =>
    perArea(
      areas,
      (area) => sql`select x.id, 0 as rank, x.name_key from unnest(${words}::text[]) as k(word)
        cross join lateral (select r.id, r.name_key from resident r where ${match} ${area} and ${cond} limit ${cap}) x
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
  if (branches.length === 0) return [];
  return rankCandidates(db, sql.join(branches, sql` union all `), t.key, limit);
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

// ---- status history and merges ----

export async function insertStatusChanges(
  db: Db,
  rows: Omit<ResidentStatusChangeRow, 'recorded_at'>[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('resident_status_change').values(rows).execute();
}

export function statusHistoryRows(db: Db, residentId: string): Promise<ResidentStatusChangeRow[]> {
  return db
    .selectFrom('resident_status_change')
    .selectAll()
    .where('resident_id', '=', residentId)
    .orderBy('recorded_at')
    .orderBy('effective_on')
    .orderBy('id')
    .execute();
}

/** Moves status history rows from one resident to another; returns the ids moved. */
export async function moveStatusHistory(db: Db, fromId: string, toId: string): Promise<string[]> {
  const rows = await db
    .updateTable('resident_status_change')
    .set({ resident_id: toId })
    .where('resident_id', '=', fromId)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function restoreStatusHistory(db: Db, ids: string[], toId: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('resident_status_change').set({ resident_id: toId }).where('id', 'in', ids).execute();
}

export async function insertMerge(
  db: Db,
  row: Omit<ResidentMergeRow, 'merged_at' | 'undone_at' | 'undone_by'>,
): Promise<void> {
  await db
    .insertInto('resident_merge')
    .values({ ...row, snapshot: JSON.stringify(row.snapshot) })
    .execute();
}

export function findMergeRow(db: Db, id: string, forUpdate = false): Promise<ResidentMergeRow | undefined> {
  const query = db.selectFrom('resident_merge').selectAll().where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

export function mergesOf(db: Db, residentId: string): Promise<ResidentMergeRow[]> {
  return db
    .selectFrom('resident_merge')
    .selectAll()
    .where((eb) => eb.or([eb('survivor_id', '=', residentId), eb('merged_id', '=', residentId)]))
    .orderBy('merged_at')
    .execute();
}

export async function markMergeUndone(db: Db, id: string, by: string | null): Promise<void> {
  await db
    .updateTable('resident_merge')
    .set({ undone_at: new Date(), undone_by: by })
    .where('id', '=', id)
    .execute();
}

/** Households headed by a resident (for a merge to hand them over). */
export async function householdsHeadedBy(db: Db, residentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('household')
    .select('id')
    .where('head_resident_id', '=', residentId)
    .execute();
  return rows.map((r) => r.id);
}

export async function setHouseholdHeads(db: Db, ids: string[], headId: string | null): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('household')
    .set({ head_resident_id: headId, updated_at: new Date() })
    .where('id', 'in', ids)
    .execute();
}

/** A pair of likely duplicates as the database finds them. */
export interface DuplicateCandidate {
  a_id: string;
  b_id: string;
  same_citizen: boolean;
  similarity: number;
}

/**
 * Candidate pairs inside a subtree: the same identity number, or a similar normalised name (pg_trgm
 * similarity >= minSimilarity) born the same year in the same commune (ltree prefix of `depth`
 * labels). The birth-date rule on top of this is `duplicateReason` (pure).
 */
export async function duplicateCandidates(
  db: Db,
  withinPath: string,
  depth: number,
  minSimilarity: number,
  limit: number,
): Promise<DuplicateCandidate[]> {
  const result = await sql<DuplicateCandidate>`
    with pool as materialized (
      select id, citizen_id, name_key, birth_year, area_path from resident
      where area_path <@ ${withinPath}::ltree and merged_into_id is null and active
    )
    select a.id as a_id, b.id as b_id,
           (a.citizen_id is not null and a.citizen_id = b.citizen_id) as same_citizen,
           similarity(a.name_key, b.name_key) as similarity
    from pool a join pool b on a.id < b.id
     and (
       (a.citizen_id is not null and a.citizen_id = b.citizen_id)
       or (a.birth_year = b.birth_year
           and nlevel(a.area_path) >= ${depth} and nlevel(b.area_path) >= ${depth}
           and subpath(a.area_path, 0, ${depth}) = subpath(b.area_path, 0, ${depth})
           and similarity(a.name_key, b.name_key) >= ${minSimilarity})
     )
    order by a.id, b.id
    limit ${limit}`.execute(db);
  return result.rows;
}

export async function residentRowsByIds(db: Db, ids: string[]): Promise<ResidentRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('resident')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
}
