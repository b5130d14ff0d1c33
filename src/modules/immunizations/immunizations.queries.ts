import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type {
  ImmunizationAmendmentRow,
  ImmunizationAmendmentTable,
  ImmunizationRow,
  NewImmunizationRow,
} from './immunizations.table.ts';

/** The immunization tables' SQL, db first. Every query runs under the caller's scope (row-level security). */

export function findImmunizationRow(db: Db, id: string): Promise<ImmunizationRow | undefined> {
  return db.selectFrom('immunization').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The dose locked for the rest of the transaction: two amendments of one dose queue. */
export function lockImmunizationRow(db: Db, id: string): Promise<ImmunizationRow | undefined> {
  return db.selectFrom('immunization').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertImmunizationRow(db: Db, row: NewImmunizationRow): Promise<void> {
  await db.insertInto('immunization').values(row).execute();
}

/** A resident's doses, oldest first, retracted ones included. */
export function immunizationRowsOf(db: Db, residentId: string): Promise<ImmunizationRow[]> {
  return db
    .selectFrom('immunization')
    .selectAll()
    .where('resident_id', '=', residentId)
    .orderBy('given_on')
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

export function amendmentRowsOf(db: Db, residentId: string): Promise<ImmunizationAmendmentRow[]> {
  return db
    .selectFrom('immunization_amendment')
    .selectAll()
    .where('resident_id', '=', residentId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

export function findAmendmentRow(db: Db, id: string): Promise<ImmunizationAmendmentRow | undefined> {
  return db.selectFrom('immunization_amendment').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAmendmentRow(db: Db, row: ImmunizationAmendmentTable): Promise<void> {
  await db.insertInto('immunization_amendment').values(row).execute();
}

export async function markRetracted(db: Db, id: string, amendmentId: string): Promise<void> {
  await db
    .updateTable('immunization')
    .set({ retracted_by: amendmentId })
    .where('id', '=', id)
    .where('retracted_by', 'is', null)
    .execute();
}

/** The doses in force of many residents (the programme engine's facts), oldest first. */
export function doseRowsOf(db: Db, residentIds: readonly string[]) {
  return db
    .selectFrom('immunization')
    .select(['id', 'resident_id', 'vaccine', 'given_on', 'dose_number', 'given_elsewhere'])
    .where('resident_id', 'in', [...residentIds])
    .where('retracted_by', 'is', null)
    .orderBy('resident_id')
    .orderBy('given_on')
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

/** Many doses at once for the demo: one multi-row INSERT per call, each row taking its resident's place. */
export async function insertImmunizationRows(
  db: Db,
  rows: readonly Omit<NewImmunizationRow, 'area_path' | 'recorded_at'>[],
  recordedAt: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows);
  await sql`
    insert into immunization (id, resident_id, vaccine, dose_number, lot, given_on, given_elsewhere,
      facility_id, place, note, fingerprint, amendment_id, retracted_by, recorded_by, recorded_at, area_path)
    select x.id, x.resident_id, x.vaccine, x.dose_number, x.lot, x.given_on, x.given_elsewhere,
      x.facility_id, x.place, x.note, x.fingerprint, null, null, x.recorded_by, ${recordedAt}, r.area_path
    from jsonb_to_recordset(${json}::jsonb) as x(id uuid, resident_id uuid, vaccine text, dose_number integer,
      lot text, given_on date, given_elsewhere boolean, facility_id uuid, place text, note text,
      fingerprint text, recorded_by uuid)
    join resident r on r.id = x.resident_id`.execute(db);
}

/** A merge: the duplicate's doses and amendments go to the survivor (its id and place). */
export async function moveImmunizations(
  db: Db,
  fromId: string,
  to: { id: string; areaPath: string },
): Promise<string[]> {
  const moved = await db
    .updateTable('immunization')
    .set({ resident_id: to.id, area_path: to.areaPath })
    .where('resident_id', '=', fromId)
    .returning('id')
    .execute();
  const amendments = await db
    .updateTable('immunization_amendment')
    .set({ resident_id: to.id, area_path: to.areaPath })
    .where('resident_id', '=', fromId)
    .returning('id')
    .execute();
  return [...moved.map((r) => r.id), ...amendments.map((r) => r.id)];
}

/** A merge undone: exactly these doses and amendments back to the duplicate. */
export async function unmoveImmunizations(
  db: Db,
  ids: readonly string[],
  from: { id: string; areaPath: string },
): Promise<void> {
  if (ids.length === 0) return;
  for (const table of ['immunization', 'immunization_amendment'] as const)
    await db
      .updateTable(table)
      .set({ resident_id: from.id, area_path: from.areaPath })
      .where('id', 'in', [...ids])
      .execute();
}

export async function setReplacement(db: Db, amendmentId: string, replacementId: string): Promise<void> {
  await db
    .updateTable('immunization_amendment')
    .set({ replacement_id: replacementId })
    .where('id', '=', amendmentId)
    .execute();
}
