import type { Insertable, Selectable } from 'kysely';

/** One dose given, here (facility_id) or elsewhere (place, from the booklet); never edited but to mark it retracted. */
export interface ImmunizationTable {
  id: string;
  resident_id: string;
  /** A code of protocols/vaccines.json. */
  vaccine: string;
  /** As written (VN counts the HepB birth dose as 0); the engine counts valid doses itself. */
  dose_number: number | null;
  lot: string | null;
  given_on: string;
  given_elsewhere: boolean;
  facility_id: string | null;
  place: string | null;
  note: string | null;
  fingerprint: string;
  /** The amendment that added this dose as the replacement of another. */
  amendment_id: string | null;
  /** The amendment that took this dose back; null: in force. */
  retracted_by: string | null;
  recorded_by: string | null;
  recorded_at: Date;
  /** The resident's area path (moved with the resident by a trigger). */
  area_path: string;
}

/** A correction of one dose: retracted, and replaced when replacement_id is set. */
export interface ImmunizationAmendmentTable {
  id: string;
  immunization_id: string;
  resident_id: string;
  reason: string;
  replacement_id: string | null;
  fingerprint: string;
  recorded_by: string | null;
  recorded_at: Date;
  area_path: string;
}

export type ImmunizationRow = Selectable<ImmunizationTable>;
export type NewImmunizationRow = Insertable<ImmunizationTable>;
export type ImmunizationAmendmentRow = Selectable<ImmunizationAmendmentTable>;
