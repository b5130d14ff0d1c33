import type { AppContext } from '../../platform/app-context.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { conflict, type FieldError, invalidFields, notFound, taken } from '../../platform/http/errors.ts';
import { type PageOf, pageRequest, toPage } from '../../platform/http/pagination.ts';
import { newId, UUID_PATTERN } from '../../platform/ids.ts';
import {
  type AreaFilter,
  type AreaWithParent,
  countActiveChildren,
  countAreaRows,
  findAreaRowByCode,
  findAreaRowById,
  insertArea,
  listAreaRows,
  populationSeries,
  updateAreaRow,
  upsertPopulation,
} from './areas.queries.ts';
import { checkAreaPlacement, childPath, levelRank } from './areas.rules.ts';
import type {
  Area,
  AreaDetail,
  AreaListQuery,
  CreateAreaBody,
  PopulationBody,
  PopulationFigure,
  UpdateAreaBody,
} from './areas.schema.ts';

const UUID = new RegExp(UUID_PATTERN);

/** The one mapping from a row to the API object. */
export function toArea(row: AreaWithParent): Area {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    parentId: row.parent_id,
    parentCode: row.parent_code,
    path: row.path,
    latitude: row.latitude,
    longitude: row.longitude,
    active: row.active,
  };
}

/** Finds an area by its id (a UUID) or its official code. */
export function findAreaByIdOrCode(db: Db, idOrCode: string): Promise<AreaWithParent | undefined> {
  return UUID.test(idOrCode) ? findAreaRowById(db, idOrCode) : findAreaRowByCode(db, idOrCode);
}

/** Lists areas with the filters of GET /api/areas, one keyset page at a time. */
export async function listAreas(ctx: AppContext, query: AreaListQuery): Promise<PageOf<Area>> {
  const errors: FieldError[] = [];
  if (query.level && levelRank(ctx.profile, query.level) < 0) {
    errors.push({ field: 'query.level', message: `is not an area level of the ${ctx.profile.id} profile` });
  }
  const withinPath = await areaPathFilter(ctx.db, query.within, 'query.within', errors);
  if (errors.length > 0) throw invalidFields(errors);
  const sort = query.sort ?? 'code';
  const page = pageRequest(query);
  const filter: AreaFilter = {
    level: query.level,
    parentId: query.parent,
    withinPath,
    q: query.q,
    includeInactive: query.includeInactive,
    sort,
    ...page,
  };
  const [rows, total] = await Promise.all([listAreaRows(ctx.db, filter), countAreaRows(ctx.db, filter)]);
  return toPage(rows, page.limit, (r) => (sort === 'name' ? r.name : r.code), toArea, total);
}

/** One area with its population series; 404 when unknown. */
export async function getArea(db: Db, id: string): Promise<AreaDetail> {
  const row = await findAreaRowById(db, id);
  if (!row) throw notFound('Area', id);
  const [series, activeChildren] = await Promise.all([populationSeries(db, id), countActiveChildren(db, id)]);
  return {
    ...toArea(row),
    population: series.map((p) => ({ year: p.year, population: p.population, households: p.households })),
    activeChildren,
  };
}

/** Registers an area under its parent, with its population figures, in one transaction. */
export async function createArea(ctx: AppContext, body: CreateAreaBody): Promise<AreaDetail> {
  const id = newId();
  await inTransaction(ctx.db, async (trx) => {
    const errors: FieldError[] = [];
    const parentField = body.parentId !== undefined ? 'body.parentId' : 'body.parentCode';
    const parentRef = body.parentId ?? body.parentCode;
    const parent = parentRef !== undefined ? await findAreaByIdOrCode(trx, parentRef) : undefined;
    if (parentRef !== undefined && !parent) {
      errors.push({ field: parentField, message: `no area has the ${parentField.slice(5)} ${parentRef}` });
    }
    if (body.parentId !== undefined && body.parentCode !== undefined && parent?.code !== body.parentCode) {
      errors.push({ field: 'body.parentCode', message: 'names a different area than body.parentId' });
    }
    const placement = checkAreaPlacement(ctx.profile, {
      code: body.code,
      level: body.level,
      parent: parent ? { code: parent.code, level: parent.level, active: parent.active } : null,
    });
    for (const e of placement) {
      // An unknown parent is already reported; its level cannot be judged.
      if (e.field === 'parent' && parentRef !== undefined && !parent) continue;
      errors.push({ field: e.field === 'parent' ? parentField : `body.${e.field}`, message: e.message });
    }
    const years = (body.population ?? []).map((p) => p.year);
    if (new Set(years).size !== years.length) {
      errors.push({ field: 'body.population', message: 'lists the same year more than once' });
    }
    if (errors.length > 0) throw invalidFields(errors);
    if (await findAreaRowByCode(trx, body.code)) {
      throw taken(`An area with the code ${body.code} already exists`, 'body.code');
    }
    await insertArea(trx, {
      id,
      code: body.code,
      name: body.name,
      level: body.level,
      parent_id: parent?.id ?? null,
      path: childPath(parent?.path ?? null, body.code),
      latitude: body.latitude ?? null,
      longitude: body.longitude ?? null,
    });
    for (const fig of body.population ?? []) await writeFigure(trx, id, fig);
  });
  return getArea(ctx.db, id);
}

