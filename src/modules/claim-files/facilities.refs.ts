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
