import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import {
  countActiveByKind,
  facilityRowsIn,
  findFacilityRowByCode,
  findFacilityRowById,
  findFacilityRowsByCodes,
  findFacilityRowsByIds,
  sumOpenBedsIn,
} from './facilities.queries.ts';
import { type CareLevelSource, effectiveCareLevel } from './facilities.rules.ts';
import type { FacilityRow, FacilityStatus } from './facilities.table.ts';

/**
 * The facilities module's public surface: routes, CSV import/export, and the lookups other modules
 * (workforce, rotations, capacity) use. Other modules import only this file.
 */
export { exportFacilitiesCsv, facilityImport } from './facilities.import.ts';
export { facilityRoutes } from './facilities.routes.ts';
export type { CareLevelSource } from './facilities.rules.ts';
export type { Facility, FacilityDetail } from './facilities.schema.ts';
export type { FacilityStatus, Ownership } from './facilities.table.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Facilities by code or by id, keyed by what was asked: one query for a whole batch (an import of
 * 2,000 rows, a page of a list). Unknown ones are absent from the map.
 */
export async function facilitiesByKeys(
  db: Db,
  key: 'code' | 'id',
  values: string[],
): Promise<Map<string, FacilityRef>> {
  const unique = [...new Set(values)];
  const rows =
    key === 'code' ? await findFacilityRowsByCodes(db, unique) : await findFacilityRowsByIds(db, unique);
  return new Map(rows.map((r) => [r[key], toRef(r)]));
}

/** What other modules need to know about a facility. */
export interface FacilityRef {
  id: string;
  code: string;
  name: string;
  kind: string;
  tier: string;
  areaId: string;
  areaPath: string;
  active: boolean;
  status: FacilityStatus;
  beds: number;
  managingFacilityId: string | null;
}

/**
 * A facility's level of care (VN: primary, basic, specialised): its own classification, else its
 * kind's usual level, else null; `careLevelSource` says which.
 */
export interface FacilityCareLevel {
  careLevel: string | null;
  careLevelSource: CareLevelSource | null;
}

function toRef(r: FacilityRow): FacilityRef {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    tier: r.tier,
    areaId: r.area_id,
    areaPath: r.area_path,
    active: r.active,
    status: r.status,
    beds: r.beds,
    managingFacilityId: r.managing_facility_id,
  };
}

/** The facility with this id, or undefined. */
export async function findFacilityById(db: Db, id: string): Promise<FacilityRef | undefined> {
  if (!UUID.test(id)) return undefined;
  const row = await findFacilityRowById(db, id);
  return row && toRef(row);
}

/** The facility with this official code, or undefined. */
export async function findFacilityByCode(db: Db, code: string): Promise<FacilityRef | undefined> {
  const row = await findFacilityRowByCode(db, code);
  return row && toRef(row);
}

/** A facility as a row that points at it names it: id, official code and name. */
export interface FacilityName {
  id: string;
  code: string;
  name: string;
}

/**
 * Names of the facilities that rows the caller can see point at (a rotation's home centre), even
 * outside the caller's scope: names and codes are the public directory (migration 2026_11_30_1100).
 */
export async function facilityNamesByIds(db: Db, ids: string[]): Promise<Map<string, FacilityName>> {
  if (ids.length === 0) return new Map();
  const result = await sql<FacilityName>`
    select id, code, name from facility_names(${[...new Set(ids)]}::uuid[])`.execute(db);
  return new Map(result.rows.map((f) => [f.id, f]));
}

/**
 * The facility with this id (a UUID) or official code, or undefined. Given the profile in force, it
 * also has its effective level of care (its kind's usual level comes from the profile).
 */
export function lookupFacility(db: Db, idOrCode: string): Promise<FacilityRef | undefined>;
export function lookupFacility(
  db: Db,
  idOrCode: string,
  profile: CountryProfile,
): Promise<(FacilityRef & FacilityCareLevel) | undefined>;
export async function lookupFacility(
  db: Db,
  idOrCode: string,
  profile?: CountryProfile,
): Promise<FacilityRef | undefined> {
  const row = UUID.test(idOrCode)
    ? await findFacilityRowById(db, idOrCode)
    : await findFacilityRowByCode(db, idOrCode);
  if (!row) return undefined;
  return profile ? { ...toRef(row), ...effectiveCareLevel(profile, row.kind, row.care_level) } : toRef(row);
}

/**
 * The facility with this id (a UUID) or official code, or a 404. A caller that must answer 400 naming
 * a body field uses `findFacilityById` / `findFacilityByCode` and reports the field itself.
 */
export async function requireFacility(db: Db, idOrCode: string): Promise<FacilityRef> {
  const ref = UUID.test(idOrCode)
    ? await findFacilityById(db, idOrCode)
    : await findFacilityByCode(db, idOrCode);
  if (!ref) throw notFound('Facility', idOrCode);
  return ref;
}

/** Facilities whose area is inside the subtree at `areaPath`, by code (active ones unless activeOnly is false). */
export async function listFacilitiesIn(
  db: Db,
  areaPath: string,
  opts: { kinds?: string[]; activeOnly?: boolean } = {},
): Promise<FacilityRef[]> {
  return (await facilityRowsIn(db, areaPath, opts)).map(toRef);
}

/** Beds of the open, active facilities in a subtree. */
export function sumBedsIn(db: Db, areaPath: string): Promise<number> {
  return sumOpenBedsIn(db, areaPath);
}

/** Active facilities in a subtree counted by kind, e.g. `{ commune_health_station: 136, ... }`. */
export async function countFacilitiesByKind(db: Db, areaPath: string): Promise<Record<string, number>> {
  const rows = await countActiveByKind(db, areaPath);
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}
