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
