import type { Db } from '../../platform/db/database.ts';
import { UUID_PATTERN } from '../../platform/ids.ts';
import {
  findAreaRowById,
  findAreaRowsByCodes,
  findAreaRowsByIds,
  listAreaRowsAtLevel,
  sumPopulationIn,
} from './areas.queries.ts';
import { findAreaByIdOrCode, requireAreaRow } from './areas.service.ts';

/**
 * The areas module's public surface: the administrative tree (routes, CSV import/export) and the
 * lookups other modules use. Other modules import only this file.
 */
export { areaImport, exportAreasCsv } from './areas.import.ts';
export { areaRoutes } from './areas.routes.ts';
export type { Area, AreaDetail } from './areas.schema.ts';
export { areaPathFilter } from './areas.service.ts';
export { readBoundary } from './boundaries.rules.ts';
export type { AreaBoundaryCollection, AreaBoundaryFeature, BoundaryGeometry } from './boundaries.schema.ts';
export { importBoundaries } from './boundaries.service.ts';

/** What other modules need to know about an area. */
export interface AreaRef {
  id: string;
  code: string;
  name: string;
  level: string;
  path: string;
  active: boolean;
}

const UUID = new RegExp(UUID_PATTERN);

function toRef(row: AreaRef): AreaRef {
  return { id: row.id, code: row.code, name: row.name, level: row.level, path: row.path, active: row.active };
}

/** The area with this id, or undefined. */
export async function findAreaById(db: Db, id: string): Promise<AreaRef | undefined> {
  if (!UUID.test(id)) return undefined;
  const row = await findAreaRowById(db, id);
  return row && toRef(row);
}

/** The area with this official code, or undefined. */
export async function findAreaByCode(db: Db, code: string): Promise<AreaRef | undefined> {
  const [row] = await findAreaRowsByCodes(db, [code]);
  return row && toRef(row);
}

/** Areas by official code, for batch lookups (CSV imports): a map from code to area. */
export async function findAreasByCodes(db: Db, codes: string[]): Promise<Map<string, AreaRef>> {
  const rows = await findAreaRowsByCodes(db, [...new Set(codes)]);
  return new Map(rows.map((r) => [r.code, toRef(r)]));
}

/** Areas by id, for decorating lists (a facility's area code and name): a map from id to area. */
export async function findAreasByIds(db: Db, ids: string[]): Promise<Map<string, AreaRef>> {
  const rows = await findAreaRowsByIds(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, toRef(r)]));
}

/**
 * The area with this id (a UUID) or official code. When unknown: a 400 naming `field` if given
 * (e.g. `query.area`), otherwise a 404.
 *
 * @example
 * const { path } = await requireArea(db, req.query.area, 'query.area');
 */
export async function requireArea(db: Db, idOrCode: string, field?: string): Promise<AreaRef> {
  return toRef(await requireAreaRow(db, idOrCode, field));
}

/** The area with this id or code, or undefined. */
export async function lookupArea(db: Db, idOrCode: string): Promise<AreaRef | undefined> {
  const row = await findAreaByIdOrCode(db, idOrCode);
  return row && toRef(row);
}

/**
 * Population and households of a subtree for a year: the sum of the lowest-level figures (an area's
 * own figure counts only when no active area below it has one for that year, so a commune and its
 * villages are never counted twice). Inactive areas are left out. Households sum the known figures.
 */
export function populationOf(
  db: Db,
  areaPath: string,
  year: number,
): Promise<{ population: number; households: number }> {
  return sumPopulationIn(db, areaPath, year);
}

/** Active areas at one level inside a subtree (the area itself included when at that level), by code. */
export function listAreasAtLevel(
  db: Db,
  withinPath: string,
  level: string,
): Promise<{ id: string; code: string; name: string; path: string }[]> {
  return listAreaRowsAtLevel(db, withinPath, level);
}
