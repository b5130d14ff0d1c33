import { type Expression, type SqlBool, sql } from 'kysely';
import { countUpTo } from '../../platform/db/count.ts';
import type { Db } from '../../platform/db/database.ts';
import type { SortedWindow, Total } from '../../platform/http/pagination.ts';
import type {
  FacilityRow,
  FacilityStatus,
  FacilityStatusChangeRow,
  NewFacilityRow,
  Ownership,
} from './facilities.table.ts';

/** A facility row with its managing facility's code and name. */
export type FacilityWithManager = FacilityRow & { manager_code: string | null; manager_name: string | null };

function selectFacilities(db: Db) {
  return db
    .selectFrom('facility as f')
    .leftJoin('facility as m', 'm.id', 'f.managing_facility_id')
    .selectAll('f')
    .select(['m.code as manager_code', 'm.name as manager_name']);
}

/** `area_path <@ within`: facilities whose area is inside the subtree (GiST index). */
function inSubtree(within: string): Expression<SqlBool> {
  return sql<SqlBool>`f.area_path <@ ${within}::ltree`;
}

/** A LIKE pattern matching `q` anywhere, LIKE's own wildcards in `q` taken literally. */
function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, '\\$&')}%`;
}

export function findFacilityRowById(db: Db, id: string): Promise<FacilityWithManager | undefined> {
  return selectFacilities(db).where('f.id', '=', id).executeTakeFirst();
}

export function findFacilityRowByCode(db: Db, code: string): Promise<FacilityWithManager | undefined> {
  return selectFacilities(db).where('f.code', '=', code).executeTakeFirst();
}

export async function findFacilityRowsByCodes(db: Db, codes: string[]): Promise<FacilityRow[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('facility').selectAll().where('code', 'in', codes).execute();
}

export async function findFacilityRowsByIds(db: Db, ids: string[]): Promise<FacilityRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('facility').selectAll().where('id', 'in', ids).execute();
}

export interface FacilityFilter extends SortedWindow<'code' | 'name' | 'beds'> {
  kinds?: string[];
  tier?: string;
  /**
   * The effective level of care: facilities classified at `level`, and unclassified ones of the
   * kinds that usually have it (`kindsUsually`, from the profile).
   */
  careLevel?: { level: string; kindsUsually: string[] };
  ownership?: Ownership;
  status?: FacilityStatus;
  withinPath?: string;
  managedBy?: string;
  q?: string;
  includeInactive?: boolean;
}

/** The facilities matching a list's filters, before its cursor, order and limit. */
function filteredFacilities(db: Db, f: FacilityFilter) {
  let query = selectFacilities(db);
  if (!f.includeInactive) query = query.where('f.active', '=', true);
  if (f.kinds && f.kinds.length > 0) query = query.where('f.kind', 'in', f.kinds);
  if (f.tier) query = query.where('f.tier', '=', f.tier);
  if (f.careLevel) {
    const { level, kindsUsually } = f.careLevel;
    query = query.where(({ eb, and, or }) =>
      kindsUsually.length === 0
        ? eb('f.care_level', '=', level)
        : or([
            eb('f.care_level', '=', level),
            and([eb('f.care_level', 'is', null), eb('f.kind', 'in', kindsUsually)]),
          ]),
    );
  }
  if (f.ownership) query = query.where('f.ownership', '=', f.ownership);
  if (f.status) query = query.where('f.status', '=', f.status);
  if (f.withinPath) query = query.where(inSubtree(f.withinPath));
  if (f.managedBy) query = query.where('f.managing_facility_id', '=', f.managedBy);
  if (f.q) {
    const pattern = containsPattern(f.q);
    query = query.where(
      sql<SqlBool>`(lower(f_unaccent(f.name)) like lower(f_unaccent(${pattern})) or f.code ilike ${pattern})`,
    );
  }
  return query;
}

/** One keyset page of facilities in (sort column, id) order, plus one row to tell whether more follow. */
export function listFacilityRows(db: Db, f: FacilityFilter): Promise<FacilityWithManager[]> {
  const col = `f.${f.sort}` as const;
  let query = filteredFacilities(db, f);
  const cursor = f.cursor;
  if (cursor) {
    const op = f.order === 'asc' ? '>' : '<';
    const value = f.sort === 'beds' ? Number(cursor.v) : String(cursor.v);
    query = query.where(({ eb, refTuple, tuple }) =>
      eb(refTuple(col, 'f.id'), op, tuple(value as never, cursor.id)),
    );
  }
  return query
    .orderBy(col, f.order)
    .orderBy('f.id', f.order)
    .limit(f.limit + 1)
    .execute();
}

/** How many facilities the list's filters match (capped: see `countUpTo`). */
export function countFacilityRows(db: Db, f: FacilityFilter): Promise<Total> {
  return countUpTo(db, filteredFacilities(db, f));
}

export async function insertFacility(db: Db, row: NewFacilityRow): Promise<void> {
  await db.insertInto('facility').values(row).execute();
}

/** The columns an update may set. */
export interface FacilityPatch {
  name?: string;
  kind?: string;
  tier?: string;
  care_level?: string | null;
  ownership?: Ownership;
  managing_facility_id?: string | null;
  area_id?: string;
  area_path?: string;
  latitude?: number | null;
  longitude?: number | null;
  beds?: number;
  services?: string[];
  status?: FacilityStatus;
  active?: boolean;
}

export async function updateFacilityRow(db: Db, id: string, patch: FacilityPatch): Promise<void> {
  await db
    .updateTable('facility')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function insertStatusChange(
  db: Db,
  change: Omit<FacilityStatusChangeRow, 'recorded_at'>,
): Promise<void> {
  await db.insertInto('facility_status_change').values(change).execute();
}

export function statusHistory(db: Db, facilityId: string): Promise<FacilityStatusChangeRow[]> {
  return db
    .selectFrom('facility_status_change')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .orderBy('effective_on')
    .orderBy('recorded_at')
    .execute();
}

export function managedFacilities(db: Db, managerId: string) {
  return db
    .selectFrom('facility')
    .select(['id', 'code', 'name', 'kind', 'status', 'active'])
    .where('managing_facility_id', '=', managerId)
    .orderBy('code')
    .execute();
}

/** The ids up the management chain from `id` (itself first), stopping after 100 links. */
export async function managementChain(db: Db, id: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    with recursive chain (id, managing_facility_id, depth) as (
      select id, managing_facility_id, 1 from facility where id = ${id}
      union all
      select f.id, f.managing_facility_id, c.depth + 1
      from facility f join chain c on f.id = c.managing_facility_id
      where c.depth < 100
    )
    select id from chain order by depth`.execute(db);
  return result.rows.map((r) => r.id);
}

