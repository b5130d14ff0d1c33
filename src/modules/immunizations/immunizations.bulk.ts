import type { Db } from '../../platform/db/database.ts';
import { fingerprintOf } from '../encounters/index.ts';
import { insertImmunizationRows } from './immunizations.queries.ts';
import { vaccines } from './vaccines.ts';

/** A dose for the demo's bulk load: the API's body with its resident (and the facility of a dose given here). */
export interface ImmunizationBulkRow {
  id: string;
  residentId: string;
  vaccine: string;
  date: string;
  doseNumber?: number | null;
  lot?: string | null;
  givenElsewhere: boolean;
  /** Required when given here. */
  facilityId?: string | null;
  place?: string | null;
  note?: string | null;
  recordedBy?: string | null;
}

const CHUNK = 1000;

/**
 * Loads many doses in multi-row INSERTs (each row takes its resident's area path), for the demo: no
 * listener is told (the demo recomputes its areas after loading). A row the API would refuse (an
 * unknown vaccine, a dose given here without its facility) throws naming it: only trusted callers use this.
 */
export async function insertImmunizationsBulk(
  db: Db,
  rows: readonly ImmunizationBulkRow[],
  recordedAt: Date = new Date(0),
): Promise<number> {
  const known = vaccines();
  const stored = rows.map((r, i) => {
    if (!known.has(r.vaccine))
      throw new Error(`immunizations load: row ${i + 1} has no vaccine ${r.vaccine}`);
    if (!r.givenElsewhere && !r.facilityId)
      throw new Error(`immunizations load: row ${i + 1} was given here but names no facility`);
    const body = {
      id: r.id,
      vaccine: r.vaccine,
      date: r.date,
      doseNumber: r.doseNumber ?? undefined,
      lot: r.lot ?? undefined,
      givenElsewhere: r.givenElsewhere,
      place: r.givenElsewhere ? (r.place ?? undefined) : undefined,
      facilityId: r.givenElsewhere ? undefined : (r.facilityId ?? undefined),
      note: r.note ?? undefined,
    };
    return {
      id: r.id,
      resident_id: r.residentId,
      vaccine: r.vaccine,
      dose_number: r.doseNumber ?? null,
      lot: r.lot ?? null,
      given_on: r.date,
      given_elsewhere: r.givenElsewhere,
      facility_id: r.givenElsewhere ? null : (r.facilityId ?? null),
      place: r.givenElsewhere ? (r.place ?? null) : null,
      note: r.note ?? null,
      fingerprint: fingerprintOf({ residentId: r.residentId.toLowerCase(), ...body }),
      recorded_by: r.recordedBy ?? null,
    };
  });
  for (let i = 0; i < stored.length; i += CHUNK)
    await insertImmunizationRows(db, stored.slice(i, i + CHUNK), recordedAt);
  return stored.length;
}
