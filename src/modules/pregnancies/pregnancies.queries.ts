import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type {
  NewPregnancyAmendmentRow,
  NewPregnancyRow,
  PregnancyAmendmentRow,
  PregnancyRow,
  PregnancyTable,
} from './pregnancies.table.ts';

/** The pregnancy tables' SQL, db first. Every query runs under the caller's scope (row-level security). */

export function findPregnancyRow(db: Db, id: string): Promise<PregnancyRow | undefined> {
  return db.selectFrom('pregnancy').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The episode locked for the rest of the transaction: an outcome and an amendment of one pregnancy queue. */
export function lockPregnancyRow(db: Db, id: string): Promise<PregnancyRow | undefined> {
  return db.selectFrom('pregnancy').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertPregnancyRow(db: Db, row: NewPregnancyRow): Promise<void> {
  await db.insertInto('pregnancy').values(row).execute();
}

export async function updatePregnancyRow(
  db: Db,
  id: string,
  patch: Partial<Omit<PregnancyTable, 'id' | 'resident_id'>>,
): Promise<void> {
  await db.updateTable('pregnancy').set(patch).where('id', '=', id).execute();
}

/** A resident's pregnancies, oldest first, retracted ones included. */
export function pregnancyRowsOf(db: Db, residentId: string): Promise<PregnancyRow[]> {
  return db
    .selectFrom('pregnancy')
    .selectAll()
    .where('resident_id', '=', residentId)
    .orderBy('edd')
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

export function amendmentRowsOf(db: Db, residentId: string): Promise<PregnancyAmendmentRow[]> {
  return db
    .selectFrom('pregnancy_amendment')
    .selectAll()
    .where('resident_id', '=', residentId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

export function findAmendmentRow(db: Db, id: string): Promise<PregnancyAmendmentRow | undefined> {
  return db.selectFrom('pregnancy_amendment').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAmendmentRow(db: Db, row: NewPregnancyAmendmentRow): Promise<void> {
  await db.insertInto('pregnancy_amendment').values(row).execute();
}

/** The pregnancies in force of many residents (the programme engine's facts), oldest first. */
export function pregnancyFactRows(db: Db, residentIds: readonly string[]) {
  return db
    .selectFrom('pregnancy')
    .select(['id', 'resident_id', 'lmp', 'dated_by', 'edd', 'outcome', 'outcome_date'])
    .where('resident_id', 'in', [...residentIds])
    .where('retracted_by', 'is', null)
    .orderBy('resident_id')
    .orderBy('edd')
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

/** The ids of the open pregnancies (no outcome, in force) of a resident. */
export async function openPregnancyIds(db: Db, residentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('pregnancy')
    .select('id')
    .where('resident_id', '=', residentId)
    .where('outcome', 'is', null)
    .where('retracted_by', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

/** Many pregnancies at once for the demo: one multi-row INSERT per call, each row taking its resident's place. */
export async function insertPregnancyRows(
  db: Db,
  rows: readonly Omit<NewPregnancyRow, 'area_path' | 'recorded_at' | 'outcome_recorded_at'>[],
  recordedAt: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows);
  await sql`
    insert into pregnancy (id, resident_id, lmp, scan_date, scan_ga_days, dated_by, edd, outcome, outcome_date,
      outcome_note, outcome_fingerprint, outcome_recorded_by, outcome_recorded_at, note, fingerprint, retracted_by,
      recorded_by, recorded_at, area_path)
    select x.id, x.resident_id, x.lmp, x.scan_date, x.scan_ga_days, x.dated_by, x.edd, x.outcome, x.outcome_date,
      x.outcome_note, x.outcome_fingerprint, x.outcome_recorded_by,
      case when x.outcome is null then null else ${recordedAt}::timestamptz end,
      x.note, x.fingerprint, null, x.recorded_by, ${recordedAt}, r.area_path
    from jsonb_to_recordset(${json}::jsonb) as x(id uuid, resident_id uuid, lmp date, scan_date date,
      scan_ga_days integer, dated_by text, edd date, outcome text, outcome_date date, outcome_note text,
      outcome_fingerprint text, outcome_recorded_by uuid, note text, fingerprint text, recorded_by uuid)
    join resident r on r.id = x.resident_id`.execute(db);
}

/** A merge: the duplicate's pregnancies and amendments go to the survivor (its id and place). */
export async function movePregnancies(
  db: Db,
  fromId: string,
  to: { id: string; areaPath: string },
): Promise<string[]> {
  const moved = await db
    .updateTable('pregnancy')
    .set({ resident_id: to.id, area_path: to.areaPath })
    .where('resident_id', '=', fromId)
    .returning('id')
    .execute();
  const amendments = await db
    .updateTable('pregnancy_amendment')
    .set({ resident_id: to.id, area_path: to.areaPath })
    .where('resident_id', '=', fromId)
    .returning('id')
    .execute();
  return [...moved.map((r) => r.id), ...amendments.map((r) => r.id)];
}

/** A merge undone: exactly these pregnancies and amendments back to the duplicate. */
export async function unmovePregnancies(
  db: Db,
  ids: readonly string[],
  from: { id: string; areaPath: string },
): Promise<void> {
  if (ids.length === 0) return;
  for (const table of ['pregnancy', 'pregnancy_amendment'] as const)
    await db
      .updateTable(table)
      .set({ resident_id: from.id, area_path: from.areaPath })
      .where('id', 'in', [...ids])
      .execute();
}
