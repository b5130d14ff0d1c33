import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

import type { FacilityStatus, Ownership } from './facilities.enums.ts';

export type { FacilityStatus, Ownership };

export interface FacilityTable {
  id: string;
  /** Official code; in Vietnam the 5-character insurance facility code. */
  code: string;
  name: string;
  /** A facility kind from the country profile (commune_health_station, district_health_centre ...). */
  kind: string;
  /** The tier of the kind in the profile, stored so that queries can group by it. */
  tier: string;
  /**
   * The facility's own level of care (a profile `careLevels` id), as classified by the health
   * department; null when not classified on its own, so it has its kind's usual level.
   */
  care_level: string | null;
  ownership: Ownership;
  managing_facility_id: string | null;
  area_id: string;
  area_path: string;
  latitude: number | null;
  longitude: number | null;
  beds: Generated<number>;
  services: ColumnType<string[], string[] | undefined, string[]>;
  status: Generated<FacilityStatus>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface FacilityStatusChangeTable {
  id: string;
  facility_id: string;
  status: FacilityStatus;
  effective_on: string;
  reason: string | null;
  recorded_at: Generated<Date>;
}

export type FacilityRow = Selectable<FacilityTable>;
export type NewFacilityRow = Insertable<FacilityTable>;
export type FacilityStatusChangeRow = Selectable<FacilityStatusChangeTable>;
