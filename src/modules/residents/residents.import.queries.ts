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

/**
 * The staging table's columns of the residents import (after `line`): a checked row as the COPY sends
 * it, with the ids (UUID v7) it takes if it is a new person and for its 'registered' history entry.
 */
export const RESIDENT_STAGING_COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'history_id', type: 'uuid' },
  { name: 'code', type: 'text' },
  { name: 'citizen_id', type: 'text' },
  { name: 'full_name', type: 'text' },
  { name: 'sex', type: 'text' },
  { name: 'birth_date', type: 'date' },
  { name: 'birth_year', type: 'int' },
  { name: 'birth_date_precision', type: 'text' },
  { name: 'ethnicity', type: 'text' },
  { name: 'phone', type: 'text' },
  { name: 'occupation', type: 'text' },
  { name: 'household_code', type: 'text' },
  { name: 'relationship', type: 'text' },
  { name: 'area_code', type: 'text' },
  { name: 'facility_code', type: 'text' },
] as const;

/** A staged line the save did not create: refused (with the reason), or matched to a resident and updated. */
export interface StagedOutcome {
  line: number;
  refused: string | null;
  matched: boolean;
  head_clash: boolean;
}

/**
 * Resolves and writes staged lines `first`..`last` in one statement: each line's household (by book
 * number, an index probe each), area and facility (`areas`, `facilities`: code to id, read by the
 * caller), the residents already holding its citizen id or code (when `lookups`), the reason it is
 * refused (in saveBatch's order and words), the one head per household (the first line naming one,
 * when the household has none), then the inserts, updates and heads. Answers the lines not created.
 */
async function writeStaged(
  db: Db,
  table: string,
  first: number,
  last: number,
  areas: Record<string, { id: string; path: string }>,
  facilities: Record<string, string>,
  lookups: boolean,
): Promise<StagedOutcome[]> {
  const stage = sql.table(table);
  const existing = (key: 'citizen_id' | 'code') =>
    lookups
      ? sql`(select x.id from resident x where x.${sql.ref(key)} = s.${sql.ref(key)})`
      : sql`null::uuid`;
  const result = await sql<StagedOutcome>`
    with refs as (select ${JSON.stringify(areas)}::jsonb as areas, ${JSON.stringify(facilities)}::jsonb as facilities),
    s as (select * from ${stage} where line between ${first} and ${last}),
    r as (
      select s.*, h.id as hh_id, h.head_resident_id as hh_head,
        coalesce(h.area_id, case when s.household_code is null then (refs.areas -> s.area_code ->> 'id')::uuid end) as area_id,
        coalesce(h.area_path::text, case when s.household_code is null then refs.areas -> s.area_code ->> 'path' end) as area_path,
        (refs.facilities ->> s.facility_code)::uuid as facility_id,
        ${existing('citizen_id')} as by_citizen,
        ${existing('code')} as by_code
      from s cross join refs
      left join lateral (select h.id, h.head_resident_id, h.area_id, h.area_path from household h
        where h.code = s.household_code) h on true
    ),
    checked as (
      select r.*, coalesce(r.by_citizen, r.by_code, r.id) as resident_id,
        (r.by_citizen is not null or r.by_code is not null) as matched,
        case
          when r.household_code is not null and r.hh_id is null
            then 'household_code ' || r.household_code || ' is not a known household (import households first)'
          when r.area_id is null then 'area_code ' || coalesce(r.area_code, '') || ' is not a known area'
          when r.facility_code is not null and r.facility_id is null
            then 'facility_code ' || r.facility_code || ' is not a known facility'
          when r.by_citizen <> r.by_code then 'citizen_id and code name two different residents'
        end as reason
      from r
    ),
    head_rows as (
      select line, row_number() over (partition by hh_id order by line) as nth from checked
      where reason is null and relationship = 'head' and hh_head is distinct from resident_id
    ),
    decided as materialized (
      select c.*, hr.line is not null and (hr.nth > 1 or c.hh_head is not null) as head_clash,
        hr.line is not null and hr.nth = 1 and c.hh_head is null as becomes_head
      from checked c left join head_rows hr on hr.line = c.line
    ),
    kept as materialized (select * from decided where reason is null and not head_clash),
    inserted as (
      insert into resident (id, code, citizen_id, full_name, sex, birth_date, birth_year, birth_date_precision,
        ethnicity, phone, occupation, household_id, relationship_to_head, registered_facility_id, area_id, area_path)
      select resident_id, code, citizen_id, full_name, sex, birth_date, birth_year, birth_date_precision,
        ethnicity, phone, occupation, hh_id, relationship, facility_id, area_id, area_path::ltree
      from kept where not matched
    ),
    updated as (
      update resident x set code = k.code, citizen_id = k.citizen_id, full_name = k.full_name, sex = k.sex,
        birth_date = k.birth_date, birth_year = k.birth_year, birth_date_precision = k.birth_date_precision,
        ethnicity = k.ethnicity, phone = k.phone, occupation = k.occupation, household_id = k.hh_id,
        relationship_to_head = k.relationship, registered_facility_id = k.facility_id,
        area_id = k.area_id, area_path = k.area_path::ltree, updated_at = now()
      from (select distinct on (resident_id) * from kept where matched order by resident_id, line desc) k
      where x.id = any(array(select resident_id from kept where matched)) and x.id = k.resident_id
    ),
    heads as (
      update household h set head_resident_id = k.resident_id, updated_at = now()
      from kept k
      where h.id = any(array(select hh_id from kept where becomes_head)) and k.becomes_head and h.id = k.hh_id
    )
    select line,
      coalesce(reason, case when head_clash then 'household ' || household_code || ' already has a head' end) as refused,
      matched, head_clash
    from decided where reason is not null or head_clash or matched`.execute(db);
  return result.rows;
}

/**
 * Saves staged residents (lines `first`..`last` of the staging table `table`) set-wise: first taken
 * as all new people (no read of existing keys, as insertIfAllNew); when a citizen id or code is
 * already taken, or a line names a head for a household that has one, that is undone and the lines
 * are matched to the existing residents in the same statement. Then the 'registered' history of the
 * new residents (a statement of its own: its row-level security check looks the resident up).
 */
export async function saveStagedResidents(
  db: Db,
  table: string,
  first: number,
  last: number,
  areas: Record<string, { id: string; path: string }>,
  facilities: Record<string, string>,
  registeredOn: string,
): Promise<StagedOutcome[]> {
  let outcomes: StagedOutcome[] | undefined;
  await sql`savepoint resident_import_staged`.execute(db);
  try {
    outcomes = await writeStaged(db, table, first, last, areas, facilities, false);
    if (outcomes.some((o) => o.head_clash)) outcomes = undefined;
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') {
      await sql`rollback to savepoint resident_import_staged`.execute(db);
      throw err;
    }
  }
  if (outcomes) await sql`release savepoint resident_import_staged`.execute(db);
  else {
    await sql`rollback to savepoint resident_import_staged`.execute(db);
    outcomes = await writeStaged(db, table, first, last, areas, facilities, true);
  }
  // The lines whose staged id is a resident now are the ones this batch created.
  await sql`
    insert into resident_status_change (id, resident_id, kind, status, effective_on, reason, to_area_id, to_household_id, area_path)
    select s.history_id, s.id, 'registered', 'active', ${registeredOn}::date, 'CSV import', x.area_id, x.household_id, x.area_path
    from ${sql.table(table)} s
    cross join lateral (select r.area_id, r.household_id, r.area_path from resident r where r.id = s.id) x
    where s.line between ${first} and ${last}`.execute(db);
  return outcomes;
}
