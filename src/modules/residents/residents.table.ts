import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

import type { Sex } from '../../platform/sex.enums.ts';
import type { BirthPrecision, Relationship, ResidentStatus } from './residents.enums.ts';

export type { BirthPrecision, Relationship, ResidentStatus, Sex };

export interface HouseholdTable {
  id: string;
  /** Household book number; optional, unique when set. */
  code: string | null;
  address: string;
  /** A village or commune. */
  area_id: string;
  area_path: string;
  latitude: number | null;
  longitude: number | null;
  head_resident_id: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ResidentTable {
  id: string;
  /** External id from the source register (CSV imports match on it when there is no citizen id). */
  code: string | null;
  citizen_id: string | null;
  full_name: string;
  /**
   * Set by a trigger (`resident_name_keys`): lower(unaccent(full_name)), spaces collapsed; its first and
   * last words; and the name without its family name. Chinese names in pinyin: "李明" -> "li ming".
   */
  name_key: ColumnType<string, never, never>;
  family_key: ColumnType<string, never, never>;
  given_key: ColumnType<string, never, never>;
  rest_key: ColumnType<string, never, never>;
  sex: Sex | null;
  birth_date: string | null;
  birth_year: number | null;
  birth_date_precision: ColumnType<BirthPrecision, BirthPrecision | undefined, BirthPrecision>;
  ethnicity: string | null;
  phone: string | null;
  /** The language reminders to them are written in (a tag of the profile's languages); null: the profile's locale. */
  language: ColumnType<string | null, string | null | undefined, string | null>;
  occupation: string | null;
  household_id: string | null;
  relationship_to_head: Relationship | null;
  registered_facility_id: string | null;
  area_id: string;
  area_path: string;
  status: ColumnType<ResidentStatus, ResidentStatus | undefined, ResidentStatus>;
  status_date: string | null;
  merged_into_id: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ResidentStatusChangeTable {
  id: string;
  resident_id: string;
  kind: 'registered' | 'status' | 'move';
  status: ResidentStatus;
  effective_on: string;
  reason: string | null;
  from_area_id: string | null;
  to_area_id: string | null;
  from_household_id: string | null;
  to_household_id: string | null;
  area_path: string;
  recorded_at: Generated<Date>;
}

export interface ResidentMergeTable {
  id: string;
  survivor_id: string;
  merged_id: string;
  reason: string | null;
  snapshot: ColumnType<unknown, string, string>;
  area_path: string;
  merged_at: Generated<Date>;
  merged_by: string | null;
  undone_at: Date | null;
  undone_by: string | null;
}

export type HouseholdRow = Selectable<HouseholdTable>;
export type NewHouseholdRow = Insertable<HouseholdTable>;
export type ResidentRow = Selectable<ResidentTable>;
export type NewResidentRow = Insertable<ResidentTable>;
export type ResidentStatusChangeRow = Selectable<ResidentStatusChangeTable>;
export type ResidentMergeRow = Selectable<ResidentMergeTable>;