/** Facilities in a subtree, for other modules (capacity): by code. */
export function facilityRowsIn(db: Db, areaPath: string, opts: { kinds?: string[]; activeOnly?: boolean }) {
  let query = db.selectFrom('facility as f').selectAll('f').where(inSubtree(areaPath));
  if (opts.kinds && opts.kinds.length > 0) query = query.where('f.kind', 'in', opts.kinds);
  if (opts.activeOnly ?? true) query = query.where('f.active', '=', true);
  return query.orderBy('f.code').execute();
}

export async function sumOpenBedsIn(db: Db, areaPath: string): Promise<number> {
  const row = await db
    .selectFrom('facility as f')
    .select(sql<number>`coalesce(sum(f.beds), 0)::bigint`.as('beds'))
    .where(inSubtree(areaPath))
    .where('f.active', '=', true)
    .where('f.status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.beds);
}

export function countActiveByKind(db: Db, areaPath: string) {
  return db
    .selectFrom('facility as f')
    .select(['f.kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where(inSubtree(areaPath))
    .where('f.active', '=', true)
    .groupBy('f.kind')
    .orderBy('f.kind')
    .execute();
}

/**
 * Active facilities for the CSV export, `limit` after the key `after`, ordered by depth in the
 * management tree and then code, so that every managing facility comes before those it manages.
 */
export async function exportBatch(db: Db, after: { depth: number; code: string } | null, limit: number) {
  const result = await sql<FacilityRow & { depth: number; managing_code: string | null }>`
    with recursive tree (id, depth) as (
      select id, 0 from facility where managing_facility_id is null
      union all
      select f.id, t.depth + 1 from facility f join tree t on f.managing_facility_id = t.id
      where t.depth < 100
    )
    select f.*, t.depth, m.code as managing_code
    from facility f
    join tree t on t.id = f.id
    left join facility m on m.id = f.managing_facility_id
    where f.active
      ${after ? sql`and (t.depth, f.code) > (${after.depth}, ${after.code})` : sql``}
    order by t.depth, f.code
    limit ${limit}`.execute(db);
  return result.rows;
}