function writeFigure(db: Db, areaId: string, fig: PopulationFigure): Promise<void> {
  return upsertPopulation(db, {
    area_id: areaId,
    year: fig.year,
    population: fig.population,
    households: fig.households ?? null,
  });
}

/**
 * Renames or moves the centroid of an area. The parent, code and level never change: a path is made
 * of codes, and a reorganised area (merged communes, a new province) is a new area with the old one
 * deactivated, so history stays attached to the area it happened in.
 */
export async function updateArea(ctx: AppContext, id: string, body: UpdateAreaBody): Promise<AreaDetail> {
  const fixed = (['parentId', 'parentCode', 'code', 'level'] as const).filter((k) => body[k] !== undefined);
  if (fixed.length > 0) {
    throw invalidFields(
      fixed.map((k) => ({
        field: `body.${k}`,
        message: `cannot be changed: create the new area under its new parent and deactivate the old one`,
      })),
    );
  }
  if (!(await findAreaRowById(ctx.db, id))) throw notFound('Area', id);
  const patch: { name?: string; latitude?: number | null; longitude?: number | null } = {};
  if (body.name !== undefined) patch.name = body.name;
  if (body.latitude !== undefined) patch.latitude = body.latitude;
  if (body.longitude !== undefined) patch.longitude = body.longitude;
  if (Object.keys(patch).length > 0) await updateAreaRow(ctx.db, id, patch);
  return getArea(ctx.db, id);
}

/** Records (or corrects) the population and households of an area for one year. */
export async function setPopulation(
  ctx: AppContext,
  id: string,
  year: number,
  body: PopulationBody,
): Promise<AreaDetail> {
  if (!(await findAreaRowById(ctx.db, id))) throw notFound('Area', id);
  await writeFigure(ctx.db, id, { year, population: body.population, households: body.households ?? null });
  return getArea(ctx.db, id);
}

/**
 * Deactivates an area. Refused (409) while it has active child areas: deactivate or replace them
 * first. Facilities in the area are not checked here (the facilities module owns them).
 */
export async function deactivateArea(ctx: AppContext, id: string): Promise<AreaDetail> {
  await inTransaction(ctx.db, async (trx) => {
    const row = await findAreaRowById(trx, id);
    if (!row) throw notFound('Area', id);
    const children = await countActiveChildren(trx, id);
    if (children > 0) {
      throw conflict(`Area ${row.code} still has ${children} active child area(s): deactivate them first`);
    }
    if (row.active) await updateAreaRow(trx, id, { active: false });
  });
  return getArea(ctx.db, id);
}

/**
 * The area with this id or code. Unknown: a 400 naming `field` when given (a filter or body value),
 * otherwise a 404.
 */
export async function requireAreaRow(db: Db, idOrCode: string, field?: string): Promise<AreaWithParent> {
  const row = await findAreaByIdOrCode(db, idOrCode);
  if (!row) {
    throw field
      ? invalidFields([{ field, message: `no area has the id or code ${idOrCode}` }])
      : notFound('Area', idOrCode);
  }
  return row;
}

/**
 * The subtree path of a list filter given as an area id or code, for "inside this area" queries.
 * Undefined when no filter is given; when the area is unknown, a field error is added to `errors`
 * (so a request reports all its bad filters at once) and undefined is returned.
 *
 * @example const withinPath = await areaPathFilter(db, query.area, 'query.area', errors);
 */
export async function areaPathFilter(
  db: Db,
  idOrCode: string | undefined,
  field: string,
  errors: FieldError[],
): Promise<string | undefined> {
  if (!idOrCode) return undefined;
  const area = await findAreaByIdOrCode(db, idOrCode);
  if (!area) errors.push({ field, message: `no area has the id or code ${idOrCode}` });
  return area?.path;
}
