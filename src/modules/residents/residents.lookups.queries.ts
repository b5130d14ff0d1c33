/** What other modules (insurance cards, coverage) need to know about residents, without their SQL. */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Sex } from '../../platform/sex.enums.ts';
import type { ResidentStatus } from './residents.enums.ts';

export interface ResidentRef {
  id: string;
  areaPath: string;
  status: string;
  active: boolean;
}

export async function findResidentRef(db: Db, id: string): Promise<ResidentRef | undefined> {
  const r = await db
    .selectFrom('resident')
    .select(['id', 'area_path', 'status', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r && { id: r.id, areaPath: r.area_path, status: r.status, active: r.active };
}

export async function findResidentRefByCitizenId(
  db: Db,
  citizenId: string,
): Promise<ResidentRef | undefined> {
  const r = await db
    .selectFrom('resident')
    .select(['id', 'area_path', 'status', 'active'])
    .where('citizen_id', '=', citizenId)
    .where('merged_into_id', 'is', null)
    .executeTakeFirst();
  return r && { id: r.id, areaPath: r.area_path, status: r.status, active: r.active };
}

export function activeResidentIdsIn(db: Db, areaPath: string) {
  return db
    .selectFrom('resident')
    .select('resident.id')
    .where(sql<boolean>`resident.area_path <@ ${areaPath}::ltree`)
    .where('resident.status', '=', 'active')
    .where('resident.active', '=', true)
    .where('resident.merged_into_id', 'is', null);
}

export async function countActiveResidentsIn(db: Db, areaPath: string): Promise<number> {
  const row = await db
    .selectFrom('resident')
    .select(sql<string>`count(*)`.as('n'))
    .where(sql<boolean>`area_path <@ ${areaPath}::ltree`)
    .where('status', '=', 'active')
    .where('active', '=', true)
    .where('merged_into_id', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A resident named by a CSV row of another module (insurance cards): matched on citizen id or code. */
export interface ResidentKeyRef {
  id: string;
  citizenId: string | null;
  code: string | null;
  areaPath: string;
  /** When the record was merged into another: the survivor (the row then speaks for it). */
  survivorId: string | null;
  survivorAreaPath: string | null;
}

/**
 * Residents by citizen identity number or code, for batch imports: one query for any number of keys
 * (each key through its own unique index), and one more only when some of them were merged away.
 */
export async function findResidentRefsByKeys(
  db: Db,
  citizenIds: string[],
  codes: string[],
): Promise<ResidentKeyRef[]> {
  if (citizenIds.length === 0 && codes.length === 0) return [];
  const found = await sql<{
    id: string;
    citizen_id: string | null;
    code: string | null;
    area_path: string;
    merged_into_id: string | null;
  }>`
    select id, citizen_id, code, area_path, merged_into_id from resident where citizen_id = any(${citizenIds}::text[])
    union
    select id, citizen_id, code, area_path, merged_into_id from resident where code = any(${codes}::text[])`.execute(
    db,
  );
  const mergedInto = [...new Set(found.rows.flatMap((r) => (r.merged_into_id ? [r.merged_into_id] : [])))];
  const survivors = new Map(
    mergedInto.length === 0
      ? []
      : (
          await db.selectFrom('resident').select(['id', 'area_path']).where('id', 'in', mergedInto).execute()
        ).map((s) => [s.id, s.area_path]),
  );
  return found.rows.map((r) => {
    const survivorPath = r.merged_into_id ? survivors.get(r.merged_into_id) : undefined;
    return {
      id: r.id,
      citizenId: r.citizen_id,
      code: r.code,
      areaPath: r.area_path,
      survivorId: survivorPath ? r.merged_into_id : null,
      survivorAreaPath: survivorPath ?? null,
    };
  });
}

/** The citizen id and code of residents by id (for exports naming their holder). */
export async function residentKeysByIds(
  db: Db,
  ids: string[],
): Promise<Map<string, { citizenId: string | null; code: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('resident')
    .select(['id', 'citizen_id', 'code'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { citizenId: r.citizen_id, code: r.code }]));
}

/** What a station needs to reach people on a follow-up list: name, phone and where they live. */
export interface ResidentContact {
  fullName: string;
  phone: string | null;
  address: string | null;
  /**
   * Asked for with `guardiansOn`: who answers for them at home, with a phone: the household's head
   * (another member), else its oldest member of 18 or more on that day; null when nobody has a phone.
   * As the reminders' guardian (reminders/outbox.rules.ts guardianOf). Personal data: never logged.
   */
  guardian?: { id: string; fullName: string; phone: string } | null;
}

export async function residentContactsByIds(
  db: Db,
  ids: string[],
  options: { guardiansOn?: string } = {},
): Promise<Map<string, ResidentContact>> {
  if (ids.length === 0) return new Map();
  const unique = [...new Set(ids)];
  const rows = await db
    .selectFrom('resident as r')
    .leftJoin('household as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.full_name', 'r.phone', 'h.address'])
    .where('r.id', 'in', unique)
    .execute();
  const on = options.guardiansOn;
  const guardians =
    on === undefined
      ? []
      : (
          await sql<{ resident_id: string; id: string; full_name: string; phone: string }>`
            select distinct on (r.id) r.id as resident_id, g.id, g.full_name, g.phone
            from resident r
            join household h on h.id = r.household_id
            join resident g on g.household_id = r.household_id and g.id <> r.id
            where r.id = any(${unique}::uuid[])
              and g.phone is not null and g.phone <> ''
              and g.active and g.merged_into_id is null and g.status = 'active'
              and (g.id = h.head_resident_id or g.birth_date <= (${on}::date - interval '18 years')::date)
            order by r.id, coalesce(g.id = h.head_resident_id, false) desc, g.birth_date, g.id`.execute(db)
        ).rows;
  const byResident = new Map(guardians.map((g) => [g.resident_id, g]));
  return new Map(
    rows.map((r) => {
      const g = byResident.get(r.id);
      const contact: ResidentContact = { fullName: r.full_name, phone: r.phone, address: r.address };
      if (on !== undefined) contact.guardian = g ? { id: g.id, fullName: g.full_name, phone: g.phone } : null;
      return [r.id, contact];
    }),
  );
}

/**
 * Ids of the residents who lived in a subtree and were active on a date, from the status history:
 * born on or before the date; their status on it is that of their latest status change or move
 * effective on or before it (active when there is none); they lived where their latest move on or
 * before it took them, or, before any move, where they were registered. Records merged away or
 * deactivated as registration errors are left out. Entries of one day go in the order recorded.
 *
 * The registration date is not a lower bound: the residents import stamps it with the day of the
 * import, so a registry loaded from the household books today would count nobody on any earlier date.
 */
export function residentIdsActiveOn(areaPath: string, date: string): RawBuilder<{ id: string }> {
  return sql<{ id: string }>`
    select r.id from (
      select distinct sc.resident_id from resident_status_change sc
      where sc.area_path <@ ${areaPath}::ltree
    ) c
    join resident r on r.id = c.resident_id
    left join lateral (
      select h.area_path from resident_status_change h
      where h.resident_id = c.resident_id and h.kind = 'move' and h.effective_on <= ${date}::date
      order by h.effective_on desc, h.recorded_at desc, h.id desc limit 1
    ) moved on true
    left join lateral (
      select h.area_path from resident_status_change h
      where h.resident_id = c.resident_id and h.kind = 'registered'
      order by h.effective_on, h.recorded_at, h.id limit 1
    ) registered on true
    left join lateral (
      select h.status from resident_status_change h
      where h.resident_id = c.resident_id and h.kind <> 'registered' and h.effective_on <= ${date}::date
      order by h.effective_on desc, h.recorded_at desc, h.id desc limit 1
    ) change on true
    where r.active and r.merged_into_id is null
      and coalesce(moved.area_path, registered.area_path) <@ ${areaPath}::ltree
      and coalesce(change.status, 'active') = 'active'
      and (r.birth_date <= ${date}::date
        or (r.birth_date is null and coalesce(r.birth_year <= extract(year from ${date}::date), true)))`;
}

/** What the programmes engine reads of a resident: age, sex, whether alive and here, and where. */
export interface ResidentCareRef {
  id: string;
  birthDate: string | null;
  sex: Sex | null;
  status: ResidentStatus;
  /** False when the record was merged into another or deactivated (a registration error). */
  active: boolean;
  areaId: string;
  areaPath: string;
  householdId: string | null;
}

/** Residents by id, for the programmes engine (one read per batch of residents). */
export async function residentCareRefsByIds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, ResidentCareRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('resident')
    .select([
      'id',
      'birth_date',
      'sex',
      'status',
      'active',
      'merged_into_id',
      'area_id',
      'area_path',
      'household_id',
    ])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        birthDate: r.birth_date,
        sex: r.sex,
        status: r.status,
        active: r.active && r.merged_into_id === null,
        areaId: r.area_id,
        areaPath: r.area_path,
        householdId: r.household_id,
      },
    ]),
  );
}

