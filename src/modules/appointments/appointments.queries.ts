import type { Db } from '../../platform/db/database.ts';
import type { AppointmentAmendmentRow, AppointmentRow, NewAppointmentRow } from './appointments.table.ts';

/** The appointments' SQL (db first); other modules go through index.ts. */

export function findAppointmentRow(db: Db, id: string): Promise<AppointmentRow | undefined> {
  return db.selectFrom('appointment').selectAll().where('id', '=', id.toLowerCase()).executeTakeFirst();
}

/** The appointment locked for its amendment (two amendments racing: one waits, then sees it ended). */
export function lockAppointmentRow(db: Db, id: string): Promise<AppointmentRow | undefined> {
  return db
    .selectFrom('appointment')
    .selectAll()
    .where('id', '=', id.toLowerCase())
    .forUpdate()
    .executeTakeFirst();
}

/** Inserts an appointment unless its id is taken; true when inserted. */
export async function insertAppointmentRow(db: Db, row: NewAppointmentRow): Promise<boolean> {
  const r = await db
    .insertInto('appointment')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

export function findAmendmentRow(db: Db, id: string): Promise<AppointmentAmendmentRow | undefined> {
  return db
    .selectFrom('appointment_amendment')
    .selectAll()
    .where('id', '=', id.toLowerCase())
    .executeTakeFirst();
}

export async function insertAmendmentRow(db: Db, row: AppointmentAmendmentRow): Promise<void> {
  await db.insertInto('appointment_amendment').values(row).execute();
}

export async function markEnded(db: Db, appointmentId: string, amendmentId: string): Promise<void> {
  await db
    .updateTable('appointment')
    .set({ ended_by: amendmentId })
    .where('id', '=', appointmentId)
    .where('ended_by', 'is', null)
    .execute();
}

/** The amendments that ended these appointments, by amendment id. */
export async function amendmentRowsByIds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, AppointmentAmendmentRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('appointment_amendment')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** A resident's appointments, by day, then id. */
export function appointmentRowsOf(db: Db, residentId: string): Promise<AppointmentRow[]> {
  return db
    .selectFrom('appointment')
    .selectAll()
    .where('resident_id', '=', residentId)
    .orderBy('on_date')
    .orderBy('id')
    .limit(500)
    .execute();
}

/** A facility's appointments on the days from `from` to `to`, by day, time, then id (at most `limit`). */
export function facilityAppointmentRows(
  db: Db,
  f: { facilityId: string; from: string; to: string; limit: number },
): Promise<AppointmentRow[]> {
  return db
    .selectFrom('appointment')
    .selectAll()
    .where('facility_id', '=', f.facilityId)
    .where('on_date', '>=', f.from)
    .where('on_date', '<=', f.to)
    .orderBy('on_date')
    .orderBy('at_time')
    .orderBy('id')
    .limit(f.limit)
    .execute();
}

/** A page of the appointments in force on the days from `from` to `to`, by id after `afterId`. */
export function upcomingAppointmentRows(
  db: Db,
  f: { from: string; to: string; afterId: string | null; limit: number },
): Promise<AppointmentRow[]> {
  let q = db
    .selectFrom('appointment')
    .selectAll()
    .where('ended_by', 'is', null)
    .where('on_date', '>=', f.from)
    .where('on_date', '<=', f.to);
  if (f.afterId) q = q.where('id', '>', f.afterId);
  return q.orderBy('id').limit(f.limit).execute();
}

/** Of these ids, the appointments still in force (not cancelled, not rescheduled). */
export async function inForceIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('appointment')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .where('ended_by', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** A merge: every appointment (and amendment) of `fromId` to the survivor; answers the ids moved. */
export async function moveAppointments(
  db: Db,
  fromId: string,
  to: { id: string; areaPath: string },
): Promise<string[]> {
  const moved = await db
    .updateTable('appointment')
    .set({ resident_id: to.id, area_path: to.areaPath })
    .where('resident_id', '=', fromId)
    .returning('id')
    .execute();
  const amendments = await db
    .updateTable('appointment_amendment')
    .set({ resident_id: to.id, area_path: to.areaPath })
    .where('resident_id', '=', fromId)
    .returning('id')
    .execute();
  return [...moved.map((r) => r.id), ...amendments.map((r) => r.id)];
}

/** A merge undone: exactly these appointments and amendments back to the duplicate. */
export async function unmoveAppointments(
  db: Db,
  ids: readonly string[],
  from: { id: string; areaPath: string },
): Promise<void> {
  if (ids.length === 0) return;
  for (const table of ['appointment', 'appointment_amendment'] as const)
    await db
      .updateTable(table)
      .set({ resident_id: from.id, area_path: from.areaPath })
      .where('id', 'in', [...ids])
      .execute();
}
