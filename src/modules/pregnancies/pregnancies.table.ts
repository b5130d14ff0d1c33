import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { PregnancyOutcome } from '../programmes/facts.ts';
import type { DatedBy, PregnancyAmendmentKind } from './pregnancies.enums.ts';

/**
 * One pregnancy episode: dated by the LMP, an ultrasound, or both (the EDD computed at recording and
 * stored), open until its outcome is recorded. Corrected in place by an amendment (which keeps the
 * values before and after), or retracted; never deleted.
 */
export interface PregnancyTable {
  id: string;
  resident_id: string;
  lmp: string | null;
  scan_date: string | null;
  /** Gestational age at the scan, in days. */
  scan_ga_days: number | null;
  dated_by: DatedBy;
  edd: string;
  outcome: PregnancyOutcome | null;
  outcome_date: string | null;
  outcome_note: string | null;
  /** The fingerprint of the outcome's body: the same outcome sent again answers as it did. */
  outcome_fingerprint: string | null;
  outcome_recorded_by: string | null;
  outcome_recorded_at: Date | null;
  note: string | null;
  fingerprint: string;
  /** The amendment that took this episode back (entered in error); null: in force. */
  retracted_by: string | null;
  recorded_by: string | null;
  recorded_at: Date;
  /** The resident's area path (moved with her by a trigger). */
  area_path: string;
}

/** The episode's values an amendment keeps before and after it. */
export interface PregnancyValues {
  lmp: string | null;
  ultrasound: { date: string; weeks: number; days: number } | null;
  datedBy: DatedBy;
  edd: string;
  outcome: PregnancyOutcome | null;
  outcomeDate: string | null;
  retracted: boolean;
}

/** jsonb: read as the object, written as its JSON text. */
type Json<T> = ColumnType<T, string, string>;

export interface PregnancyAmendmentTable {
  id: string;
  pregnancy_id: string;
  resident_id: string;
  reason: string;
  kind: PregnancyAmendmentKind;
  before: Json<PregnancyValues>;
  after: Json<PregnancyValues>;
  fingerprint: string;
  recorded_by: string | null;
  recorded_at: Date;
  area_path: string;
}

export type PregnancyRow = Selectable<PregnancyTable>;
export type NewPregnancyRow = Insertable<PregnancyTable>;
export type PregnancyAmendmentRow = Selectable<PregnancyAmendmentTable>;
export type NewPregnancyAmendmentRow = Insertable<PregnancyAmendmentTable>;