/** Whom a reminder can reach (module reminders): a resident's name, phone, age, place and household. */
export interface ResidentReach {
  id: string;
  fullName: string;
  /** Personal data: never logged. */
  phone: string | null;
  /** The language they read (a locale tag of the profile's); null: the profile's locale. */
  language: string | null;
  birthDate: string | null;
  status: ResidentStatus;
  /** False for a record deactivated or merged away. */
  current: boolean;
  areaPath: string;
  householdId: string | null;
  registeredFacilityId: string | null;
  /** Whether they head their household. */
  head: boolean;
}

function reachQuery(db: Db) {
  return db
    .selectFrom('resident as r')
    .leftJoin('household as h', 'h.id', 'r.household_id')
    .select([
      'r.id',
      'r.full_name',
      'r.phone',
      'r.language',
      'r.birth_date',
      'r.status',
      'r.active',
      'r.merged_into_id',
      'r.area_path',
      'r.household_id',
      'r.registered_facility_id',
      'h.head_resident_id',
    ]);
}

type ReachRow = Awaited<ReturnType<ReturnType<typeof reachQuery>['execute']>>[number];
const toReach = (r: ReachRow): ResidentReach => ({
  id: r.id,
  fullName: r.full_name,
  phone: r.phone,
  language: r.language,
  birthDate: r.birth_date,
  status: r.status,
  current: r.active && r.merged_into_id === null,
  areaPath: r.area_path,
  householdId: r.household_id,
  registeredFacilityId: r.registered_facility_id,
  head: r.head_resident_id === r.id,
});

