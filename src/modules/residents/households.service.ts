import type { AppContext } from '../../platform/app-context.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { type FieldError, invalidFields, notFound, taken } from '../../platform/http/errors.ts';
import { decodeCursor, type PageOf, toPage } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import {
  type AreaRef,
  areaPathFilter,
  findAreaByCode,
  findAreaById,
  findAreasByIds,
} from '../areas/index.ts';
import { mapResidents, toHousehold } from './residents.mapping.ts';
import {
  countHouseholdRows,
  findHouseholdRowByCode,
  findHouseholdRowById,
  type HouseholdFilter,
  householdMembers,
  insertHousehold,
  listHouseholdRows,
  updateHouseholdRow,
  updateResidentRow,
} from './residents.queries.ts';
import type {
  CreateHouseholdBody,
  Household,
  HouseholdDetail,
  HouseholdListQuery,
  UpdateHouseholdBody,
} from './residents.schema.ts';

/** Resolves an area named by id or code in a body (under `prefix`); pushes a field error when unusable. */
export async function resolveBodyArea(
  db: Db,
  body: { areaId?: string; areaCode?: string },
  errors: FieldError[],
  prefix = 'body',
  required = true,
): Promise<AreaRef | undefined> {
  if (body.areaId === undefined && body.areaCode === undefined) {
    if (required) errors.push({ field: `${prefix}.areaCode`, message: 'is required (or areaId)' });
    return undefined;
  }
  const field = body.areaId !== undefined ? `${prefix}.areaId` : `${prefix}.areaCode`;
  const area =
    body.areaId !== undefined
      ? await findAreaById(db, body.areaId)
      : await findAreaByCode(db, body.areaCode!);
  if (!area)
    errors.push({
      field,
      message: `no area has the ${body.areaId ? 'id' : 'code'} ${body.areaId ?? body.areaCode}`,
    });
  else if (!area.active) errors.push({ field, message: `the area ${area.code} is deactivated` });
  return area;
}

/** Households in a subtree or matching an address, one keyset page at a time. */
export async function listHouseholds(ctx: AppContext, query: HouseholdListQuery): Promise<PageOf<Household>> {
  const areaErrors: FieldError[] = [];
  const withinPath = await areaPathFilter(ctx.db, query.area, 'query.area', areaErrors);
  if (areaErrors.length > 0) throw invalidFields(areaErrors);
  const limit = query.limit ?? 50;
  const filter: HouseholdFilter = {
    withinPath,
    q: query.q,
    includeInactive: query.includeInactive,
    limit,
    afterId: decodeCursor(query.cursor)?.id,
  };
  const [rows, total] = await Promise.all([
    listHouseholdRows(ctx.db, filter),
    countHouseholdRows(ctx.db, filter),
  ]);
  const areas = await findAreasByIds(
    ctx.db,
    rows.map((r) => r.area_id),
  );
  return toPage(
    rows,
    limit,
    () => null,
    (r) => toHousehold(r, areas),
    total,
  );
}

/** One household with its members (merged-away records left out); 404 when unknown or out of scope. */
export async function getHousehold(db: Db, id: string): Promise<HouseholdDetail> {
  const row = await findHouseholdRowById(db, id);
  if (!row) throw notFound('Household', id);
  const [areas, members] = await Promise.all([findAreasByIds(db, [row.area_id]), householdMembers(db, id)]);
  return { ...toHousehold(row, areas), members: await mapResidents(db, members) };
}

/** Inserts a household inside an open transaction; returns its id. Used by create and by moves. */
export async function insertNewHousehold(
  trx: Db,
  body: CreateHouseholdBody,
  prefix = 'body',
): Promise<string> {
  const errors: FieldError[] = [];
  const area = await resolveBodyArea(trx, body, errors, prefix);
  if (errors.length > 0 || !area) throw invalidFields(errors);
  return storeNewHousehold(trx, body, area, prefix);
}

/** Inserts a household whose area the caller already resolved (and found active); returns its id. */
export async function storeNewHousehold(
  trx: Db,
  body: CreateHouseholdBody,
  area: AreaRef,
  prefix = 'body',
): Promise<string> {
  if (body.code && (await findHouseholdRowByCode(trx, body.code))) {
    throw taken(`A household with the book number ${body.code} already exists`, `${prefix}.code`);
  }
  const id = newId();
  await insertHousehold(trx, {
    id,
    code: body.code ?? null,
    address: body.address,
    area_id: area.id,
    area_path: area.path,
    latitude: body.latitude ?? null,
    longitude: body.longitude ?? null,
    head_resident_id: null,
  });
  return id;
}

/** Registers a household (its members are added as residents with their relationship to the head). */
export async function createHousehold(ctx: AppContext, body: CreateHouseholdBody): Promise<HouseholdDetail> {
  const id = await inTransaction(ctx.db, (trx) => insertNewHousehold(trx, body));
  return getHousehold(ctx.db, id);
}

/** Updates address, book number, coordinates or the head (who must be a member). */
export async function updateHousehold(
  ctx: AppContext,
  id: string,
  body: UpdateHouseholdBody,
): Promise<HouseholdDetail> {
  await inTransaction(ctx.db, async (trx) => {
    const row = await findHouseholdRowById(trx, id);
    if (!row) throw notFound('Household', id);
    const members = await householdMembers(trx, id);
    if (body.headResidentId && !members.some((m) => m.id === body.headResidentId && m.active)) {
      throw invalidFields([
        { field: 'body.headResidentId', message: 'is not an active member of this household' },
      ]);
    }
    if (body.code && body.code !== row.code) {
      const other = await findHouseholdRowByCode(trx, body.code);
      if (other) throw taken(`A household with the book number ${body.code} already exists`, 'body.code');
    }
    const { headResidentId, ...rest } = body;
    await updateHouseholdRow(trx, id, {
      ...rest,
      ...(headResidentId !== undefined ? { head_resident_id: headResidentId } : {}),
    });
    if (headResidentId !== undefined && headResidentId !== row.head_resident_id) {
      // The relationship of the old head is no longer "head"; the new head's is.
      if (row.head_resident_id)
        await updateResidentRow(trx, row.head_resident_id, { relationship_to_head: 'other' });
      if (headResidentId) await updateResidentRow(trx, headResidentId, { relationship_to_head: 'head' });
    }
  });
  return getHousehold(ctx.db, id);
}

/** Deactivates a household: gone from lists, still readable, its members keep their records. */
export async function deactivateHousehold(ctx: AppContext, id: string): Promise<HouseholdDetail> {
  const row = await findHouseholdRowById(ctx.db, id);
  if (!row) throw notFound('Household', id);
  if (row.active) await updateHouseholdRow(ctx.db, id, { active: false });
  return getHousehold(ctx.db, id);
}
