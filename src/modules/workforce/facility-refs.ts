import type { Db } from '../../platform/db/database.ts';

/**
 * The few facts this module needs about facilities, read in batches. The facilities module owns the
 * table; single lookups go through its `requireFacility`. Batch reads for imports and list pages
 * (one query for a whole batch of codes) read the table here, in one place, read-only.
 */
export interface FacilityFacts {
  id: string;
  code: string;
  name: string;
  areaPath: string;
  active: boolean;
}

/** The facilities with the given codes, by code: one query for a whole import batch. */
export async function facilitiesByCodes(db: Db, codes: string[]): Promise<Map<string, FacilityFacts>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('facility')
    .select(['id', 'code', 'name', 'area_path', 'active'])
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.code,
      { id: r.id, code: r.code, name: r.name, areaPath: r.area_path, active: r.active },
    ]),
  );
}

/** The facilities with the given ids, by id. */
export async function facilitiesByIds(db: Db, ids: string[]): Promise<Map<string, FacilityFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('facility')
    .select(['id', 'code', 'name', 'area_path', 'active'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, code: r.code, name: r.name, areaPath: r.area_path, active: r.active },
    ]),
  );
}

import { invalidFields, notFound } from '../../platform/http/errors.ts';
// TEMPORARY stand-in until the facilities module exports requireFacility; same contract.
import { UUID_PATTERN } from '../../platform/ids.ts';

const UUID = new RegExp(UUID_PATTERN);

/** The facility with this id or code; unknown: a 400 naming `field` if given, otherwise a 404. */
export async function requireFacility(db: Db, idOrCode: string, field?: string): Promise<FacilityFacts> {
  const found = UUID.test(idOrCode)
    ? (await facilitiesByIds(db, [idOrCode])).get(idOrCode)
    : (await facilitiesByCodes(db, [idOrCode])).get(idOrCode);
  if (!found) {
    throw field
      ? invalidFields([{ field, message: `no facility has the id or code ${idOrCode}` }])
      : notFound('Facility', idOrCode);
  }
  return found;
}
