import { type Expression, type SqlBool, sql } from 'kysely';
import { countUpTo } from '../../platform/db/count.ts';
import type { Db } from '../../platform/db/database.ts';
import type { SortedWindow, Total } from '../../platform/http/pagination.ts';
import type { AreaPopulationRow, AreaRow, NewAreaRow } from './areas.table.ts';

/** An area row with its parent's code, as lists and details show it. */
export type AreaWithParent = AreaRow & { parent_code: string | null };

/** Every column but the boundary's (lists and lookups never need it, and it is the heavy one). */
const AREA_COLUMNS = [
  'id',
  'code',
  'name',
  'level',
  'parent_id',
  'path',
  'latitude',
  'longitude',
  'active',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof AreaRow)[];

function selectAreas(db: Db) {
  return db
    .selectFrom('area as a')
    .leftJoin('area as p', 'p.id', 'a.parent_id')
    .select(AREA_COLUMNS.map((c) => `a.${c}` as const))
    .select('p.code as parent_code');
}

/** `path <@ within`: the area at `within` and everything below it (GiST index on path). */
export function pathWithin(column: string, within: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} <@ ${within}::ltree`;
}

/** A LIKE pattern that matches `q` anywhere, with LIKE's own wildcards in `q` taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, '\\$&')}%`;
}

export function findAreaRowById(db: Db, id: string): Promise<AreaWithParent | undefined> {
  return selectAreas(db).where('a.id', '=', id).executeTakeFirst();
}

export function findAreaRowByCode(db: Db, code: string): Promise<AreaWithParent | undefined> {
  return selectAreas(db).where('a.code', '=', code).executeTakeFirst();
}

export async function findAreaRowsByCodes(db: Db, codes: string[]): Promise<AreaWithParent[]> {
  if (codes.length === 0) return [];
  return selectAreas(db).where('a.code', 'in', codes).execute();
}

export async function findAreaRowsByIds(db: Db, ids: string[]): Promise<AreaRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('area').select(AREA_COLUMNS).where('id', 'in', ids).execute();
}

export interface AreaFilter extends SortedWindow<'code' | 'name'> {
  level?: string;
  parentId?: string;
  withinPath?: string;
  q?: string;
  includeInactive?: boolean;
}

/** The areas matching a list's filters, before its cursor, order and limit. */
function filteredAreas(db: Db, f: AreaFilter) {
  let query = selectAreas(db);
  if (!f.includeInactive) query = query.where('a.active', '=', true);
  if (f.level) query = query.where('a.level', '=', f.level);
  if (f.parentId) query = query.where('a.parent_id', '=', f.parentId);
  if (f.withinPath) query = query.where(pathWithin('a.path', f.withinPath));
  if (f.q) {
    query = query.where(
      sql<SqlBool>`lower(f_unaccent(a.name)) like lower(f_unaccent(${containsPattern(f.q)}))`,
    );
  }
  return query;
}

/** One page of areas in (sort column, id) order, fetching one row more than asked to know if more follow. */
export function listAreaRows(db: Db, f: AreaFilter): Promise<AreaWithParent[]> {
  const col = f.sort === 'name' ? 'a.name' : 'a.code';
  let query = filteredAreas(db, f);
  const cursor = f.cursor;
  if (cursor) {
    const op = f.order === 'asc' ? '>' : '<';
    query = query.where(({ eb, refTuple, tuple }) =>
      eb(refTuple(col, 'a.id'), op, tuple(String(cursor.v), cursor.id)),
    );
  }
  return query
    .orderBy(col, f.order)
    .orderBy('a.id', f.order)
    .limit(f.limit + 1)
    .execute();
}

/** How many areas the list's filters match (capped: see `countUpTo`). */
export function countAreaRows(db: Db, f: AreaFilter): Promise<Total> {
  return countUpTo(db, filteredAreas(db, f));
}

export async function insertArea(db: Db, row: NewAreaRow): Promise<void> {
  await db.insertInto('area').values(row).execute();
}

export async function updateAreaRow(
  db: Db,
  id: string,
  patch: { name?: string; latitude?: number | null; longitude?: number | null; active?: boolean },
): Promise<void> {
  await db
    .updateTable('area')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Writes the figure of one area and year, replacing an earlier one. */
export async function upsertPopulation(db: Db, fig: AreaPopulationRow): Promise<void> {
  await db
    .insertInto('area_population')
    .values(fig)
    .onConflict((oc) =>
      oc.columns(['area_id', 'year']).doUpdateSet({ population: fig.population, households: fig.households }),
    )
    .execute();
}

export function populationSeries(db: Db, areaId: string): Promise<AreaPopulationRow[]> {
  return db.selectFrom('area_population').selectAll().where('area_id', '=', areaId).orderBy('year').execute();
}

export async function countActiveChildren(db: Db, id: string): Promise<number> {
  const row = await db
    .selectFrom('area')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Sums the lowest-level figures for a year in a subtree of active areas: an area's own figure counts
 * only when no active area below it has a figure for that year, so a commune and its villages are
 * never counted twice (same rule as `sumLowestFigures`).
 */
export async function sumPopulationIn(
  db: Db,
  path: string,
  year: number,
): Promise<{ population: number; households: number }> {
  const result = await sql<{ population: number | null; households: number | null }>`
    select sum(p.population)::bigint as population, sum(p.households)::bigint as households
    from area a
    join area_population p on p.area_id = a.id and p.year = ${year}
    where a.active and a.path <@ ${path}::ltree
      and not exists (
        select 1 from area c
        join area_population cp on cp.area_id = c.id and cp.year = ${year}
        where c.active and c.path <@ a.path and c.id <> a.id
      )`.execute(db);
  const row = result.rows[0];
  return { population: Number(row?.population ?? 0), households: Number(row?.households ?? 0) };
}

export function listAreaRowsAtLevel(db: Db, withinPath: string, level: string) {
  return db
    .selectFrom('area')
    .select(['id', 'code', 'name', 'path'])
    .where('level', '=', level)
    .where('active', '=', true)
    .where(pathWithin('path', withinPath))
    .orderBy('code')
    .execute();
}

/**
 * Active areas for the CSV export in path order (so every parent comes before its children), `limit`
 * after the path `afterPath`, each with its latest population figure.
 */
export function exportBatch(db: Db, afterPath: string | null, limit: number) {
  let query = db
    .selectFrom('area as a')
    .leftJoin('area as p', 'p.id', 'a.parent_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('area_population as ap')
          .select(['ap.year', 'ap.population', 'ap.households'])
          .whereRef('ap.area_id', '=', 'a.id')
          .orderBy('ap.year', 'desc')
          .limit(1)
          .as('pop'),
      (join) => join.onTrue(),
    )
    .select([
      'a.path',
      'a.code',
      'a.name',
      'a.level',
      'p.code as parent_code',
      'a.latitude',
      'a.longitude',
      'pop.year',
      'pop.population',
      'pop.households',
    ])
    .where('a.active', '=', true)
    .orderBy('a.path')
    .limit(limit);
  if (afterPath !== null) query = query.where(sql<SqlBool>`a.path > ${afterPath}::ltree`);
  return query.execute();
}
