import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type {
  OutreachAttemptRow,
  OutreachAttemptTable,
  ProgrammeDueTable,
  ProgrammeInvalidDoseTable,
  ProgrammeRiskTable,
} from './due.table.ts';

/**
 * The due store's SQL, db first. The derived tables (programme_due, programme_risk,
 * programme_invalid_dose) are written only by the recompute, as the owner; reads run under the
 * caller's scope (row-level security).
 */

/** A recompute replaces what it derived for these residents. */
export async function deleteDerived(db: Db, residentIds: readonly string[]): Promise<void> {
  if (residentIds.length === 0) return;
  const ids = [...residentIds];
  await db.deleteFrom('programme_due').where('resident_id', 'in', ids).execute();
  await db.deleteFrom('programme_risk').where('resident_id', 'in', ids).execute();
  await db.deleteFrom('programme_invalid_dose').where('resident_id', 'in', ids).execute();
}

const CHUNK = 5000;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Many windows in one statement per 5,000 (the rows travel as one JSON parameter). */
export async function insertDueRows(db: Db, rows: readonly ProgrammeDueTable[]): Promise<void> {
  for (const part of chunks(rows)) {
    await sql`
      insert into programme_due (id, resident_id, programme_id, kind, item_id, episode_id, due_from,
        earliest_on, overdue_after, expires_on, done_on, done_by, come_on, closed_on, last_outcome,
        last_note, last_attempt_at, area_path, computed_at)
      select x.id, x.resident_id, x.programme_id, x.kind, x.item_id, x.episode_id, x.due_from,
        x.earliest_on, x.overdue_after, x.expires_on, x.done_on, x.done_by, x.come_on, x.closed_on,
        x.last_outcome, x.last_note, x.last_attempt_at, x.area_path::ltree, x.computed_at
      from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as x(id uuid, resident_id uuid,
        programme_id text, kind text, item_id text, episode_id text, due_from date, earliest_on date,
        overdue_after date, expires_on date, done_on date, done_by text, come_on date, closed_on date,
        last_outcome text, last_note text, last_attempt_at timestamptz, area_path text,
        computed_at timestamptz)`.execute(db);
  }
}

export async function insertRiskRows(db: Db, rows: readonly ProgrammeRiskTable[]): Promise<void> {
  for (const part of chunks(rows)) {
    await sql`
      insert into programme_risk (resident_id, last_systolic, last_diastolic, last_bp_on,
        cardiovascular_event, area_path, computed_at)
      select x.resident_id, x.last_systolic, x.last_diastolic, x.last_bp_on, x.cardiovascular_event,
        x.area_path::ltree, x.computed_at
      from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as x(resident_id uuid,
        last_systolic numeric, last_diastolic numeric, last_bp_on date, cardiovascular_event boolean,
        area_path text, computed_at timestamptz)`.execute(db);
  }
}

export async function insertInvalidDoseRows(
  db: Db,
  rows: readonly ProgrammeInvalidDoseTable[],
): Promise<void> {
  for (const part of chunks(rows)) {
    await sql`
      insert into programme_invalid_dose (resident_id, dose_id, programme_id, item_id, reason,
        valid_from, area_path, computed_at)
      select x.resident_id, x.dose_id, x.programme_id, x.item_id, x.reason, x.valid_from,
        x.area_path::ltree, x.computed_at
      from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as x(resident_id uuid, dose_id uuid,
        programme_id text, item_id text, reason text, valid_from date, area_path text,
        computed_at timestamptz)
      on conflict do nothing`.execute(db);
  }
}

/** Every outreach attempt of these residents, oldest first (the recompute applies the latest per window). */
export function attemptRowsOf(db: Db, residentIds: readonly string[]): Promise<OutreachAttemptRow[]> {
  if (residentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('outreach_attempt')
    .selectAll()
    .where('resident_id', 'in', [...residentIds])
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export function findAttemptRow(db: Db, id: string): Promise<OutreachAttemptRow | undefined> {
  return db.selectFrom('outreach_attempt').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAttemptRow(db: Db, row: OutreachAttemptTable): Promise<void> {
  await db.insertInto('outreach_attempt').values(row).execute();
}

/** A merge: the duplicate's attempts go to the survivor (its id and place). */
export async function moveAttempts(
  db: Db,
  fromId: string,
  to: { id: string; areaPath: string },
): Promise<string[]> {
  const moved = await db
    .updateTable('outreach_attempt')
    .set({ resident_id: to.id, area_path: to.areaPath })
    .where('resident_id', '=', fromId)
    .returning('id')
    .execute();
  return moved.map((r) => r.id);
}

/** A merge undone: exactly these attempts back to the duplicate. */
export async function unmoveAttempts(
  db: Db,
  ids: readonly string[],
  from: { id: string; areaPath: string },
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outreach_attempt')
    .set({ resident_id: from.id, area_path: from.areaPath })
    .where('id', 'in', [...ids])
    .execute();
}
