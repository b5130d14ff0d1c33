import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

import type { RotationSession } from './rotations.enums.ts';

export type { RotationSession };

export interface RotationTable {
  id: string;
  worker_id: string;
  /** Where the worker normally works (a district health centre). */
  home_facility_id: string;
  /** Where the sessions take place (a commune station). */
  host_facility_id: string;
  host_area_path: string;
  start_date: string;
  end_date: string;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  weekdays: ColumnType<number[], number[] | undefined, number[]>;
  /** Listed dates (YYYY-MM-DD), in addition to the weekdays. */
  dates: ColumnType<string[], string[] | undefined, string[]>;
  session: Generated<RotationSession>;
  note: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export type RotationRow = Selectable<RotationTable>;
export type NewRotationRow = Insertable<RotationTable>;