/** Residents by id, as reminders reach them (one read per batch). */
export async function residentReachByIds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, ResidentReach>> {
  if (ids.length === 0) return new Map();
  const rows = await reachQuery(db)
    .where('r.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, toReach(r)]));
}

/** The living, current members of households, by household (a child's guardian is found among them). */
export async function householdMembersOf(
  db: Db,
  householdIds: readonly string[],
): Promise<Map<string, ResidentReach[]>> {
  const ids = [...new Set(householdIds)];
  const out = new Map<string, ResidentReach[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await reachQuery(db)
    .where('r.household_id', 'in', ids)
    .where('r.active', '=', true)
    .where('r.merged_into_id', 'is', null)
    .where('r.status', '=', 'active')
    .orderBy('r.id')
    .execute();
  for (const r of rows) out.get(r.household_id!)?.push(toReach(r));
  return out;
}

/**
 * A page of the ids of every record in a subtree (merged and deactivated ones too), by id after
 * `afterId`: what a recompute of an area walks, a batch per transaction.
 */
export async function residentIdsInArea(
  db: Db,
  areaPath: string | null,
  page: { afterId: string | null; limit: number },
): Promise<string[]> {
  let q = db.selectFrom('resident').select('id').orderBy('id').limit(page.limit);
  if (areaPath !== null) q = q.where(sql<boolean>`area_path <@ ${areaPath}::ltree`);
  if (page.afterId !== null) q = q.where('id', '>', page.afterId);
  return (await q.execute()).map((r) => r.id);
}

/** How many records a subtree holds (merged and deactivated ones too): a recompute's progress total. */
export async function countResidentsInArea(db: Db, areaPath: string | null): Promise<number> {
  let q = db.selectFrom('resident').select(sql<string>`count(*)`.as('n'));
  if (areaPath !== null) q = q.where(sql<boolean>`area_path <@ ${areaPath}::ltree`);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}

/**
 * Locks these residents' rows for the rest of the transaction (in id order, so two lockers cannot
 * deadlock), against a concurrent recompute of the same resident: FOR NO KEY UPDATE, which a care
 * record's insert (its foreign key's KEY SHARE) does not wait for.
 */
export async function lockResidentsForUpdate(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .selectFrom('resident')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .orderBy('id')
    .forNoKeyUpdate()
    .execute();
}

/** The database's clock now, as text: a mark to ask later what was written since (an import's start). */
export async function residentsWriteMark(db: Db): Promise<string> {
  return (await sql<{ at: string }>`select now()::text as at`.execute(db)).rows[0]!.at;
}

/**
 * The distinct places of the records written (inserted or updated) since `mark` (residentsWriteMark):
 * what an import touched, the areas a recompute must then cover. One scan of the registry.
 */
export async function areasOfResidentsWrittenSince(db: Db, mark: string): Promise<string[]> {
  const rows = await sql<{ path: string }>`
    select distinct area_path::text as path from resident where updated_at >= ${mark}::timestamptz
    order by path`.execute(db);
  return rows.rows.map((r) => r.path);
}
