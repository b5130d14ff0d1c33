import type { Selectable } from 'kysely';
import type { OutreachOutcome, ProgrammeKind } from './programmes.enums.ts';

/**
 * The programme engine's store (migration 2026_12_06_1000), queried only in programmes/*.queries.ts.
 * programme_due, programme_risk and programme_invalid_dose are derived (a recompute replaces a
 * resident's rows); outreach_attempt is a record.
 */

/** One due window (facts.ts DueWindow) of a resident, with what outreach made of it. */
export interface ProgrammeDueTable {
  /** A hash of the window's key, so a recompute keeps the id of an unchanged window. */
  id: string;
  resident_id: string;
  programme_id: string;
  kind: ProgrammeKind;
  item_id: string;
  episode_id: string | null;
  due_from: string;
  earliest_on: string;
  overdue_after: string | null;
  expires_on: string | null;
  done_on: string | null;
  done_by: string | null;
  /** A will-come outcome's day: off the worklist until then. */
  come_on: string | null;
  /** A refused outcome's day: the window is closed. */
  closed_on: string | null;
  last_outcome: OutreachOutcome | null;
  last_note: string | null;
  last_attempt_at: Date | null;
  /** The resident's area path. */
  area_path: string;
  computed_at: Date;
}

export interface ProgrammeRiskTable {
  resident_id: string;
  last_systolic: number | null;
  last_diastolic: number | null;
  last_bp_on: string | null;
  cardiovascular_event: boolean;
  area_path: string;
  computed_at: Date;
}

export interface ProgrammeInvalidDoseTable {
  resident_id: string;
  dose_id: string;
  programme_id: string;
  item_id: string | null;
  reason: string;
  valid_from: string | null;
  area_path: string;
  computed_at: Date;
}

/** A call or home visit about a due window, under the client's UUID v7. */
export interface OutreachAttemptTable {
  id: string;
  resident_id: string;
  programme_id: string;
  item_id: string;
  episode_id: string | null;
  due_from: string;
  outcome: OutreachOutcome;
  note: string | null;
  come_on: string | null;
  fingerprint: string;
  recorded_by: string | null;
  at: Date;
  area_path: string;
}

export type ProgrammeDueRow = Selectable<ProgrammeDueTable>;
export type OutreachAttemptRow = Selectable<OutreachAttemptTable>;
