import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { insertOnce } from '../../platform/db/insert-once.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, invalidFields, notFound } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { CapabilityStandard } from '../../platform/profile.schema.ts';
import { inScope, type Scope } from '../access/index.ts';
import { type FacilityRef, facilitiesByKeys, lookupFacility } from '../facilities/index.ts';
import {
  equipmentRowsOf,
  findEquipmentRow,
  findServiceRow,
  insertEquipmentRow,
  insertEquipmentRows,
  insertServiceRow,
  insertServiceRows,
  serviceRowsOf,
} from './capabilities.queries.ts';
import {
  checkEquipmentCount,
  checkServiceDeclaration,
  equipmentOn,
  equipmentStatus,
  servicesOn,
} from './capabilities.rules.ts';
import type {
  EquipmentRecord,
  FacilityEquipment,
  FacilityServices,
  RecordEquipmentBody,
  RecordServiceBody,
  ServiceRecord,
} from './capabilities.schema.ts';
import { type Item, itemsFor, standardsOf } from './capabilities.standards.ts';
import type { FacilityEquipmentRow, FacilityServiceRow } from './capabilities.table.ts';

const ALL: Scope = { all: true, paths: [] };

/** The one mapping from a declaration row to the API object. */
export function toServiceRecord(r: FacilityServiceRow): ServiceRecord {
  return {
    id: r.id,
    facilityId: r.facility_id,
    serviceCode: r.service_code,
    offered: r.offered,
    since: r.since,
    reason: r.reason,
    note: r.note,
    recordedAt: new Date(r.recorded_at).toISOString(),
  };
}

/** The one mapping from an equipment row to the API object. */
export function toEquipmentRecord(r: FacilityEquipmentRow): EquipmentRecord {
  return {
    id: r.id,
    facilityId: r.facility_id,
    itemCode: r.item_code,
    asOf: r.as_of,
    working: r.working,
    needsRepair: r.needs_repair,
    broken: r.broken,
    note: r.note,
    recordedAt: new Date(r.recorded_at).toISOString(),
  };
}

/**
 * The facility, which the caller must hold in scope: a station sees the district centre above it, but
 * its declarations are the centre's own (row-level security would show an empty list as if nothing
 * were declared).
 */
async function requireFacilityInScope(db: Db, idOrCode: string, scope: Scope): Promise<FacilityRef> {
  const facility = await lookupFacility(db, idOrCode);
  if (!facility) throw notFound('Facility', idOrCode);
  if (!inScope(facility.areaPath, scope))
    throw new AppError(
      'forbidden',
      `Facility ${facility.code} (${facility.name}) is outside your scope: its services and equipment are recorded where it is`,
    );
  return facility;
}

function unknownCode(field: string, code: string, items: Map<string, Item>, standard?: CapabilityStandard) {
  const where = standard ? `the standard ${standard.id}` : 'any standard of this profile';
  const some = [...items.keys()].slice(0, 8).join(', ');
  return invalidFields([{ field, message: `${code} is not in ${where} (codes such as ${some})` }]);
}

const brief = (f: FacilityRef) => ({ id: f.id, code: f.code, name: f.name, kind: f.kind });
const standardBrief = (s: CapabilityStandard | undefined) =>
  s ? { id: s.id, title: s.title, titleEn: s.titleEn } : null;

/** GET /api/facilities/:id/services: the standard's services with the declaration in force, and the history. */
export async function facilityServices(
  ctx: AppContext,
  idOrCode: string,
  date: string | undefined,
  scope: Scope = ALL,
): Promise<FacilityServices> {
  const facility = await requireFacilityInScope(ctx.db, idOrCode, scope);
  const on = date ?? todayOf(ctx);
  const standards = standardsOf(ctx.profile);
  const standard = standards.forKind(facility.kind);
  const rows = await serviceRowsOf(ctx.db, [facility.id]);
  const records = rows.map(toServiceRecord);
  const current = servicesOn(records, on);
  const expected = new Set(standard?.services.map((s) => s.code) ?? []);
  const items = itemsFor(standards, facility.kind, 'services');
  const listed = [...items.values()].filter((i) => expected.has(i.code) || current.has(i.code));
  return {
    facility: brief(facility),
    date: on,
    standard: standardBrief(standard),
    services: listed.map((i) => ({
      code: i.code,
      name: i.name,
      nameEn: i.nameEn,
      group: i.group,
      core: i.core,
      expected: expected.has(i.code),
      current: current.get(i.code) ?? null,
    })),
    history: records,
  };
}

