import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { type FieldError, invalidFields, notFound, taken } from '../../platform/http/errors.ts';
import { type PageOf, pageRequest, toPage } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import {
  type AreaRef,
  areaPathFilter,
  findAreaByCode,
  findAreaById,
  findAreasByIds,
} from '../areas/index.ts';
import {
  countFacilityRows,
  type FacilityFilter,
  type FacilityWithManager,
  findFacilityRowByCode,
  findFacilityRowById,
  insertFacility,
  insertStatusChange,
  listFacilityRows,
  managedFacilities,
  managementChain,
  statusHistory,
  updateFacilityRow,
} from './facilities.queries.ts';
import {
  checkCareLevel,
  checkFacilityCode,
  checkFacilityKind,
  createsManagementCycle,
  effectiveCareLevel,
  kindsWithCareLevel,
} from './facilities.rules.ts';
import type { CreateFacilityBody, Facility, FacilityDetail, FacilityListQuery } from './facilities.schema.ts';

/** The one mapping from a row (and its area) to the API object; the profile gives the kind's level of care. */
export function toFacility(
  profile: CountryProfile,
  row: FacilityWithManager,
  area: AreaRef | undefined,
): Facility {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    tier: row.tier,
    ...effectiveCareLevel(profile, row.kind, row.care_level),
    ownership: row.ownership,
    areaId: row.area_id,
    areaCode: area?.code ?? '',
    areaName: area?.name ?? '',
    areaPath: row.area_path,
    managingFacility:
      row.managing_facility_id && row.manager_code !== null
        ? { id: row.managing_facility_id, code: row.manager_code, name: row.manager_name ?? '' }
        : null,
    latitude: row.latitude,
    longitude: row.longitude,
    beds: row.beds,
    services: row.services,
    status: row.status,
    active: row.active,
  };
}

/** Lists facilities with the filters of GET /api/facilities, one keyset page at a time. */
export async function listFacilities(ctx: AppContext, query: FacilityListQuery): Promise<PageOf<Facility>> {
  const errors: FieldError[] = [];
  const kinds = (query.kind ?? [])
    .flatMap((k) => k.split(','))
    .map((k) => k.trim())
    .filter(Boolean);
  const unknownKinds = kinds.filter((k) => checkFacilityKind(ctx.profile, k).errors.length > 0);
  if (unknownKinds.length > 0) {
    errors.push({ field: 'query.kind', message: `unknown facility kind(s): ${unknownKinds.join(', ')}` });
  }
  if (query.tier && !ctx.profile.tiers.some((t) => t.id === query.tier)) {
    errors.push({ field: 'query.tier', message: `is not a tier of the ${ctx.profile.id} profile` });
  }
  if (query.careLevel !== undefined) {
    for (const e of checkCareLevel(ctx.profile, query.careLevel))
      errors.push({ field: 'query.careLevel', message: e.message });
  }
  const withinPath = await areaPathFilter(ctx.db, query.area, 'query.area', errors);
  if (errors.length > 0) throw invalidFields(errors);
  const sort = query.sort ?? 'code';
  const page = pageRequest(query);
  const filter: FacilityFilter = {
    kinds,
    tier: query.tier,
    careLevel:
      query.careLevel === undefined
        ? undefined
        : { level: query.careLevel, kindsUsually: kindsWithCareLevel(ctx.profile, query.careLevel) },
    ownership: query.ownership,
    status: query.status,
    withinPath,
    managedBy: query.managedBy,
    q: query.q,
    includeInactive: query.includeInactive,
    sort,
    ...page,
  };
  const [rows, total] = await Promise.all([
    listFacilityRows(ctx.db, filter),
    countFacilityRows(ctx.db, filter),
  ]);
  const areas = await findAreasByIds(
    ctx.db,
    rows.map((r) => r.area_id),
  );
  return toPage(
    rows,
    page.limit,
    (r) => r[sort],
    (r) => toFacility(ctx.profile, r, areas.get(r.area_id)),
    total,
  );
}

/** One facility with its status history and the facilities it manages; 404 when unknown. */
export async function getFacility(ctx: AppContext, id: string): Promise<FacilityDetail> {
  const db = ctx.db;
  const row = await findFacilityRowById(db, id);
  if (!row) throw notFound('Facility', id);
  const [area, history, manages] = await Promise.all([
    findAreaById(db, row.area_id),
    statusHistory(db, id),
    managedFacilities(db, id),
  ]);
  return {
    ...toFacility(ctx.profile, row, area),
    statusHistory: history.map((h) => ({ status: h.status, effectiveOn: h.effective_on, reason: h.reason })),
    manages,
  };
}

