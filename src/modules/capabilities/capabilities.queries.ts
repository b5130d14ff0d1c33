import type { Db } from '../../platform/db/database.ts';
import type {
  FacilityEquipmentRow,
  FacilityServiceRow,
  NewFacilityEquipmentRow,
  NewFacilityServiceRow,
} from './capabilities.table.ts';

/** Inserts a declaration unless its id exists; answers the row when it was inserted. */
export function insertServiceRow(
  db: Db,
  row: NewFacilityServiceRow,
): Promise<FacilityServiceRow | undefined> {
  return db
    .insertInto('facility_service')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function findServiceRow(db: Db, id: string): Promise<FacilityServiceRow | undefined> {
  return db.selectFrom('facility_service').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every declaration of these facilities (a facility has tens to hundreds: its whole history). */
export function serviceRowsOf(db: Db, facilityIds: readonly string[]): Promise<FacilityServiceRow[]> {
  if (facilityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('facility_service')
    .selectAll()
    .where('facility_id', 'in', [...facilityIds])
    .orderBy('since', 'desc')
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function insertEquipmentRow(
  db: Db,
  row: NewFacilityEquipmentRow,
): Promise<FacilityEquipmentRow | undefined> {
  return db
    .insertInto('facility_equipment')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function findEquipmentRow(db: Db, id: string): Promise<FacilityEquipmentRow | undefined> {
  return db.selectFrom('facility_equipment').selectAll().where('id', '=', id).executeTakeFirst();
}

export function equipmentRowsOf(db: Db, facilityIds: readonly string[]): Promise<FacilityEquipmentRow[]> {
  if (facilityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('facility_equipment')
    .selectAll()
    .where('facility_id', 'in', [...facilityIds])
    .orderBy('as_of', 'desc')
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Many declarations at once (the demo, an import): multi-row inserts of at most 1,000 rows. */
export async function insertServiceRows(db: Db, rows: readonly NewFacilityServiceRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('facility_service')
      .values(rows.slice(i, i + 1000))
      .execute();
}

export async function insertEquipmentRows(db: Db, rows: readonly NewFacilityEquipmentRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('facility_equipment')
      .values(rows.slice(i, i + 1000))
      .execute();
}

/**
 * The latest declaration of each (facility, service, date) and count of each (facility, item, date) of
 * these facilities: what a re-run import compares against. Two reads, one per table.
 */
export async function currentCapabilityRows(
  db: Db,
  facilityIds: readonly string[],
): Promise<{ services: FacilityServiceRow[]; equipment: FacilityEquipmentRow[] }> {
  if (facilityIds.length === 0) return { services: [], equipment: [] };
  const ids = [...facilityIds];
  const [services, equipment] = await Promise.all([
    db
      .selectFrom('facility_service')
      .selectAll()
      .distinctOn(['facility_id', 'service_code', 'since'])
      .where('facility_id', 'in', ids)
      .orderBy('facility_id')
      .orderBy('service_code')
      .orderBy('since')
      .orderBy('recorded_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('facility_equipment')
      .selectAll()
      .distinctOn(['facility_id', 'item_code', 'as_of'])
      .where('facility_id', 'in', ids)
      .orderBy('facility_id')
      .orderBy('item_code')
      .orderBy('as_of')
      .orderBy('recorded_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  ]);
  return { services, equipment };
}

/** The facilities with a declaration or a count, `limit` at a time after `after` (by id). */
export async function facilitiesWithCapabilities(
  db: Db,
  after: string | null,
  limit: number,
): Promise<string[]> {
  const page = (table: 'facility_service' | 'facility_equipment') => {
    let q = db.selectFrom(table).select('facility_id').distinct().orderBy('facility_id').limit(limit);
    if (after) q = q.where('facility_id', '>', after);
    return q.execute();
  };
  const [a, b] = await Promise.all([page('facility_service'), page('facility_equipment')]);
  return [...new Set([...a, ...b].map((r) => r.facility_id))].sort().slice(0, limit);
}
