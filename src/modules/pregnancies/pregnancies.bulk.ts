import type { Db } from '../../platform/db/database.ts';
import { fingerprintOf } from '../encounters/index.ts';
import { PREGNANCY_OUTCOMES, type PregnancyOutcome } from '../programmes/facts.ts';
import { insertPregnancyRows } from './pregnancies.queries.ts';
import { datingOf, daysOfAge, type UltrasoundDating } from './pregnancies.rules.ts';

/** A pregnancy for the demo's bulk load: the API's body with its resident, the outcome when it ended. */
export interface PregnancyBulkRow {
  id: string;
  residentId: string;
  lmp?: string | null;
  ultrasound?: UltrasoundDating | null;
  /** Computed from the dating when left out (as the API does); when given, it is stored as it is. */
  edd?: string | null;
  outcome?: PregnancyOutcome | null;
  outcomeDate?: string | null;
  note?: string | null;
  recordedBy?: string | null;
}

const CHUNK = 1000;
const OUTCOMES = new Set<string>(PREGNANCY_OUTCOMES);

/**
 * Loads many pregnancies in multi-row INSERTs (each row takes its resident's area path), for the demo:
 * no listener is told (the demo recomputes its areas after loading). A row the database would refuse
 * (no dating, an unknown outcome, an outcome without its date) throws naming it: only trusted callers
 * use this; the API's rules of dates are not applied (the demo plans in the past).
 */
export async function insertPregnanciesBulk(
  db: Db,
  rows: readonly PregnancyBulkRow[],
  recordedAt: Date = new Date(0),
): Promise<number> {
  const stored = rows.map((r, i) => {
    const dated = datingOf({ lmp: r.lmp, ultrasound: r.ultrasound });
    if (!dated) throw new Error(`pregnancies load: row ${i + 1} has neither an LMP nor an ultrasound`);
    const outcome = r.outcome ?? null;
    if (outcome !== null && !OUTCOMES.has(outcome))
      throw new Error(`pregnancies load: row ${i + 1} has no outcome ${outcome}`);
    if ((outcome === null) !== !r.outcomeDate)
      throw new Error(`pregnancies load: row ${i + 1} has an outcome without its date, or a date without it`);
    const body = {
      id: r.id,
      lmp: r.lmp ?? undefined,
      ultrasound: r.ultrasound ?? undefined,
      note: r.note ?? undefined,
    };
    return {
      id: r.id,
      resident_id: r.residentId,
      lmp: r.lmp ?? null,
      scan_date: r.ultrasound?.date ?? null,
      scan_ga_days: r.ultrasound ? daysOfAge(r.ultrasound) : null,
      dated_by: dated.datedBy,
      edd: r.edd ?? dated.edd,
      outcome,
      outcome_date: r.outcomeDate ?? null,
      outcome_note: null,
      outcome_fingerprint:
        outcome === null
          ? null
          : fingerprintOf({ pregnancyId: r.id.toLowerCase(), outcome, date: r.outcomeDate }),
      outcome_recorded_by: outcome === null ? null : (r.recordedBy ?? null),
      note: r.note ?? null,
      fingerprint: fingerprintOf({ residentId: r.residentId.toLowerCase(), ...body }),
      recorded_by: r.recordedBy ?? null,
    };
  });
  for (let i = 0; i < stored.length; i += CHUNK)
    await insertPregnancyRows(db, stored.slice(i, i + CHUNK), recordedAt);
  return stored.length;
}