/** Resolves the area named by id or code in a body; pushes a field error when it is unknown or inactive. */
export async function resolveArea(
  db: Db,
  body: { areaId?: string; areaCode?: string },
  errors: FieldError[],
): Promise<AreaRef | undefined> {
  const field = body.areaId !== undefined ? 'body.areaId' : 'body.areaCode';
  const area =
    body.areaId !== undefined
      ? await findAreaById(db, body.areaId)
      : body.areaCode !== undefined
        ? await findAreaByCode(db, body.areaCode)
        : undefined;
  if (body.areaId === undefined && body.areaCode === undefined) {
    errors.push({ field, message: 'is required (or body.areaId)' });
  } else if (!area) {
    const what = body.areaId !== undefined ? 'id' : 'code';
    errors.push({ field, message: `no area has the ${what} ${body.areaId ?? body.areaCode}` });
  } else if (!area.active) {
    errors.push({ field, message: `the area ${area.code} is deactivated` });
  } else if (body.areaId !== undefined && body.areaCode !== undefined && area.code !== body.areaCode) {
    errors.push({ field: 'body.areaCode', message: 'names a different area than body.areaId' });
  }
  return area;
}

/** Resolves a managing facility named by id or code; pushes a field error when it is unknown. */
export async function resolveManager(
  db: Db,
  body: { managingFacilityId?: string | null; managingFacilityCode?: string | null },
  errors: FieldError[],
): Promise<FacilityWithManager | undefined> {
  const byId = body.managingFacilityId ?? undefined;
  const byCode = body.managingFacilityCode ?? undefined;
  if (byId === undefined && byCode === undefined) return undefined;
  const field = byId !== undefined ? 'body.managingFacilityId' : 'body.managingFacilityCode';
  const manager =
    byId !== undefined ? await findFacilityRowById(db, byId) : await findFacilityRowByCode(db, byCode!);
  if (!manager)
    errors.push({ field, message: `no facility has the ${byId ? 'id' : 'code'} ${byId ?? byCode}` });
  else if (byId !== undefined && byCode !== undefined && manager.code !== byCode) {
    errors.push({
      field: 'body.managingFacilityCode',
      message: 'names a different facility than body.managingFacilityId',
    });
  }
  return manager;
}

/**
 * Registers a facility. Every field that needs the profile or the database is checked before anything
 * is written, and all problems are reported together; a duplicate code is a 409.
 */
export async function createFacility(ctx: AppContext, body: CreateFacilityBody): Promise<FacilityDetail> {
  const id = newId();
  await inTransaction(ctx.db, async (trx) => {
    const errors: FieldError[] = [];
    const fieldErr = (e: { field: string; message: string }) =>
      errors.push({ field: `body.${e.field}`, message: e.message });
    checkFacilityCode(ctx.profile, body.code).forEach(fieldErr);
    const kind = checkFacilityKind(ctx.profile, body.kind);
    kind.errors.forEach(fieldErr);
    if (body.careLevel !== undefined) checkCareLevel(ctx.profile, body.careLevel).forEach(fieldErr);
    const area = await resolveArea(trx, body, errors);
    const manager = await resolveManager(trx, body, errors);
    if (errors.length > 0) throw invalidFields(errors);
    if (await findFacilityRowByCode(trx, body.code)) {
      throw taken(`A facility with the code ${body.code} already exists`, 'body.code');
    }
    const status = body.status ?? 'open';
    await insertFacility(trx, {
      id,
      code: body.code,
      name: body.name,
      kind: body.kind,
      tier: kind.tier!,
      care_level: body.careLevel ?? null,
      ownership: body.ownership ?? 'public',
      managing_facility_id: manager?.id ?? null,
      area_id: area!.id,
      area_path: area!.path,
      latitude: body.latitude ?? null,
      longitude: body.longitude ?? null,
      beds: body.beds ?? 0,
      services: body.services ?? [],
      status,
    });
    await insertStatusChange(trx, {
      id: newId(),
      facility_id: id,
      status,
      effective_on: todayOf(ctx),
      reason: 'registered',
    });
  });
  return getFacility(ctx, id);
}

/** Whether `managerId` may manage `facilityId`: not itself, and no loop up the chain. */
export async function wouldCycle(db: Db, facilityId: string, managerId: string): Promise<boolean> {
  return createsManagementCycle(facilityId, await managementChain(db, managerId));
}

/** Deactivates a facility: gone from lists, still readable. Nothing is deleted. */
export async function deactivateFacility(ctx: AppContext, id: string): Promise<FacilityDetail> {
  const row = await findFacilityRowById(ctx.db, id);
  if (!row) throw notFound('Facility', id);
  if (row.active) await updateFacilityRow(ctx.db, id, { active: false });
  return getFacility(ctx, id);
}
