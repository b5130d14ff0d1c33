import type { Db } from '../../platform/db/database.ts';
import { AppError, type FieldError, invalidFields, notFound } from '../../platform/http/errors.ts';
import { facilitiesByKeys, lookupFacility } from '../facilities/index.ts';

/**
 * The few facts this module needs about facilities, in one place, all through the facilities
 * module's index.ts (it owns the table): single lookups by id or code, and batch lookups for imports
 * and list pages (one query for a whole batch of codes or ids).
 */
export interface FacilityFacts {
  id: string;
  code: string;
  name: string;
  areaPath: string;
  active: boolean;
}

const factsOf = (f: FacilityFacts): FacilityFacts => ({
  id: f.id,
  code: f.code,
  name: f.name,
  areaPath: f.areaPath,
  active: f.active,
});

/** The facilities with the given codes, by code: one query for a whole import batch. */
export async function facilitiesByCodes(db: Db, codes: string[]): Promise<Map<string, FacilityFacts>> {
  const found = await facilitiesByKeys(db, 'code', codes);
  return new Map([...found].map(([code, f]) => [code, factsOf(f)]));
}

/** The facilities with the given ids, by id. */
export async function facilitiesByIds(db: Db, ids: string[]): Promise<Map<string, FacilityFacts>> {
  const found = await facilitiesByKeys(db, 'id', ids);
  return new Map([...found].map(([id, f]) => [id, factsOf(f)]));
}

/**
 * The facility with this id or code, through the facilities module. Unknown: a 400 naming `field`
 * when given (a filter or body value), otherwise a 404.
 */
export async function requireFacility(db: Db, idOrCode: string, field?: string): Promise<FacilityFacts> {
  const found = await lookupFacility(db, idOrCode);
  if (!found) {
    throw field
      ? invalidFields([{ field, message: `no facility has the id or code ${idOrCode}` }])
      : notFound('Facility', idOrCode);
  }
  return factsOf(found);
}

/** Awaits a lookup; a field error (unknown code ...) is collected instead of thrown, so all are reported at once. */
export async function collectFieldErrors<T>(
  lookup: Promise<T>,
  errors: FieldError[],
): Promise<T | undefined> {
  try {
    return await lookup;
  } catch (e) {
    if (e instanceof AppError && e.errors.length > 0) {
      errors.push(...e.errors);
      return undefined;
    }
    throw e;
  }
}

/** Resolves `{facilityId | facilityCode}`: exactly one must be given and name an active facility. */
export async function resolveFacility(
  db: Db,
  ref: { facilityId?: string; facilityCode?: string },
  prefix: string,
): Promise<{ facility?: FacilityFacts; errors: FieldError[] }> {
  const given = ref.facilityId ?? ref.facilityCode;
  const field = `${prefix}${ref.facilityId ? 'facilityId' : 'facilityCode'}`;
  if (!given || (ref.facilityId && ref.facilityCode)) {
    return { errors: [{ field: `${prefix}facilityId`, message: 'give either facilityId or facilityCode' }] };
  }
  const errors: FieldError[] = [];
  const facility = await collectFieldErrors(requireFacility(db, given, field), errors);
  if (facility && !facility.active)
    errors.push({ field, message: `facility ${facility.code} is deactivated` });
  return { facility: errors.length === 0 ? facility : undefined, errors };
}