/** GET /api/facilities/:id/equipment: the standard's items with the count in force, and the history. */
export async function facilityEquipment(
  ctx: AppContext,
  idOrCode: string,
  date: string | undefined,
  scope: Scope = ALL,
): Promise<FacilityEquipment> {
  const facility = await requireFacilityInScope(ctx.db, idOrCode, scope);
  const on = date ?? todayOf(ctx);
  const standards = standardsOf(ctx.profile);
  const standard = standards.forKind(facility.kind);
  const records = (await equipmentRowsOf(ctx.db, [facility.id])).map(toEquipmentRecord);
  const current = equipmentOn(records, on);
  const expected = new Set(standard?.equipment.map((s) => s.code) ?? []);
  const items = itemsFor(standards, facility.kind, 'equipment');
  const listed = [...items.values()].filter((i) => expected.has(i.code) || current.has(i.code));
  return {
    facility: brief(facility),
    date: on,
    standard: standardBrief(standard),
    equipment: listed.map((i) => {
      const minCount = 'minCount' in i ? (i.minCount ?? 1) : 1;
      const count = current.get(i.code);
      return {
        code: i.code,
        name: i.name,
        nameEn: i.nameEn,
        group: i.group,
        core: i.core,
        expected: expected.has(i.code),
        minCount,
        status: equipmentStatus(count, minCount),
        current: count ?? null,
      };
    }),
    history: records,
  };
}

/** A record and whether this request made it (201) or found it already stored under its id (200). */
export interface Recorded<T> {
  record: T;
  created: boolean;
}

/**
 * POST /api/facilities/:id/services: a new declaration (a change is a new row). A resend with the same
 * id and body answers the stored record; the same id with another body is a 409.
 */
export async function recordService(
  ctx: AppContext,
  idOrCode: string,
  body: RecordServiceBody,
  scope: Scope = ALL,
): Promise<Recorded<ServiceRecord>> {
  return inTransaction(ctx.db, async (db) => {
    const facility = await requireFacilityInScope(db, idOrCode, scope);
    const standards = standardsOf(ctx.profile);
    const items = itemsFor(standards, facility.kind, 'services');
    if (!items.has(body.serviceCode))
      throw unknownCode('body.serviceCode', body.serviceCode, items, standards.forKind(facility.kind));
    const errors = checkServiceDeclaration(body, todayOf(ctx));
    if (errors.length > 0) throw invalidFields(errors);
    const id = body.id?.toLowerCase() ?? newId();
    const wanted = {
      facility_id: facility.id,
      service_code: body.serviceCode,
      offered: body.offered,
      since: body.since,
      reason: body.reason?.trim() || null,
      note: body.note?.trim() || null,
    };
    const { row, created } = await insertOnce({
      id,
      wanted,
      insert: () => insertServiceRow(db, { id, area_path: facility.areaPath, ...wanted }),
      find: () => findServiceRow(db, id),
      conflictMessage: `A service declaration with id ${id} exists with other values: give a new id for a new declaration`,
    });
    return { record: toServiceRecord(row), created };
  });
}

