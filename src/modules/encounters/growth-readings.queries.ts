import type { Db } from '../../platform/db/database.ts';

/** LOINC codes of the measurements a child's growth chart reads (protocols/observations.json). */
export const WEIGHT_CODE = '29463-7';
export const HEIGHT_CODE = '8302-2';

/** One visit's weight and length/height, in the kinds' stored units (kg, cm); either may be missing. */
export interface GrowthReading {
  encounterId: string;
  date: string;
  weightKg: number | null;
  heightCm: number | null;
}

/**
 * A resident's weight and length/height readings in force (retracted ones left out), one per visit
 * with either, oldest first; a kind taken twice at a visit counts its last. Read under the caller's
 * scope: a visit's records carry the facility's place, so a station sees its own and its area's visits.
 */
export async function growthReadingsOf(db: Db, residentId: string): Promise<GrowthReading[]> {
  const rows = await db
    .selectFrom('encounter_observation')
    .select(['encounter_id', 'visit_date', 'code', 'value'])
    .where('resident_id', '=', residentId)
    .where('code', 'in', [WEIGHT_CODE, HEIGHT_CODE])
    .where('retracted_by', 'is', null)
    .orderBy('visit_date')
    .orderBy('encounter_id')
    .orderBy('observed_at')
    .orderBy('id')
    .execute();
  const byVisit = new Map<string, GrowthReading>();
  for (const r of rows) {
    let reading = byVisit.get(r.encounter_id);
    if (!reading) {
      reading = { encounterId: r.encounter_id, date: r.visit_date, weightKg: null, heightCm: null };
      byVisit.set(r.encounter_id, reading);
    }
    if (r.code === WEIGHT_CODE) reading.weightKg = Number(r.value);
    else reading.heightCm = Number(r.value);
  }
  return [...byVisit.values()];
}
