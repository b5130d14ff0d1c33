/** What the claim files need of a facility (its code, its place), through the facilities module. */
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { facilitiesByKeys } from '../facilities/index.ts';

export interface ClaimFacility {
  id: string;
  code: string;
  areaPath: string;
}

export async function claimFacility(db: Db, id: string): Promise<ClaimFacility> {
  const f = (await facilitiesByKeys(db, 'id', [id])).get(id);
  if (!f) throw notFound('Facility', id);
  return { id: f.id, code: f.code, areaPath: f.areaPath };
}

/** The facility of a code, when it lies in the caller's scope (the import learns it from the file). */
export async function claimFacilityByCode(db: Db, code: string): Promise<ClaimFacility | undefined> {
  const f = (await facilitiesByKeys(db, 'code', [code])).get(code);
  return f ? { id: f.id, code: f.code, areaPath: f.areaPath } : undefined;
}
