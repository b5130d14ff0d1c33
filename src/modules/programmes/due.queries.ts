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

/** What a recompute derived for a batch of residents: every row they now have. */
export interface DerivedRows {
  due: readonly ProgrammeDueTable[];
  risk: readonly ProgrammeRiskTable[];
  invalid: readonly ProgrammeInvalidDoseTable[];
}

const col = <T, V>(rows: readonly T[], pick: (r: T) => V) => rows.map(pick);
const instant = (d: Date | null) => (d === null ? null : d.toISOString());

/**
 * Makes these residents' derived rows exactly `rows`, set-wise: per table one statement whose rows
 * travel as column arrays (unnest), deleting the residents' rows that are gone and upserting the
 * others, where an unchanged row is left as it is (no new row version, no index write: a re-run after
 * a schedule change writes only the windows that moved). `computed_at` thus says when a row last
 * changed. A window's id is the hash of its key, so a window that stayed has the same id.
 */
export async function replaceDerived(
  db: Db,
  residentIds: readonly string[],
  rows: DerivedRows,
): Promise<void> {
  if (residentIds.length === 0) return;
  const ids = [...residentIds];
  const d = rows.due;
  await sql`
    with x as (
      select * from unnest(${col(d, (r) => r.id)}::uuid[], ${col(d, (r) => r.resident_id)}::uuid[],
        ${col(d, (r) => r.programme_id)}::text[], ${col(d, (r) => r.kind)}::text[],
        ${col(d, (r) => r.item_id)}::text[], ${col(d, (r) => r.episode_id)}::text[],
        ${col(d, (r) => r.due_from)}::date[], ${col(d, (r) => r.earliest_on)}::date[],
        ${col(d, (r) => r.overdue_after)}::date[], ${col(d, (r) => r.expires_on)}::date[],
        ${col(d, (r) => r.done_on)}::date[], ${col(d, (r) => r.done_by)}::text[],
        ${col(d, (r) => r.come_on)}::date[], ${col(d, (r) => r.closed_on)}::date[],
        ${col(d, (r) => r.last_outcome)}::text[], ${col(d, (r) => r.last_note)}::text[],
        ${col(d, (r) => instant(r.last_attempt_at))}::timestamptz[], ${col(d, (r) => r.area_path)}::ltree[],
        ${col(d, (r) => instant(r.computed_at))}::timestamptz[])
      as x(id, resident_id, programme_id, kind, item_id, episode_id, due_from, earliest_on, overdue_after,
        expires_on, done_on, done_by, come_on, closed_on, last_outcome, last_note, last_attempt_at,
        area_path, computed_at)
    ), gone as (
      delete from programme_due p where p.resident_id = any(${ids}::uuid[])
        and not exists (select 1 from x where x.id = p.id)
    )
    insert into programme_due (id, resident_id, programme_id, kind, item_id, episode_id, due_from,
      earliest_on, overdue_after, expires_on, done_on, done_by, come_on, closed_on, last_outcome,
      last_note, last_attempt_at, area_path, computed_at)
    select * from x
    on conflict (id) do update set resident_id = excluded.resident_id, programme_id = excluded.programme_id,
      kind = excluded.kind, item_id = excluded.item_id, episode_id = excluded.episode_id,
      due_from = excluded.due_from, earliest_on = excluded.earliest_on,
      overdue_after = excluded.overdue_after, expires_on = excluded.expires_on, done_on = excluded.done_on,
      done_by = excluded.done_by, come_on = excluded.come_on, closed_on = excluded.closed_on,
      last_outcome = excluded.last_outcome, last_note = excluded.last_note,
      last_attempt_at = excluded.last_attempt_at, area_path = excluded.area_path,
      computed_at = excluded.computed_at
    where (programme_due.resident_id, programme_due.programme_id, programme_due.kind, programme_due.item_id,
        programme_due.episode_id, programme_due.due_from, programme_due.earliest_on,
        programme_due.overdue_after, programme_due.expires_on, programme_due.done_on, programme_due.done_by,
        programme_due.come_on, programme_due.closed_on, programme_due.last_outcome, programme_due.last_note,
        programme_due.last_attempt_at, programme_due.area_path)
      is distinct from (excluded.resident_id, excluded.programme_id, excluded.kind, excluded.item_id,
        excluded.episode_id, excluded.due_from, excluded.earliest_on, excluded.overdue_after,
        excluded.expires_on, excluded.done_on, excluded.done_by, excluded.come_on, excluded.closed_on,
        excluded.last_outcome, excluded.last_note, excluded.last_attempt_at, excluded.area_path)`.execute(db);

  const k = rows.risk;
  await sql`
    with x as (
      select * from unnest(${col(k, (r) => r.resident_id)}::uuid[], ${col(k, (r) => r.last_systolic)}::numeric[],
        ${col(k, (r) => r.last_diastolic)}::numeric[], ${col(k, (r) => r.last_bp_on)}::date[],
        ${col(k, (r) => r.cardiovascular_event)}::boolean[], ${col(k, (r) => r.area_path)}::ltree[],
        ${col(k, (r) => instant(r.computed_at))}::timestamptz[])
      as x(resident_id, last_systolic, last_diastolic, last_bp_on, cardiovascular_event, area_path, computed_at)
    ), gone as (
      delete from programme_risk p where p.resident_id = any(${ids}::uuid[])
        and not exists (select 1 from x where x.resident_id = p.resident_id)
    )
    insert into programme_risk (resident_id, last_systolic, last_diastolic, last_bp_on, cardiovascular_event,
      area_path, computed_at)
    select * from x
    on conflict (resident_id) do update set last_systolic = excluded.last_systolic,
      last_diastolic = excluded.last_diastolic, last_bp_on = excluded.last_bp_on,
      cardiovascular_event = excluded.cardiovascular_event, area_path = excluded.area_path,
      computed_at = excluded.computed_at
    where (programme_risk.last_systolic, programme_risk.last_diastolic, programme_risk.last_bp_on,
        programme_risk.cardiovascular_event, programme_risk.area_path)
      is distinct from (excluded.last_systolic, excluded.last_diastolic, excluded.last_bp_on,
        excluded.cardiovascular_event, excluded.area_path)`.execute(db);

  // One row per (resident, programme, dose): the first the engine named (as "on conflict do nothing" kept).
  const seen = new Set<string>();
  const v = rows.invalid.filter((r) => {
    const key = `${r.resident_id}|${r.programme_id}|${r.dose_id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  await sql`
    with x as (
      select * from unnest(${col(v, (r) => r.resident_id)}::uuid[], ${col(v, (r) => r.dose_id)}::uuid[],
        ${col(v, (r) => r.programme_id)}::text[], ${col(v, (r) => r.item_id)}::text[],
        ${col(v, (r) => r.reason)}::text[], ${col(v, (r) => r.valid_from)}::date[],
        ${col(v, (r) => r.area_path)}::ltree[], ${col(v, (r) => instant(r.computed_at))}::timestamptz[])
      as x(resident_id, dose_id, programme_id, item_id, reason, valid_from, area_path, computed_at)
    ), gone as (
      delete from programme_invalid_dose p where p.resident_id = any(${ids}::uuid[])
        and not exists (select 1 from x where x.resident_id = p.resident_id
          and x.programme_id = p.programme_id and x.dose_id = p.dose_id)
    )
    insert into programme_invalid_dose (resident_id, dose_id, programme_id, item_id, reason, valid_from,
      area_path, computed_at)
    select * from x
    on conflict (resident_id, programme_id, dose_id) do update set item_id = excluded.item_id,
      reason = excluded.reason, valid_from = excluded.valid_from, area_path = excluded.area_path,
      computed_at = excluded.computed_at
    where (programme_invalid_dose.item_id, programme_invalid_dose.reason, programme_invalid_dose.valid_from,
        programme_invalid_dose.area_path)
      is distinct from (excluded.item_id, excluded.reason, excluded.valid_from, excluded.area_path)`.execute(
    db,
  );
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