/** POST /api/facilities/:id/equipment: a new count of one item (a change is a new row), idempotent by id. */
export async function recordEquipment(
  ctx: AppContext,
  idOrCode: string,
  body: RecordEquipmentBody,
  scope: Scope = ALL,
): Promise<Recorded<EquipmentRecord>> {
  return inTransaction(ctx.db, async (db) => {
    const facility = await requireFacilityInScope(db, idOrCode, scope);
    const standards = standardsOf(ctx.profile);
    const items = itemsFor(standards, facility.kind, 'equipment');
    if (!items.has(body.itemCode))
      throw unknownCode('body.itemCode', body.itemCode, items, standards.forKind(facility.kind));
    const errors = checkEquipmentCount(body, todayOf(ctx));
    if (errors.length > 0) throw invalidFields(errors);
    const id = body.id?.toLowerCase() ?? newId();
    const wanted = {
      facility_id: facility.id,
      item_code: body.itemCode,
      as_of: body.asOf,
      working: body.working,
      needs_repair: body.needsRepair,
      broken: body.broken,
      note: body.note?.trim() || null,
    };
    const { row, created } = await insertOnce({
      id,
      wanted,
      insert: () => insertEquipmentRow(db, { id, area_path: facility.areaPath, ...wanted }),
      find: () => findEquipmentRow(db, id),
      conflictMessage: `An equipment count with id ${id} exists with other values: give a new id for a new count`,
    });
    return { record: toEquipmentRecord(row), created };
  });
}

/** Declarations and counts to load at once, facilities named by code (the demo). */
export interface CapabilityLoad {
  services: readonly {
    facilityCode: string;
    serviceCode: string;
    offered: boolean;
    since: string;
    reason: string | null;
  }[];
  equipment: readonly {
    facilityCode: string;
    itemCode: string;
    asOf: string;
    working: number;
    needsRepair: number;
    broken: number;
  }[];
}

/**
 * Loads many declarations in multi-row inserts, checked as the routes check one (a facility that
 * exists, a code of its standard, a reason when not offered, no date after today): a refused row is
 * an error naming it, since only trusted callers (the demo loader) use this.
 */
export async function loadCapabilities(
  ctx: AppContext,
  load: CapabilityLoad,
): Promise<{ services: number; equipment: number }> {
  const codes = [...new Set([...load.services, ...load.equipment].map((r) => r.facilityCode))];
  const today = todayOf(ctx);
  const standards = standardsOf(ctx.profile);
  return inTransaction(ctx.db, async (db) => {
    const facilities = await facilitiesByKeys(db, 'code', codes);
    const facilityOf = (code: string) => {
      const f = facilities.get(code);
      if (!f) throw new Error(`capabilities load: no facility ${code}`);
      return f;
    };
    const serviceRows = load.services.map((s, i) => {
      const f = facilityOf(s.facilityCode);
      const errors = checkServiceDeclaration(s, today);
      if (!itemsFor(standards, f.kind, 'services').has(s.serviceCode) || errors.length > 0)
        throw new Error(
          `capabilities load: service row ${i + 1} (${s.facilityCode} ${s.serviceCode}) is refused`,
        );
      return {
        id: newId(),
        facility_id: f.id,
        area_path: f.areaPath,
        service_code: s.serviceCode,
        offered: s.offered,
        since: s.since,
        reason: s.reason,
        note: null,
      };
    });
    const equipmentRows = load.equipment.map((e, i) => {
      const f = facilityOf(e.facilityCode);
      if (
        !itemsFor(standards, f.kind, 'equipment').has(e.itemCode) ||
        checkEquipmentCount(e, today).length > 0
      )
        throw new Error(
          `capabilities load: equipment row ${i + 1} (${e.facilityCode} ${e.itemCode}) is refused`,
        );
      return {
        id: newId(),
        facility_id: f.id,
        area_path: f.areaPath,
        item_code: e.itemCode,
        as_of: e.asOf,
        working: e.working,
        needs_repair: e.needsRepair,
        broken: e.broken,
        note: null,
      };
    });
    await insertServiceRows(db, serviceRows);
    await insertEquipmentRows(db, equipmentRows);
    return { services: serviceRows.length, equipment: equipmentRows.length };
  });
}
