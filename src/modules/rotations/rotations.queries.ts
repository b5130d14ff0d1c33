import { type SqlBool, sql } from 'kysely';
import { countUpTo } from '../../platform/db/count.ts';
import type { Db } from '../../platform/db/database.ts';
import type { PageWindow, Total } from '../../platform/http/pagination.ts';
import type { NewRotationRow, RotationRow } from './rotations.table.ts';

// pg parses date[] into local-time Date objects; cast to text[] so dates stay 'YYYY-MM-DD' strings.
const COLUMNS = [
  'id',
  'worker_id',
  'home_facility_id',
  'host_facility_id',
  'host_area_path',
  'start_date',
  'end_date',
  'weekdays',
  'session',
  'note',
  'active',
  'created_at',
] as const;

function selectRotations(db: Db) {
  return db.selectFrom('rotation').select(COLUMNS).select(sql<string[]>`dates::text[]`.as('dates'));
}

export function findRotationRow(db: Db, id: string): Promise<RotationRow | undefined> {
  return selectRotations(db).where('id', '=', id).executeTakeFirst();
}

export async function insertRotation(db: Db, row: NewRotationRow): Promise<void> {
  await db.insertInto('rotation').values(row).execute();
}

export async function updateRotationRow(db: Db, id: string, changes: Partial<NewRotationRow>): Promise<void> {
  await db.updateTable('rotation').set(changes).where('id', '=', id).execute();
}

/** The worker's active rotations whose period overlaps [from, to]: the ones a new rotation may clash with. */
export function activeRotationsOfWorker(
  db: Db,
  workerId: string,
  from: string,
  to: string,
): Promise<RotationRow[]> {
  return selectRotations(db)
    .where('worker_id', '=', workerId)
    .where('active', '=', true)
    .where('start_date', '<=', to)
    .where('end_date', '>=', from)
    .orderBy('start_date')
    .orderBy('id')
    .execute();
}

export interface RotationFilter extends PageWindow {
  workerId?: string;
  facilityId?: string;
  areaPath?: string;
  from?: string;
  to?: string;
  includeInactive?: boolean;
}

/** The rotations matching a list's filters, before its cursor, order and limit. */
function filteredRotations(db: Db, f: RotationFilter) {
  let q = selectRotations(db);
  if (f.workerId) q = q.where('worker_id', '=', f.workerId);
  if (f.facilityId) {
    const id = f.facilityId;
    q = q.where((eb) => eb.or([eb('host_facility_id', '=', id), eb('home_facility_id', '=', id)]));
  }
  if (f.areaPath) q = q.where(sql<SqlBool>`host_area_path <@ ${f.areaPath}::ltree`);
  if (f.from) q = q.where('end_date', '>=', f.from);
  if (f.to) q = q.where('start_date', '<=', f.to);
  if (!f.includeInactive) q = q.where('active', '=', true);
  return q;
}

/** One keyset page of rotations ordered by start date then id; fetches `limit + 1` rows. */
export function listRotationRows(db: Db, f: RotationFilter): Promise<RotationRow[]> {
  let q = filteredRotations(db, f);
  if (f.cursor) {
    const op = f.order === 'asc' ? '>' : '<';
    const { v, id } = f.cursor;
    q = q.where((eb) => eb(eb.refTuple('start_date', 'id'), op, eb.tuple(String(v), id)));
  }
  return q
    .orderBy('start_date', f.order)
    .orderBy('id', f.order)
    .limit(f.limit + 1)
    .execute();
}

/** How many rotations the list's filters match (capped: see `countUpTo`). */
export function countRotationRows(db: Db, f: RotationFilter): Promise<Total> {
  return countUpTo(db, filteredRotations(db, f));
}

/** Active rotations where the facility is host or home and the period overlaps [from, to]. */
export function rotationsAtFacility(
  db: Db,
  facilityId: string,
  from: string,
  to: string,
): Promise<RotationRow[]> {
  return selectRotations(db)
    .where((eb) => eb.or([eb('host_facility_id', '=', facilityId), eb('home_facility_id', '=', facilityId)]))
    .where('active', '=', true)
    .where('start_date', '<=', to)
    .where('end_date', '>=', from)
    .execute();
}

/** Active rotations hosted in the area subtree whose period overlaps [from, to]. */
export function rotationsHostedIn(
  db: Db,
  areaPath: string,
  from: string,
  to: string,
): Promise<RotationRow[]> {
  return selectRotations(db)
    .where(sql<SqlBool>`host_area_path <@ ${areaPath}::ltree`)
    .where('active', '=', true)
    .where('start_date', '<=', to)
    .where('end_date', '>=', from)
    .execute();
}
