import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/**
 * Set-based writes for CSV imports: a whole batch travels as one jsonb parameter and is written by
 * one statement, so a batch of 2,000 rows costs a handful of queries whatever its size.
 */

export interface HouseholdUpsert {
  id: string;
  code: string;
  address: string;
  area_id: string;
  area_path: string;
  latitude: number | null;
  longitude: number | null;
}

/** Upserts households by book number; returns, per code, whether it was inserted. */
export async function upsertHouseholds(db: Db, rows: HouseholdUpsert[]): Promise<Map<string, boolean>> {
  if (rows.length === 0) return new Map();
  const result = await sql<{ code: string; inserted: boolean }>`
    insert into household (id, code, address, area_id, area_path, latitude, longitude)
    select v.id, v.code, v.address, v.area_id, v.area_path::ltree, v.latitude, v.longitude
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as v(id uuid, code text, address text, area_id uuid, area_path text, latitude float8, longitude float8)
    on conflict (code) where code is not null do update set
      address = excluded.address, area_id = excluded.area_id, area_path = excluded.area_path,
      latitude = excluded.latitude, longitude = excluded.longitude, updated_at = now()
    returning code, (xmax = 0) as inserted`.execute(db);
  return new Map(result.rows.map((r) => [r.code, r.inserted]));
}

export interface ResidentWrite {
  id: string;
  code: string | null;
  citizen_id: string | null;
  full_name: string;
  sex: string | null;
  birth_date: string | null;
  birth_year: number | null;
  birth_date_precision: string;
  ethnicity: string | null;
  phone: string | null;
  occupation: string | null;
  household_id: string | null;
  relationship_to_head: string | null;
  registered_facility_id: string | null;
  area_id: string;
  area_path: string;
  /** Id (UUID v7) of the 'registered' history entry of a new resident. */
  history_id?: string;
  /** A new resident who becomes their household's head. */
  head?: boolean;
}

const recordType = sql`v(id uuid, code text, citizen_id text, full_name text, sex text, birth_date date,
  birth_year int, birth_date_precision text, ethnicity text, phone text, occupation text,
  household_id uuid, relationship_to_head text, registered_facility_id uuid, area_id uuid, area_path text)`;

/** Existing residents matching any of the identity numbers or codes. */
export async function residentsByKeys(db: Db, citizenIds: string[], codes: string[]) {
  if (citizenIds.length === 0 && codes.length === 0) return [];
  const result = await sql<{ id: string; citizen_id: string | null; code: string | null }>`
    select id, citizen_id, code from resident
    where citizen_id = any(${citizenIds}::text[]) or code = any(${codes}::text[])`.execute(db);
  return result.rows;
}

/**
 * Inserts new residents, then their 'registered' history entries (effective `registeredOn`, the
 * country's date: the database's current_date is the server's, often UTC) and the heads of their households.
 */
export async function insertResidents(db: Db, rows: ResidentWrite[], registeredOn: string): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into resident (id, code, citizen_id, full_name, sex, birth_date, birth_year, birth_date_precision,
      ethnicity, phone, occupation, household_id, relationship_to_head, registered_facility_id, area_id, area_path)
    select v.id, v.code, v.citizen_id, v.full_name, v.sex, v.birth_date, v.birth_year, v.birth_date_precision,
      v.ethnicity, v.phone, v.occupation, v.household_id, v.relationship_to_head, v.registered_facility_id,
      v.area_id, v.area_path::ltree
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${recordType}`.execute(db);
  // Arrays only, no join: while a registry is being loaded its statistics lag behind, and a join
  // with resident or household was planned as a hash join over a whole-table scan. (History cannot
  // share the insert's statement: its row-level security check looks the resident up, and a
  // statement does not see its own inserts.)
  await sql`
    insert into resident_status_change (id, resident_id, kind, status, effective_on, reason, to_area_id, to_household_id, area_path)
    select v.history_id, v.id, 'registered', 'active', ${registeredOn}::date, 'CSV import', v.area_id, v.household_id, v.area_path::ltree
    from unnest(${rows.map((r) => r.history_id)}::uuid[], ${rows.map((r) => r.id)}::uuid[],
      ${rows.map((r) => r.area_id)}::uuid[], ${rows.map((r) => r.household_id)}::uuid[],
      ${rows.map((r) => r.area_path)}::text[]) as v(history_id, id, area_id, household_id, area_path)`.execute(
    db,
  );
  await setHeads(
    db,
    rows
      .filter((r) => r.head && r.household_id)
      .map((r) => ({ household_id: r.household_id!, resident_id: r.id })),
  );
}

/**
 * Inserts residents taken to be new, as insertResidents, under a savepoint: when a citizen id or code
 * is already taken (a unique violation) nothing of it is kept and the answer is false, so the caller
 * matches the rows to the existing residents instead. A fresh import thus needs no read of existing
 * keys before its writes, nor the per-row checks of an insert ... on conflict.
 */
export async function insertIfAllNew(db: Db, rows: ResidentWrite[], registeredOn: string): Promise<boolean> {
  await sql`savepoint resident_import_new`.execute(db);
  try {
    await insertResidents(db, rows, registeredOn);
  } catch (err) {
    await sql`rollback to savepoint resident_import_new`.execute(db);
    if ((err as { code?: string }).code === '23505') return false;
    throw err;
  }
  await sql`release savepoint resident_import_new`.execute(db);
  return true;
}

export async function updateResidents(db: Db, rows: ResidentWrite[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    update resident r set code = v.code, citizen_id = v.citizen_id, full_name = v.full_name, sex = v.sex,
      birth_date = v.birth_date, birth_year = v.birth_year, birth_date_precision = v.birth_date_precision,
      ethnicity = v.ethnicity, phone = v.phone, occupation = v.occupation, household_id = v.household_id,
      relationship_to_head = v.relationship_to_head, registered_facility_id = v.registered_facility_id,
      area_id = v.area_id, area_path = v.area_path::ltree, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${recordType}
    where r.id = v.id`.execute(db);
}

/**
 * Sets household heads: pairs of household id and resident id. An index lookup of the households by
 * id (no join, see insertResidents), skipping those whose head is already the one given.
 */
export async function setHeads(
  db: Db,
  pairs: { household_id: string; resident_id: string }[],
): Promise<void> {
  if (pairs.length === 0) return;
  const households = pairs.map((p) => p.household_id);
  const residents = pairs.map((p) => p.resident_id);
  await sql`
    update household h
    set head_resident_id = (${residents}::uuid[])[array_position(${households}::uuid[], h.id)], updated_at = now()
    where h.id = any(${households}::uuid[])
      and h.head_resident_id is distinct from (${residents}::uuid[])[array_position(${households}::uuid[], h.id)]`.execute(
    db,
  );
}

/** A keyset batch of households for the export, with nothing decoded. */
export function householdExportBatch(db: Db, afterId: string | null, limit: number) {
  let q = db.selectFrom('household').selectAll().where('active', '=', true);
  if (afterId) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}

/** A keyset batch of residents (not merged away) for the export, with their household's book number. */
export function residentExportBatch(db: Db, afterId: string | null, limit: number) {
  let q = db
    .selectFrom('resident as r')
    .leftJoin('household as h', 'h.id', 'r.household_id')
    .selectAll('r')
    .select('h.code as household_code')
    .where('r.merged_into_id', 'is', null)
    .where('r.active', '=', true);
  if (afterId) q = q.where('r.id', '>', afterId);
  return q.orderBy('r.id').limit(limit).execute();
}
