import type { Db } from '../../platform/db/database.ts';
import { type AreaRef, findAreasByIds } from '../areas/index.ts';
import { householdAddresses } from './residents.queries.ts';
import type { Household, MergeInfo, Resident } from './residents.schema.ts';
import type {
  HouseholdRow,
  ResidentMergeRow,
  ResidentRow,
  ResidentStatusChangeRow,
} from './residents.table.ts';

type Areas = Map<string, AreaRef>;

function areaOf(areas: Areas, id: string) {
  const a = areas.get(id);
  return { id, code: a?.code ?? '', name: a?.name ?? '' };
}

/** The one mapping from a resident row to the API object (`addresses`: household id to address). */
export function toResident(r: ResidentRow, areas: Areas, addresses: Map<string, string>): Resident {
  return {
    id: r.id,
    code: r.code,
    citizenId: r.citizen_id,
    fullName: r.full_name,
    sex: r.sex,
    birthDate: r.birth_date,
    birthYear: r.birth_year,
    birthDatePrecision: r.birth_date_precision,
    ethnicity: r.ethnicity,
    phone: r.phone,
    language: r.language,
    occupation: r.occupation,
    householdId: r.household_id,
    householdAddress: r.household_id ? (addresses.get(r.household_id) ?? null) : null,
    relationshipToHead: r.relationship_to_head,
    registeredFacilityId: r.registered_facility_id,
    area: areaOf(areas, r.area_id),
    areaPath: r.area_path,
    status: r.status,
    statusDate: r.status_date,
    mergedIntoId: r.merged_into_id,
    active: r.active,
  };
}

/** The one mapping from a household row to the API object. */
export function toHousehold(h: HouseholdRow, areas: Areas): Household {
  return {
    id: h.id,
    code: h.code,
    address: h.address,
    area: areaOf(areas, h.area_id),
    areaPath: h.area_path,
    latitude: h.latitude,
    longitude: h.longitude,
    headResidentId: h.head_resident_id,
    active: h.active,
  };
}

export function toStatusChange(h: ResidentStatusChangeRow) {
  return {
    kind: h.kind,
    status: h.status,
    effectiveOn: h.effective_on,
    reason: h.reason,
    fromAreaId: h.from_area_id,
    toAreaId: h.to_area_id,
    fromHouseholdId: h.from_household_id,
    toHouseholdId: h.to_household_id,
  };
}

export function toMergeInfo(m: ResidentMergeRow): MergeInfo {
  return {
    id: m.id,
    survivorId: m.survivor_id,
    mergedId: m.merged_id,
    reason: m.reason,
    mergedAt: new Date(m.merged_at).toISOString(),
    undoneAt: m.undone_at ? new Date(m.undone_at).toISOString() : null,
  };
}

/** Maps resident rows with their areas and household addresses, one query each. */
export async function mapResidents(db: Db, rows: ResidentRow[]): Promise<Resident[]> {
  const [areas, addresses] = await Promise.all([
    findAreasByIds(
      db,
      rows.map((r) => r.area_id),
    ),
    householdAddresses(
      db,
      rows.flatMap((r) => (r.household_id ? [r.household_id] : [])),
    ),
  ]);
  return rows.map((r) => toResident(r, areas, addresses));
}
