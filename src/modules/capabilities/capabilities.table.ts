import type { Generated, Insertable, Selectable } from 'kysely';

/** A facility's declaration that it offers a standard service since a date, or not (and why). */
export interface FacilityServiceTable {
  id: string;
  facility_id: string;
  area_path: string;
  service_code: string;
  offered: boolean;
  since: string;
  reason: string | null;
  note: string | null;
  recorded_at: Generated<Date>;
}

/** A facility's count of one standard equipment item on a date, by condition. */
export interface FacilityEquipmentTable {
  id: string;
  facility_id: string;
  area_path: string;
  item_code: string;
  as_of: string;
  working: number;
  needs_repair: number;
  broken: number;
  note: string | null;
  recorded_at: Generated<Date>;
}

export type FacilityServiceRow = Selectable<FacilityServiceTable>;
export type NewFacilityServiceRow = Insertable<FacilityServiceTable>;
export type FacilityEquipmentRow = Selectable<FacilityEquipmentTable>;
export type NewFacilityEquipmentRow = Insertable<FacilityEquipmentTable>;
