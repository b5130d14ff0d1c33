import { type RawBuilder, type SqlBool, sql, type Updateable } from 'kysely';
import { countUpTo } from '../../platform/db/count.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Total } from '../../platform/http/pagination.ts';
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

/** The households matching a list's filters, before its cursor, order and limit. */
function filteredHouseholds(db: Db, f: HouseholdFilter) {
  let query = db.selectFrom('household').selectAll();
  if (!f.includeInactive) query = query.where('active', '=', true);
  if (f.withinPath) query = query.where(sql<SqlBool>`area_path <@ ${f.withinPath}::ltree`);
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    query = query.where(
      sql<SqlBool>`(lower(f_unaccent(address)) like lower(f_unaccent(${pattern})) or code ilike ${pattern})`,
    );
  }
  return query;
}

/** One keyset page of households in id (creation) order, plus one row to tell whether more follow. */
export function listHouseholdRows(db: Db, f: HouseholdFilter): Promise<HouseholdRow[]> {
  let query = filteredHouseholds(db, f);
  if (f.afterId) query = query.where('id', '>', f.afterId);
  return query
    .orderBy('id')
    .limit(f.limit + 1)
    .execute();
}

/** How many households the list's filters match (capped: see `countUpTo`). */
export function countHouseholdRows(db: Db, f: HouseholdFilter): Promise<Total> {
  return countUpTo(db, filteredHouseholds(db, f));
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

/** The filters as one SQL condition on `r` (the resident table's alias), for the list and the search. */
export function residentConditions(f: ResidentFilter): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [sql`r.merged_into_id is null`];
  if (!f.includeInactive) parts.push(sql`r.active`);
  if (f.withinPath) parts.push(sql`r.area_path <@ ${f.withinPath}::ltree`);
  if (f.birthYear !== undefined) parts.push(sql`r.birth_year = ${f.birthYear}`);
  if (f.householdId) parts.push(sql`r.household_id = ${f.householdId}`);
  if (f.status) parts.push(sql`r.status = ${f.status}`);
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** How many residents the list's filters match (capped: see `countUpTo`). */
export function countResidentRows(db: Db, f: ResidentFilter): Promise<Total> {
  return countUpTo(db, sql`select 1 from resident r where ${residentConditions(f)}`);
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
